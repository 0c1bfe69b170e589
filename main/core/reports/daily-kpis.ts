import { reputationIndex } from '../db/dashboard-query';
import { newestPostedAt, oldestPostedAt } from '../db/mention-span';
import { RollupAccumulator } from '../db/rollups';
import type { Db } from '../db/workspace-file';
import { firstResponses } from '../responses/kpis';

/** One row per local day of the workspace: the KPIs a client keeps after the contract. */
export interface DailyKpiRow {
  day: string;
  customer_mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  net_sentiment: number | null;
  complaints: number;
  complaint_share: number | null;
  brand_posts: number;
  rating_average: number | null;
  reputation_index: number | null;
  answered: number;
  /** Marked by the user as answered by phone, DM or email. */
  handled_elsewhere: number;
  response_rate: number | null;
  median_first_response_minutes: number | null;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Daily KPIs from the rollups (volume, sentiment, complaints, ratings, reputation index with
 * the formula of the Overview) and from the replies (response rate and median first-response
 * time of the customer mentions posted that day, wall-clock minutes, nearest-rank median).
 */
export function dailyKpis(db: Db, timezone: string): DailyKpiRow[] {
  const days = db
    .prepare(
      `SELECT day,
         coalesce(sum(CASE WHEN is_brand = 0 THEN mentions END), 0) AS customer,
         coalesce(sum(CASE WHEN sentiment = 1 AND is_brand = 0 THEN mentions END), 0) AS positive,
         coalesce(sum(CASE WHEN sentiment = 0 AND is_brand = 0 THEN mentions END), 0) AS neutral,
         coalesce(sum(CASE WHEN sentiment = -1 AND is_brand = 0 THEN mentions END), 0) AS negative,
         coalesce(sum(CASE WHEN complaint = 1 AND is_brand = 0 THEN mentions END), 0) AS complaints,
         coalesce(sum(CASE WHEN is_brand = 1 THEN mentions END), 0) AS brand,
         coalesce(sum(rating_sum), 0) AS ratingSum, coalesce(sum(rating_count), 0) AS ratingCount
       FROM rollup_daily GROUP BY day ORDER BY day`,
    )
    .all() as Array<{
    day: string;
    customer: number;
    positive: number;
    neutral: number;
    negative: number;
    complaints: number;
    brand: number;
    ratingSum: number;
    ratingCount: number;
  }>;
  const span = { a: oldestPostedAt(db), b: newestPostedAt(db) };
  // Same rules as the Responses page: a dismissed mention with no reply needs no answer;
  // one handled by phone/DM/email counts as answered, without a time.
  const waits = new Map<string, { n: number; elsewhere: number; minutes: number[] }>();
  if (span.a !== null && span.b !== null) {
    const local = new RollupAccumulator(timezone);
    for (const r of firstResponses(db, span.a, span.b + 1)) {
      const k = local.localDay(r.postedAt);
      if (r.repliedAt === null && r.handling === 'dismissed') continue;
      const w = waits.get(k) ?? { n: 0, elsewhere: 0, minutes: [] };
      w.n++;
      if (r.repliedAt !== null) w.minutes.push((r.repliedAt - r.postedAt) / 60_000);
      else if (r.handling !== null) w.elsewhere++;
      waits.set(k, w);
    }
  }
  return days.map((d) => {
    const polar = d.positive + d.negative;
    const share = d.customer > 0 ? d.complaints / d.customer : null;
    const w = waits.get(d.day);
    const sorted = (w?.minutes ?? []).sort((a, b) => a - b);
    const median = sorted.length ? (sorted[Math.ceil(sorted.length / 2) - 1] as number) : null;
    return {
      day: d.day,
      customer_mentions: d.customer,
      positive: d.positive,
      neutral: d.neutral,
      negative: d.negative,
      net_sentiment: polar ? r3((d.positive - d.negative) / polar) : null,
      complaints: d.complaints,
      complaint_share: share === null ? null : r3(share),
      brand_posts: d.brand,
      rating_average: d.ratingCount ? r3(d.ratingSum / d.ratingCount) : null,
      reputation_index: d.customer > 0 ? reputationIndex(d.positive, d.negative, share) : null,
      answered: sorted.length,
      handled_elsewhere: w?.elsewhere ?? 0,
      response_rate: w && w.n ? r3((sorted.length + w.elsewhere) / w.n) : null,
      median_first_response_minutes: median === null ? null : Math.round(median * 10) / 10,
    };
  });
}
