import { handlingMarks, type Handling } from '../db/handling-repo';
import { idRangeFor } from '../db/mention-key';
import type { Db } from '../db/workspace-file';
import type { BusinessHours } from '../model/business-hours';
import { businessMinutesBetween } from './business-time';
import { REACH_BANDS, reachBand, type ReachBand } from './delay-histogram';

export type { ReachBand } from './delay-histogram';

export interface ResponseKpis {
  customerMentions: number;
  /** Answered publicly by a brand reply in the thread. */
  answered: number;
  /** Marked by the user as dealt with by phone, DM or email: answered, but with no time. */
  handledElsewhere: number;
  /** Marked by the user as needing no answer: left out of the response rate. */
  dismissed: number;
  responseRate: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  medianBusinessMinutes: number | null;
  within1h: number | null;
  within4h: number | null;
  within24h: number | null;
  withinTarget: number | null;
  byChannel: Array<{
    channel: string;
    mentions: number;
    answered: number;
    medianMinutes: number | null;
  }>;
  /**
   * Reach bias: the same figures by the author's follower count. A brand that answers big
   * accounts in minutes and small ones in days shows it here.
   */
  byReach: Array<{
    band: ReachBand;
    mentions: number;
    answered: number;
    responseRate: number | null;
    medianMinutes: number | null;
  }>;
  /** How many public answers came within each delay (upper bound in minutes; null = later). */
  distribution: Array<{ upToMinutes: number | null; replies: number }>;
}

/** Bucket edges of the response-time distribution chart, in minutes (all delay-histogram edges). */
export const DISTRIBUTION_EDGES = [15, 60, 240, 480, 1440, 2880, 10080];

const ratio = (a: number, b: number): number | null =>
  b ? Math.round((a / b) * 1000) / 1000 : null;

function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  // nearest-rank definition: the smallest value with at least q of the data at or below it
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

export interface FirstResponse {
  mentionId: number;
  channel: string;
  postedAt: number;
  repliedAt: number | null;
  /** The author's followers when posting (the reach band of the rollups). */
  followers: number | null;
  handling: Handling | null;
}

/**
 * For each customer mention in [from, to), the first brand reply to it. Replies stamped
 * before the mention (clock skew, wrong links) are ignored; with several replies the earliest
 * counts.
 */
export function firstResponses(db: Db, from: number, to: number): FirstResponse[] {
  // The user's marks are few: one lookup table instead of a subquery per mention (that
  // subquery was half the cost of the KPIs on a busy month).
  const marks = handlingMarks(db);
  const rows = db
    .prepare(
      `SELECT m.id AS mentionId, m.natural_key AS k, m.channel, m.posted_at AS postedAt,
         (SELECT min(r.posted_at) FROM mentions r WHERE r.reply_to_key = m.natural_key AND r.is_brand = 1 AND r.posted_at >= m.posted_at) AS repliedAt,
         m.author_followers AS followers
       FROM mentions m WHERE m.is_brand = 0 AND m.id BETWEEN ? AND ? AND m.posted_at >= ? AND m.posted_at < ?`,
    )
    .all(...idRangeFor(from, to + 1000), from, to) as Array<
    Omit<FirstResponse, 'handling'> & { k: string }
  >;
  return rows.map(({ k, ...r }) => ({ ...r, handling: marks.get(k) ?? null }));
}

export function responseKpis(
  db: Db,
  from: number,
  to: number,
  p: { hours: BusinessHours; timezone: string; holidays: string[]; targetMinutes: number },
): ResponseKpis {
  const all = firstResponses(db, from, to);
  // A public reply wins over a mark; a dismissed mention with no reply needs no answer.
  const rows = all.filter((r) => r.repliedAt !== null || r.handling !== 'dismissed');
  const answered = rows.filter((r) => r.repliedAt !== null);
  const elsewhere = rows.filter((r) => r.repliedAt === null && r.handling !== null);
  const minutesOf = (r: FirstResponse): number => ((r.repliedAt as number) - r.postedAt) / 60_000;
  const wall = answered.map(minutesOf).sort((a, b) => a - b);
  const business = answered
    .map((r) =>
      businessMinutesBetween(r.postedAt, r.repliedAt as number, p.hours, p.timezone, p.holidays),
    )
    .sort((a, b) => a - b);
  const within = (m: number): number | null =>
    ratio(wall.filter((x) => x <= m).length, wall.length);
  const channels = new Map<string, FirstResponse[]>();
  const bands = new Map<ReachBand, FirstResponse[]>();
  for (const r of rows) {
    (channels.get(r.channel) ?? channels.set(r.channel, []).get(r.channel))?.push(r);
    const b = reachBand(r.followers);
    (bands.get(b) ?? bands.set(b, []).get(b))?.push(r);
  }
  const distribution = [...DISTRIBUTION_EDGES, null].map((upTo, i) => {
    const lower = i === 0 ? -Infinity : (DISTRIBUTION_EDGES[i - 1] as number);
    return {
      upToMinutes: upTo,
      replies: wall.filter((x) => x > lower && (upTo === null || x <= upTo)).length,
    };
  });
  return {
    customerMentions: rows.length,
    answered: answered.length,
    handledElsewhere: elsewhere.length,
    dismissed: all.length - rows.length,
    responseRate: ratio(answered.length + elsewhere.length, rows.length),
    medianMinutes: quantile(wall, 0.5),
    p90Minutes: quantile(wall, 0.9),
    medianBusinessMinutes: quantile(business, 0.5),
    within1h: within(60),
    within4h: within(240),
    within24h: within(1440),
    withinTarget: ratio(business.filter((x) => x <= p.targetMinutes).length, business.length),
    byChannel: [...channels.entries()].map(([channel, list]) => {
      const w = list
        .filter((r) => r.repliedAt !== null)
        .map(minutesOf)
        .sort((a, b) => a - b);
      return {
        channel,
        mentions: list.length,
        answered: w.length,
        medianMinutes: quantile(w, 0.5),
      };
    }),
    byReach: REACH_BANDS.map((b) => b.band)
      .concat('unknown')
      .flatMap((band) => {
        const list = bands.get(band) ?? [];
        if (!list.length) return [];
        const w = list
          .filter((r) => r.repliedAt !== null)
          .map(minutesOf)
          .sort((a, b) => a - b);
        const done = list.filter((r) => r.repliedAt !== null || r.handling !== null).length;
        return [
          {
            band,
            mentions: list.length,
            answered: w.length,
            responseRate: ratio(done, list.length),
            medianMinutes: quantile(w, 0.5),
          },
        ];
      }),
    distribution,
  };
}
