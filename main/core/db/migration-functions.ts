import type Database from 'better-sqlite3';
import type { Channel } from '../model/channels';
import { authorKey } from '../people/author-key';
import { channelHint, channelOfUrl } from '../sources/importers/channel-hint';
import { knownChannel } from '../sources/importers/generic';
import { unescapeTweetText } from '../sources/importers/twitter';
import { naturalKeyOf } from './mention-key';

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Leaf paths and values of a record, nested objects to two levels, as generic.ts reads keys. */
function leaves(o: Record<string, unknown>, prefix = '', depth = 0): Array<[string, unknown]> {
  return Object.entries(o).flatMap(([k, v]): Array<[string, unknown]> =>
    v && typeof v === 'object' && !Array.isArray(v) && depth < 2
      ? leaves(v as Record<string, unknown>, `${prefix}${k}.`, depth + 1)
      : [[`${prefix}${k}`, v]],
  );
}

/** Bit 1: tweet-only columns (channel-hint.ts); bit 2: some cell names a channel. */
export const TWEET_COLUMNS_BIT = 1;
export const NAMES_CHANNEL_BIT = 2;

/**
 * What a stored row's raw record (the JSON of the file's CSV row or JSON object) says of the
 * channel an import gives it now: whether its columns are ones only X/Twitter writes, and
 * whether any of its cells names a channel (a channel column the mapping may have used).
 * 0 for a row without a readable record: it proves nothing.
 */
export function recordFacts(raw: string | null): number {
  if (!raw) return 0;
  let rec: unknown;
  try {
    rec = JSON.parse(raw);
  } catch {
    return 0;
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return 0;
  const cells = leaves(rec as Record<string, unknown>);
  let facts = 0;
  if (
    channelHint(
      cells.map(([k]) => k),
      [],
    )?.from === 'columns'
  )
    facts |= TWEET_COLUMNS_BIT;
  if (cells.some(([, v]) => knownChannel(v) !== null)) facts |= NAMES_CHANNEL_BIT;
  return facts;
}

const X_ESCAPE = /&(amp|lt|gt);/;

/**
 * The text an X archive or twarc2 row stored before f048277 would be stored with now, or null
 * when the row is as the importer stores it now. Before, the text was kept as X writes it:
 * every `&`, `<` and `>` escaped. Since, it is unescaped once, so a stored entity can also be
 * one the post literally said (X wrote `&amp;gt;`, stored `&gt;`): such a row must not be
 * unescaped again. The raw record tells them apart when its text field is the stored text
 * (full_text or text of the archive, note_tweet.text or text of API v2): equal to the stored
 * text is old, unescaping to it is new. Without that (a retweet's text is composed from the
 * original post), a text that still has a bare `<`, `>` or an `&` not starting an entity was
 * unescaped already (X never writes them bare).
 */
export function tweetTextUnescaped(stored: string, raw: string | null): string | null {
  if (!X_ESCAPE.test(stored)) return null;
  let rec: unknown;
  try {
    rec = raw ? JSON.parse(raw) : null;
  } catch {
    rec = null;
  }
  if (rec && typeof rec === 'object' && !Array.isArray(rec)) {
    const r = rec as Record<string, unknown>;
    const note = r['note_tweet'];
    const fields = [
      r['full_text'],
      r['text'],
      note && typeof note === 'object' ? (note as Record<string, unknown>)['text'] : null,
    ].filter((v): v is string => typeof v === 'string');
    if (fields.includes(stored)) return unescapeTweetText(stored);
    if (fields.some((f) => unescapeTweetText(f) === stored)) return null;
  }
  if (/[<>]|&(?!(amp|lt|gt);)/.test(stored)) return null;
  return unescapeTweetText(stored);
}

/**
 * Functions a migration's SQL can call for what SQL cannot compute the way the app does. They
 * are the app's own rules, so a migration that re-keys stored rows keys them exactly as an
 * import of the same row keys it now (and as later imports will: it reads the app's rule).
 * - `mention_natural_key(channel, external_id, url, text, author_handle, posted_at, undated)`:
 *   naturalKeyOf;
 * - `mention_url_channel(url)`: the network a post's own link names (channelOfUrl), or null;
 * - `mention_record_facts(raw)`: recordFacts;
 * - `tweet_text_unescaped(text, raw)`: tweetTextUnescaped;
 * - `author_key(channel, handle)`: the key of the user's decisions about an author (authorKey:
 *   JavaScript lower case, where SQLite's lower() changes ASCII letters only).
 */
export function registerMigrationFunctions(db: Database.Database): void {
  db.function(
    'mention_natural_key',
    { deterministic: true },
    (channel, externalId, url, body, handle, postedAt, undated) =>
      naturalKeyOf({
        channel: String(channel) as Channel,
        externalId: text(externalId),
        url: text(url),
        text: String(body),
        authorHandle: text(handle),
        postedAt: Number(postedAt),
        undated: Boolean(undated),
      }),
  );
  db.function('mention_url_channel', { deterministic: true }, (url) => channelOfUrl(url));
  db.function('mention_record_facts', { deterministic: true }, (raw) => recordFacts(text(raw)));
  db.function('tweet_text_unescaped', { deterministic: true }, (body, raw) =>
    tweetTextUnescaped(String(body), text(raw)),
  );
  db.function('author_key', { deterministic: true }, (channel, handle) =>
    authorKey(String(channel), String(handle)),
  );
}
