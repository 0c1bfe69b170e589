import type { FeedRow } from '../../model/feeds';

const MINUTE = 60_000;
export const MAX_BACKOFF_MS = 24 * 60 * MINUTE;

/**
 * When to poll next: the feed's interval after a success or a 304; after failures an
 * exponential backoff (interval × 2^failures) capped at 24 h — a feed is never given up on;
 * a server's Retry-After wins when it asks for longer.
 */
export function nextPollAt(
  feed: Pick<FeedRow, 'intervalMinutes'>,
  failures: number,
  now: number,
  retryAfterMs: number | null,
): number {
  const base = feed.intervalMinutes * MINUTE;
  const wait = failures === 0 ? base : Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(failures, 16));
  return now + Math.max(wait, retryAfterMs ?? 0);
}
