import { idRangeFor } from '../db/mention-key';
import type { Db } from '../db/workspace-file';
import type { BusinessHours } from '../model/business-hours';
import { businessMinutesBetween } from './business-time';

export interface ResponseKpis {
  customerMentions: number;
  answered: number;
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
}

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
}

/**
 * For each customer mention in [from, to), the first brand reply to it. Replies stamped
 * before the mention (clock skew, wrong links) are ignored; with several replies the earliest
 * counts.
 */
export function firstResponses(db: Db, from: number, to: number): FirstResponse[] {
  return db
    .prepare(
      `SELECT m.id AS mentionId, m.channel, m.posted_at AS postedAt,
         (SELECT min(r.posted_at) FROM mentions r WHERE r.reply_to_key = m.natural_key AND r.is_brand = 1 AND r.posted_at >= m.posted_at) AS repliedAt
       FROM mentions m WHERE m.is_brand = 0 AND m.id BETWEEN ? AND ? AND m.posted_at >= ? AND m.posted_at < ?`,
    )
    .all(...idRangeFor(from, to + 1000), from, to) as FirstResponse[];
}

export function responseKpis(
  db: Db,
  from: number,
  to: number,
  p: { hours: BusinessHours; timezone: string; holidays: string[]; targetMinutes: number },
): ResponseKpis {
  const rows = firstResponses(db, from, to);
  const answered = rows.filter((r) => r.repliedAt !== null);
  const wall = answered
    .map((r) => ((r.repliedAt as number) - r.postedAt) / 60_000)
    .sort((a, b) => a - b);
  const business = answered
    .map((r) =>
      businessMinutesBetween(r.postedAt, r.repliedAt as number, p.hours, p.timezone, p.holidays),
    )
    .sort((a, b) => a - b);
  const within = (m: number): number | null =>
    wall.length
      ? Math.round((wall.filter((x) => x <= m).length / wall.length) * 1000) / 1000
      : null;
  const channels = new Map<string, FirstResponse[]>();
  for (const r of rows)
    (channels.get(r.channel) ?? channels.set(r.channel, []).get(r.channel))?.push(r);
  return {
    customerMentions: rows.length,
    answered: answered.length,
    responseRate: rows.length ? Math.round((answered.length / rows.length) * 1000) / 1000 : null,
    medianMinutes: quantile(wall, 0.5),
    p90Minutes: quantile(wall, 0.9),
    medianBusinessMinutes: quantile(business, 0.5),
    within1h: within(60),
    within4h: within(240),
    within24h: within(1440),
    withinTarget: business.length
      ? Math.round((business.filter((x) => x <= p.targetMinutes).length / business.length) * 1000) /
        1000
      : null,
    byChannel: [...channels.entries()].map(([channel, list]) => {
      const w = list
        .filter((r) => r.repliedAt !== null)
        .map((r) => ((r.repliedAt as number) - r.postedAt) / 60_000)
        .sort((a, b) => a - b);
      return {
        channel,
        mentions: list.length,
        answered: w.length,
        medianMinutes: quantile(w, 0.5),
      };
    }),
  };
}
