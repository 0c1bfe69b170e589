import { createHash } from 'node:crypto';
import type { MentionInput } from '../model/mention';

/**
 * The natural key that makes imports idempotent: channel + platform id, or a hash of
 * url and text when the platform gives no id (PRODUCT.md "Mention").
 */
export function naturalKeyOf(
  m: Pick<MentionInput, 'channel' | 'externalId' | 'url' | 'text'>,
): string {
  if (m.externalId) return `${m.channel}:${m.externalId}`;
  const h = createHash('sha1')
    .update(`${m.url ?? ''}\n${m.text}`)
    .digest('base64url');
  return `${m.channel}:h:${h.slice(0, 22)}`;
}

/** Key of a mention referenced by id on the same channel (reply-to, thread root). */
export function refKey(channel: string, externalId: string | null | undefined): string | null {
  return externalId ? `${channel}:${externalId}` : null;
}

/** Slots per second in the time-ordered id space: ids stay below 2^53 for any real date. */
const SLOTS = 65536;

/**
 * A rowid that follows mention time: seconds since the epoch × 65536 plus a slot derived
 * from the key. FTS5 shares these rowids, so "newest first" is a backwards rowid walk.
 * Collisions (same second, same slot) are resolved by the caller probing the next slot.
 */
export function timeOrderedId(postedAtMs: number, naturalKey: string): number {
  const sec = Math.max(0, Math.floor(postedAtMs / 1000));
  let h = 2166136261;
  for (let i = 0; i < naturalKey.length; i++) {
    h ^= naturalKey.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return sec * SLOTS + ((h >>> 0) % SLOTS);
}

/** Lowest and highest ids a mention posted in [fromMs, toMs) can have. */
export function idRangeFor(fromMs: number, toMs: number): [number, number] {
  const lo = Math.max(0, Math.floor(fromMs / 1000)) * SLOTS;
  const hi = Math.max(0, Math.ceil(toMs / 1000)) * SLOTS - 1;
  return [lo, hi];
}

/**
 * Every id a mention posted in [fromMs, toMs) can have, also one whose slot was probed past
 * the end of its second (at most 65,535 probes: into the next second at most).
 */
export function idBoundsFor(fromMs: number, toMs: number): [number, number] {
  const lastSecond = Math.max(0, Math.ceil(toMs / 1000) - 1);
  return [idRangeFor(fromMs, toMs)[0], (lastSecond + 2) * SLOTS - 1];
}

/** The second (epoch seconds) a time-ordered id was made for, give or take a probed slot. */
export function secondOfId(id: number): number {
  return Math.floor(id / SLOTS);
}
