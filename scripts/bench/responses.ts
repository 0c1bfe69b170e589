import { compareRange, dataDayRange, shiftDays } from '../../main/core/db/dashboard-query';
import { readProfile } from '../../main/core/db/profile-repo';
import { localDayOf } from '../../main/core/db/local-day';
import { readResponseRollup } from '../../main/core/db/response-rollups';
import { localDaysToUtc } from '../../main/core/db/trends-query';
import type { Db } from '../../main/core/db/workspace-file';
import { responseKpis, type ResponseKpis } from '../../main/core/responses/kpis';
import { kpisFromRollup } from '../../main/core/responses/rollup-kpis';

type TimeIt = (n: number, fn: (i: number) => void) => { p50: number; p95: number };

const PERIODS = [7, 30, 90, 365, 730];
const FIGURES = [
  'responseRate',
  'medianMinutes',
  'p90Minutes',
  'medianBusinessMinutes',
  'within1h',
  'within4h',
  'within24h',
] as const;

const pick = (k: ResponseKpis): Record<string, number | null> =>
  Object.fromEntries(
    FIGURES.map((f) => [f, k[f] === null ? null : Math.round((k[f] as number) * 1000) / 1000]),
  );

/**
 * The last local day of the generated corpus (its import batch): later runs on a kept
 * workspace measure the same periods even though the People bench adds a few posts dated now.
 */
export function corpusLastDay(db: Db): string {
  const t = (
    db
      .prepare(
        'SELECT max(posted_at) AS t FROM mentions WHERE batch_id = (SELECT min(id) FROM import_batches)',
      )
      .get() as { t: number | null }
  ).t;
  if (t === null) return dataDayRange(db)?.last ?? '2025-12-31';
  return localDayOf(readProfile(db).timezone)(t);
}

/**
 * Response KPIs as the Responses page asks for them (a period and the one before, from the
 * response rollups) over 7–730 days, and — once per period of 30 and 730 days — the same
 * figures computed exactly from every stored reply, to show the rollup's precision at 1M.
 */
export function benchResponses(
  db: Db,
  timeIt: TimeIt,
): { kpisP95Ms: number; kpis30dP95Ms: number } & Record<string, unknown> {
  const p = readProfile(db);
  const last = corpusLastDay(db);
  const range = (days: number) => ({ from: shiftDays(last, -(days - 1)), to: last });
  const page = (days: number): ResponseKpis => {
    const r = range(days);
    const c = compareRange(r);
    kpisFromRollup(readResponseRollup(db, c.compareFrom, c.compareTo), p.responseTargetMinutes);
    return kpisFromRollup(readResponseRollup(db, r.from, r.to), p.responseTargetMinutes);
  };
  // Enough runs that p95 is not the one slowest run on a shared machine.
  const all = timeIt(60, (i) => page(PERIODS[Math.abs(i) % PERIODS.length] ?? 30));
  const month = timeIt(40, () => page(30));
  const twoYears = timeIt(40, () => page(730));
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const accuracy = [30, 730].map((days) => {
    const r = range(days);
    const [s, e] = localDaysToUtc(r.from, r.to, p.timezone);
    const t0 = Date.now();
    const exact = responseKpis(db, s, e, {
      hours: p.hours,
      timezone: p.timezone,
      holidays: p.holidays,
      targetMinutes: p.responseTargetMinutes,
    });
    const exactMs = Date.now() - t0;
    const k = page(days);
    return {
      days,
      customerMentions: k.customerMentions,
      answered: k.answered,
      sameCounts: k.answered === exact.answered && k.customerMentions === exact.customerMentions,
      rollup: pick(k),
      exact: pick(exact),
      exactMs,
    };
  });
  return {
    brandReplies: count(
      'SELECT count(*) AS n FROM mentions WHERE is_brand = 1 AND reply_to_key IS NOT NULL',
    ),
    customerMentions: count('SELECT count(*) AS n FROM mentions WHERE is_brand = 0'),
    kpisP50Ms: all.p50,
    kpisP95Ms: all.p95,
    kpis30dP95Ms: month.p95,
    kpis730dP95Ms: twoYears.p95,
    accuracy,
  };
}
