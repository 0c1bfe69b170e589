import { detectCrises, latestEpisode } from '../../crises';
import { UNANSWERED_SQL } from '../../db/handling-repo';
import { idRangeFor } from '../../db/mention-key';
import { newestPostedAt } from '../../db/mention-span';
import { readProfile } from '../../db/profile-repo';
import type { Handlers } from '../handler-types';

type Methods = 'dashboard.today' | 'crises.list';

const DAY = 86_400_000;

/** The primary-key range of a time range (ids follow time), so scans use the primary key. */
export const ids = (from: number, to: number): [number, number] => idRangeFor(from, to + 1000);

/** The period ends at the newest stored mention when studying an archive, else now. */
export function period(
  db: import('../../db/workspace-file').Db,
  now: number,
  days: number,
): { from: number; to: number } {
  const newest = newestPostedAt(db);
  const to = newest !== null && newest < now ? newest + 1 : now;
  return { from: to - days * DAY, to };
}

export const insightHandlers: Pick<Handlers, Methods> = {
  'dashboard.today': (deps) => {
    const db = deps.session.require().db;
    const { to } = period(db, deps.clock.now(), 1);
    const since = to - DAY;
    const one = (sql: string, ...a: unknown[]): number =>
      (db.prepare(sql).get(...a) as { n: number | null }).n ?? 0;
    const unanswered = `FROM mentions m WHERE m.is_brand = 0 AND m.complaint = 1 AND m.id BETWEEN ? AND ? AND m.posted_at BETWEEN ? AND ?
      AND ${UNANSWERED_SQL}`;
    const [lo] = [to - 30 * DAY];
    const last = latestEpisode(db, readProfile(db).timezone, to);
    const recent = last && (last.end === null || Date.parse(last.end) > to - 2 * DAY) ? last : null;
    return {
      asOf: to,
      newMentions24h: one(
        'SELECT count(*) AS n FROM mentions WHERE is_brand = 0 AND id BETWEEN ? AND ? AND posted_at BETWEEN ? AND ?',
        ...ids(since, to),
        since,
        to,
      ),
      newComplaints24h: one(
        'SELECT count(*) AS n FROM mentions WHERE is_brand = 0 AND complaint = 1 AND id BETWEEN ? AND ? AND posted_at BETWEEN ? AND ?',
        ...ids(since, to),
        since,
        to,
      ),
      unansweredComplaints: one(`SELECT count(*) AS n ${unanswered}`, ...ids(lo, to), lo, to),
      oldestUnansweredAt: (
        db.prepare(`SELECT min(m.posted_at) AS n ${unanswered}`).get(...ids(lo, to), lo, to) as {
          n: number | null;
        }
      ).n,
      agitators: one(
        "SELECT count(*) AS n FROM authors WHERE label = 'agitator' AND last_seen_at >= ?",
        to - 7 * DAY,
      ),
      escalating: one(
        "SELECT count(*) AS n FROM authors WHERE label = 'escalating' AND last_seen_at >= ?",
        to - 7 * DAY,
      ),
      crisis: recent
        ? {
            id: recent.id,
            severity: recent.severity,
            start: recent.start,
            ongoing: recent.end === null,
          }
        : null,
      topTopics: db
        .prepare(
          'SELECT topic, count(*) AS n FROM mentions WHERE is_brand = 0 AND complaint = 1 AND topic IS NOT NULL AND id BETWEEN ? AND ? AND posted_at BETWEEN ? AND ? GROUP BY topic ORDER BY n DESC LIMIT 3',
        )
        .all(...ids(to - 7 * DAY, to), to - 7 * DAY, to) as Array<{ topic: string; n: number }>,
    };
  },
  'crises.list': (deps, input) => {
    const db = deps.session.require().db;
    const { episodes, series } = detectCrises(db, readProfile(db).timezone, {
      at: input.at,
      sensitivity: input.sensitivity,
    });
    // The chart needs the last weeks only: the whole series can be two years of hours.
    return {
      episodes,
      series: series.slice(-24 * 28).map((p) => ({
        hour: p.hour,
        negative: p.negative,
        expected: p.expected,
        upper: p.upper,
        fired: p.fired,
      })),
    };
  },
};
