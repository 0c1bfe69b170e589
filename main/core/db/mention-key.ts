import { createHash } from 'node:crypto';
import type { MentionInput } from '../model/mention';

/**
 * The natural key that makes imports idempotent: channel + platform id; without an id, a
 * hash of url and text; without an id and a url, a hash of text, author and posting time.
 *
 * Why the author and the time (decided 2026-12-01, migration 0010 re-keys older rows): a
 * generic CSV without id or link column keyed each row by its text alone, so 53 accounts
 * posting the same copy-paste text became ONE mention and 52 "duplicates" — hiding exactly
 * the coordinated campaigns the People analysis looks for. The author is its handle trimmed,
 * lower-cased and without a leading "@"; the time is UTC epoch seconds (floored), the finest
 * precision every importer gives the same way in each export: a source that writes minutes
 * gives :00 every time, one that writes milliseconds in one file and seconds in another
 * still keys the same. A row with a url keeps url + text: a link names the post already.
 * A feed item with neither guid, link nor date (`undated`) has only its fetch time, which
 * changes at every poll: its key leaves the time out.
 *
 * Hot path (every imported row): the id case builds one string; the hash cases one sha1.
 */
export function naturalKeyOf(
  m: Pick<
    MentionInput,
    'channel' | 'externalId' | 'url' | 'text' | 'authorHandle' | 'postedAt' | 'undated'
  >,
): string {
  if (m.externalId) return `${m.channel}:${m.externalId}`;
  // Unchanged since the first version, so rows with a link keep their stored keys.
  if (m.url) return hashKey(m.channel, `${m.url}\n${m.text}`);
  const second = m.undated ? '' : String(Math.floor(m.postedAt / 1000));
  // A leading \x00 keeps these inputs apart from any url + text one.
  return hashKey(m.channel, `\x00${keyHandle(m.authorHandle)}\n${second}\n${m.text}`);
}

/**
 * The key versions 1–9 gave a row with neither id nor link: a hash of its text alone.
 * Migration 0010 re-keyed the stored ones; corrections of rows an undo had removed before it
 * kept this key (legacy-key-overrides.ts moves them when the row is imported again).
 */
export function textOnlyKey(channel: string, text: string): string {
  return hashKey(channel, `\n${text}`);
}

function hashKey(channel: string, input: string): string {
  return `${channel}:h:${createHash('sha1').update(input).digest('base64url').slice(0, 22)}`;
}

/** An author handle as the natural key reads it: trimmed, lower case, without leading "@". */
export function keyHandle(handle: string | null | undefined): string {
  if (!handle) return '';
  const h = handle.trim().toLowerCase();
  return h.charCodeAt(0) === 64 ? h.replace(/^@+/, '') : h;
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
