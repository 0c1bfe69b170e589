import type { Bucket, DashboardOverview, DaySeriesPoint, PeriodKpis } from '../model/dashboard';
import type { Db } from './workspace-file';
import { daysBetween, shiftDays } from '../model/local-days';

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

const ZERO: Agg = {
  mentions: 0,
  positive: 0,
  negative: 0,
  neutral: 0,
  complaints: 0,
  brandPosts: 0,
  ratingSum: 0,
  ratingCount: 0,
};

function addAgg(a: Agg, b: Agg): Agg {
  return {
    mentions: a.mentions + b.mentions,
    positive: a.positive + b.positive,
    negative: a.negative + b.negative,
    neutral: a.neutral + b.neutral,
    complaints: a.complaints + b.complaints,
    brandPosts: a.brandPosts + b.brandPosts,
    ratingSum: a.ratingSum + b.ratingSum,
    ratingCount: a.ratingCount + b.ratingCount,
  };
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

// FILTER rather than CASE inside the sums: a year of the 1M bench's rollup ~15 % faster.
const AGG = `coalesce(sum(mentions), 0) AS mentions,
  coalesce(sum(mentions) FILTER (WHERE sentiment = 1 AND is_brand = 0), 0) AS positive,
  coalesce(sum(mentions) FILTER (WHERE sentiment = -1 AND is_brand = 0), 0) AS negative,
  coalesce(sum(mentions) FILTER (WHERE sentiment = 0 AND is_brand = 0), 0) AS neutral,
  coalesce(sum(mentions) FILTER (WHERE complaint = 1 AND is_brand = 0), 0) AS complaints,
  coalesce(sum(mentions) FILTER (WHERE is_brand = 1), 0) AS brandPosts,
  coalesce(sum(rating_sum), 0) AS ratingSum, coalesce(sum(rating_count), 0) AS ratingCount`;

export function channelClause(channels: string[] | undefined): { sql: string; args: string[] } {
  if (!channels?.length) return { sql: '', args: [] };
  return { sql: ` AND channel IN (${channels.map(() => '?').join(',')})`, args: channels };
}

/** Local dates: `to` inclusive. */
export { daysBetween, shiftDays };

/** Up to three months by day, up to two years by week, beyond that by month. */
export function bucketFor(days: number): Bucket {
  return days <= 92 ? 'day' : days <= 731 ? 'week' : 'month';
}

/** First day of the bucket holding `day` (weeks start on Monday, as in Spain and ISO 8601). */
function bucketStart(day: string, bucket: Bucket): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 8)}01`;
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return shiftDays(day, -((wd + 6) % 7));
}

function seriesOf(byDay: Map<string, Agg>, from: string, to: string, bucket: Bucket) {
  const points: DaySeriesPoint[] = [];
  let cur: { day: string; end: string; agg: Agg } | null = null;
  const push = (): void => {
    if (!cur) return;
    const a = cur.agg;
    const polar = a.positive + a.negative;
    points.push({
      day: cur.day,
      end: cur.end,
      positive: a.positive,
      neutral: a.neutral,
      negative: a.negative,
      complaints: a.complaints,
      netSentiment: polar ? (a.positive - a.negative) / polar : null,
      ratingAverage: a.ratingCount ? a.ratingSum / a.ratingCount : null,
      ratingCount: a.ratingCount,
    });
  };
  // Every day of the range is visited, so a quiet day or week shows as zero, not a gap.
  for (let d = from, i = 0; d <= to && i < 3700; d = shiftDays(d, 1), i++) {
    if (!cur || bucketStart(cur.day, bucket) !== bucketStart(d, bucket)) {
      push();
      cur = { day: d, end: d, agg: ZERO };
    }
    cur.end = d;
    cur.agg = addAgg(cur.agg, byDay.get(d) ?? ZERO);
  }
  push();
  return points;
}

export interface OverviewRange {
  from: string;
  to: string;
  /** Defaults to the same number of days just before `from`. */
  compareFrom?: string;
  compareTo?: string;
  channels?: string[];
}

/** The comparison period: the one chosen, or as many days just before the period. */
export function compareRange(r: OverviewRange): { compareFrom: string; compareTo: string } {
  if (r.compareFrom && r.compareTo) return { compareFrom: r.compareFrom, compareTo: r.compareTo };
  const span = daysBetween(r.from, r.to);
  return { compareFrom: shiftDays(r.from, -span), compareTo: shiftDays(r.from, -1) };
}

/**
 * Overview for local days [from, to] against a comparison period. One range scan of the
 * daily rollup per period, by day and channel (~730 × channels rows for two years); the
 * series, the KPIs and the channels are summed from it here. Two scans, by day and by
 * channel, cost more: 1M mentions, a year against the year before, 15.8 → 11.2 ms.
 */
export function dashboardOverview(db: Db, r: OverviewRange): DashboardOverview {
  const { from, to } = r;
  const { compareFrom, compareTo } = compareRange(r);
  const ch = channelClause(r.channels);
  const bucket = bucketFor(Math.max(daysBetween(from, to), daysBetween(compareFrom, compareTo)));
  const stmt = db.prepare(
    `SELECT day, channel, ${AGG} FROM rollup_daily WHERE day BETWEEN ? AND ?${ch.sql}
     GROUP BY day, channel`,
  );
  const period = (a: string, b: string): { days: Map<string, Agg>; channels: Map<string, Agg> } => {
    const days = new Map<string, Agg>();
    const channels = new Map<string, Agg>();
    for (const x of stmt.all(a, b, ...ch.args) as Array<Agg & { day: string; channel: string }>) {
      days.set(x.day, addAgg(days.get(x.day) ?? ZERO, x));
      channels.set(x.channel, addAgg(channels.get(x.channel) ?? ZERO, x));
    }
    return { days, channels };
  };
  const now = period(from, to);
  const before = period(compareFrom, compareTo);
  const total = (m: Map<string, Agg>): Agg => [...m.values()].reduce(addAgg, ZERO);
  const channels = [...now.channels]
    .map(([channel, x]) => {
      const p = before.channels.get(channel);
      return {
        channel,
        mentions: x.mentions - x.brandPosts,
        positive: x.positive,
        negative: x.negative,
        complaints: x.complaints,
        ratingAverage: x.ratingCount ? x.ratingSum / x.ratingCount : null,
        ratingCount: x.ratingCount,
        previous: p ? p.mentions - p.brandPosts : 0,
      };
    })
    // Equal counts in channel order, as when SQL grouped by channel.
    .sort(
      (a, b) =>
        b.mentions - a.mentions || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0),
    );
  return {
    from,
    to,
    compareFrom,
    compareTo,
    bucket,
    current: kpis(total(now.days)),
    previous: kpis(total(before.days)),
    series: seriesOf(now.days, from, to, bucket),
    previousSeries: seriesOf(before.days, compareFrom, compareTo, bucket),
    channels,
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
