import type { DashboardOverview, DaySeriesPoint, PeriodKpis } from '../model/dashboard';
import type { Db } from './workspace-file';

/** Smoothing constant of the reputation index: k imaginary neutral-polarity mentions. */
export const REPUTATION_K = 10;

export const REPUTATION_FORMULA =
  'RI = 100 × (NSs + 1) / 2 × (1 − 0.5 × complaint share); NSs = (positive − negative) / (positive + negative + 10). ' +
  'The +10 pulls small samples towards neutral so that two angry posts do not sink a quiet week.';

/**
 * The documented 0–100 reputation index (PRODUCT.md): net sentiment smoothed for low volume,
 * lowered by the share of complaints. Unanswered complaints join the formula when the
 * responses feature measures them.
 */
export function reputationIndex(
  positive: number,
  negative: number,
  complaintShare: number | null,
): number | null {
  if (positive + negative === 0 && complaintShare === null) return null;
  const ns = (positive - negative) / (positive + negative + REPUTATION_K);
  return Math.round(100 * ((ns + 1) / 2) * (1 - 0.5 * (complaintShare ?? 0)));
}

interface Agg {
  mentions: number;
  positive: number;
  negative: number;
  neutral: number;
  complaints: number;
  brandPosts: number;
  ratingSum: number;
  ratingCount: number;
}

function kpis(a: Agg): PeriodKpis {
  const polar = a.positive + a.negative;
  const customer = a.mentions - a.brandPosts;
  const complaintShare = customer > 0 ? a.complaints / customer : null;
  return {
    mentions: a.mentions,
    positive: a.positive,
    negative: a.negative,
    neutral: a.neutral,
    netSentiment: polar > 0 ? (a.positive - a.negative) / polar : null,
    complaints: a.complaints,
    complaintShare,
    brandPosts: a.brandPosts,
    ratingAverage: a.ratingCount > 0 ? a.ratingSum / a.ratingCount : null,
    ratingCount: a.ratingCount,
    reputationIndex: customer > 0 ? reputationIndex(a.positive, a.negative, complaintShare) : null,
  };
}

const AGG = `coalesce(sum(mentions), 0) AS mentions,
  coalesce(sum(CASE WHEN sentiment = 1 AND is_brand = 0 THEN mentions END), 0) AS positive,
  coalesce(sum(CASE WHEN sentiment = -1 AND is_brand = 0 THEN mentions END), 0) AS negative,
  coalesce(sum(CASE WHEN sentiment = 0 AND is_brand = 0 THEN mentions END), 0) AS neutral,
  coalesce(sum(CASE WHEN complaint = 1 AND is_brand = 0 THEN mentions END), 0) AS complaints,
  coalesce(sum(CASE WHEN is_brand = 1 THEN mentions END), 0) AS brandPosts,
  coalesce(sum(rating_sum), 0) AS ratingSum, coalesce(sum(rating_count), 0) AS ratingCount`;

function channelClause(channels: string[] | undefined): { sql: string; args: string[] } {
  if (!channels?.length) return { sql: '', args: [] };
  return { sql: ` AND channel IN (${channels.map(() => '?').join(',')})`, args: channels };
}

/** Local dates: `to` inclusive. */
function shiftDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

/** Overview for local days [from, to] against the same number of days just before. */
export function dashboardOverview(
  db: Db,
  from: string,
  to: string,
  channels?: string[],
): DashboardOverview {
  const ch = channelClause(channels);
  const span = daysBetween(from, to);
  const prevFrom = shiftDays(from, -span);
  const prevTo = shiftDays(from, -1);
  const period = db.prepare(`SELECT ${AGG} FROM rollup_daily WHERE day BETWEEN ? AND ?${ch.sql}`);
  const current = kpis(period.get(from, to, ...ch.args) as Agg);
  const previous = kpis(period.get(prevFrom, prevTo, ...ch.args) as Agg);
  const rows = db
    .prepare(
      `SELECT day,
         coalesce(sum(CASE WHEN sentiment = 1 AND is_brand = 0 THEN mentions END), 0) AS positive,
         coalesce(sum(CASE WHEN sentiment = 0 AND is_brand = 0 THEN mentions END), 0) AS neutral,
         coalesce(sum(CASE WHEN sentiment = -1 AND is_brand = 0 THEN mentions END), 0) AS negative,
         coalesce(sum(CASE WHEN complaint = 1 AND is_brand = 0 THEN mentions END), 0) AS complaints
       FROM rollup_daily WHERE day BETWEEN ? AND ?${ch.sql} GROUP BY day ORDER BY day`,
    )
    .all(from, to, ...ch.args) as Array<Omit<DaySeriesPoint, 'netSentiment'>>;
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const series: DaySeriesPoint[] = [];
  // Every day of the range appears, so a quiet day shows as zero rather than vanishing.
  for (let d = from, i = 0; d <= to && i < 3700; d = shiftDays(d, 1), i++) {
    const r = byDay.get(d) ?? { day: d, positive: 0, neutral: 0, negative: 0, complaints: 0 };
    const polar = r.positive + r.negative;
    series.push({ ...r, netSentiment: polar ? (r.positive - r.negative) / polar : null });
  }
  const channelRows = db
    .prepare(
      `SELECT channel, sum(mentions) AS mentions,
         coalesce(sum(CASE WHEN sentiment = -1 THEN mentions END), 0) AS negative
       FROM rollup_daily WHERE day BETWEEN ? AND ?${ch.sql} GROUP BY channel ORDER BY mentions DESC`,
    )
    .all(from, to, ...ch.args) as DashboardOverview['channels'];
  return {
    from,
    to,
    current,
    previous,
    series,
    channels: channelRows,
    reputationFormula: REPUTATION_FORMULA,
  };
}

/** The local date range that holds data, for a sensible default period. */
export function dataDayRange(db: Db): { first: string; last: string } | null {
  const r = db.prepare('SELECT min(day) AS first, max(day) AS last FROM rollup_daily').get() as {
    first: string | null;
    last: string | null;
  };
  return r.first && r.last ? { first: r.first, last: r.last } : null;
}
