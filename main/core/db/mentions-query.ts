import type { Channel } from '../model/channels';
import { UNANSWERED_SQL } from './handling-repo';
import type { MentionDetail, MentionListItem } from '../model/mention';
import { idRangeFor } from './mention-key';
import type { Db } from './workspace-file';

export interface MentionFilter {
  q?: string;
  from?: number;
  to?: number;
  channels?: Channel[];
  sentiment?: -1 | 0 | 1;
  complaint?: boolean;
  topic?: string;
  lang?: string;
  authorId?: number;
  isBrand?: boolean;
  /** People label of the author (people analysis or the user's override). */
  authorLabel?: string;
  /** Customer mentions with no brand reply. */
  unanswered?: boolean;
  /** Star rating, rounded (1–5). */
  stars?: number;
}

/** Work allowed per page: a rare combination of filters returns what it found so far. */
const PAGE_BUDGET_MS = 40;
/** The first id window read per page (a week of ids); it doubles while rows are missing. */
const FIRST_WINDOW = 7 * 86_400 * 65_536;
const MAX_WINDOW = 8 * FIRST_WINDOW;

/**
 * A character of a word, as the index has them (migration 0016 made the rest separators):
 * letters and digits, and private use and code points unassigned to Node, which unicode61
 * keeps inside words too (too many to be separators there); not emoji (ℹ U+2139 is also a
 * letter), nor the New Tai Lue vowel signs and two Vedic signs that are letters to Node but
 * marks to unicode61's Unicode 6.1, nor U+FFFE/U+FFFF, which FTS5 reads as U+FFFD.
 */
const WORD_CHAR =
  /(?![\p{Extended_Pictographic}\u19B0-\u19C0\u19C8\u19C9\u1CF2\u1CF3\uFFFE\uFFFF])[\p{L}\p{N}\p{Co}\p{Cn}]/u
    .source;
/** The combining diacritics unicode61 keeps inside a word (and drops); they start none. */
const DIACRITIC =
  /[\u0300-\u0304\u0306-\u030C\u030F\u0311\u031B\u0323-\u0328\u032D\u032E\u0330\u0331]/u.source;
/** Words of `char`s, each possibly followed by the diacritics unicode61 keeps inside them. */
const wordsOf = (char: string): RegExp => new RegExp(`(?:${char})(?:${char}|${DIACRITIC})*`, 'gu');
/**
 * The words of a text, split where the index splits them (tests/db/fts-emoji.test.ts checks
 * every code point): a word kept whole here but split in the index would be a phrase, which an
 * index without positions (detail = none) refuses, and one split here but whole in the index
 * would not be found.
 */
const WORDS = wordsOf(WORD_CHAR);
/**
 * WORDS without the code points this runtime has unassigned. The separators were listed from
 * Node 22's Unicode 17 tables; Electron's own can be older, and then a mark added in Unicode 17
 * (U+11B60…) is unassigned here, kept inside a word by WORDS, split by the index: the quoted
 * word is a phrase, which the index refuses. Used only when that happens (ftsQueryFor).
 */
const STRICT_WORDS = wordsOf(WORD_CHAR.replace('\\p{Cn}', ''));

/**
 * Turns what a user types into a safe FTS5 query: split into the same word tokens the index
 * uses (WORDS), each quoted so operators and punctuation cannot break the query, all
 * required; a trailing * keeps prefix search ("retras*").
 */
export function toFtsQuery(text: string, strict = false): string | null {
  const parts: string[] = [];
  for (const word of text.normalize('NFC').split(/\s+/).slice(0, 16)) {
    const prefix = word.endsWith('*');
    const tokens = word.match(strict ? STRICT_WORDS : WORDS) ?? [];
    tokens.forEach((t, i) => parts.push(`"${t}"${prefix && i === tokens.length - 1 ? ' *' : ''}`));
  }
  return parts.length ? parts.slice(0, 16).join(' AND ') : null;
}

/**
 * The FTS5 query for `text` (toFtsQuery), tried once against the index when it holds anything
 * but ASCII: if the index refuses it as a phrase (see STRICT_WORDS), the strict split instead,
 * so that a search never fails on a character this runtime's Unicode tables do not know.
 */
export function ftsQueryFor(db: Db, text: string): string | null {
  const q = toFtsQuery(text);
  // eslint-disable-next-line no-control-regex -- ASCII is the whole range below U+0080
  if (q === null || /^[\u0000-\u007f]*$/.test(q)) return q;
  try {
    db.prepare('SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT 1').get(q);
    return q;
  } catch (e) {
    if (!/phrase queries are not supported/.test((e as Error).message)) throw e;
    return toFtsQuery(text, true);
  }
}

/** The name of the feed a mention came from: a news item without an author is named by it. */
export const SOURCE_NAME = `(SELECT s.name FROM sources s WHERE s.id = m.source_id AND s.kind = 'feed') AS sourceName`;

const COLUMNS = `m.id, m.channel, m.posted_at AS postedAt, m.text, m.title, m.url, a.handle AS authorHandle, ${SOURCE_NAME},
  a.name AS authorName, m.author_id AS authorId, m.lang, m.rating, m.is_brand AS isBrand,
  m.sentiment, m.sentiment_score AS score, m.complaint, m.topic, m.insult`;

type Raw = Omit<MentionListItem, 'isBrand' | 'complaint' | 'insult'> & {
  isBrand: number;
  complaint: number | null;
  insult: number | null;
};

function toItem(r: Raw): MentionListItem {
  return {
    ...r,
    isBrand: r.isBrand === 1,
    complaint: r.complaint === null ? null : r.complaint === 1,
    insult: r.insult === null ? null : r.insult === 1,
  };
}

/** Authors of one label up to which a page's statement lists them first (labelProbe). */
const LISTED_LABEL_AUTHORS = 10_000;

/**
 * The author-label filter as a probe per row on the newest-first walk. A label of few authors:
 * their ids listed once per statement (with a Bloom filter), the unary + keeping SQLite from
 * driving the query from that list through mentions_author instead, which sorts every match.
 * A correlated EXISTS looked each row's author up: 1M mentions, 60 days of a rare label (845
 * rows) 209 → 11 ms. A label of many authors matches densely, so a page fills after a few
 * hundred lookups, while listing its 70k authors cost ~17 ms per statement: it keeps EXISTS.
 * Null: no author has the label.
 */
function labelProbe(db: Db, label: string): string | null {
  const n = (
    db
      .prepare('SELECT count(*) AS n FROM (SELECT 1 FROM authors WHERE label = ? LIMIT ?)')
      .get(label, LISTED_LABEL_AUTHORS + 1) as { n: number }
  ).n;
  if (n === 0) return null;
  return n <= LISTED_LABEL_AUTHORS
    ? '+m.author_id IN (SELECT id FROM authors WHERE label = ?)'
    : 'EXISTS (SELECT 1 FROM authors l WHERE l.id = m.author_id AND l.label = ?)';
}

/**
 * Newest-first page of mentions. Pagination is by id (ids follow time), and a date range
 * becomes an id range, so both the plain list and full-text search walk an index backwards
 * and stop after `limit` rows instead of sorting the matches.
 */
export function searchMentions(
  db: Db,
  f: MentionFilter,
  page: { beforeId?: number; limit: number },
): { items: MentionListItem[]; nextBeforeId: number | null } {
  const where: string[] = [];
  const args: unknown[] = [];
  const fts = f.q ? ftsQueryFor(db, f.q) : null;
  const idCol = fts ? 'f.rowid' : 'm.id';
  where.push(`${idCol} BETWEEN ? AND ?`);
  if (f.channels?.length) {
    where.push(`m.channel IN (${f.channels.map(() => '?').join(',')})`);
    args.push(...f.channels);
  }
  if (f.sentiment !== undefined) {
    where.push('m.sentiment = ?');
    args.push(f.sentiment);
  }
  if (f.complaint !== undefined) {
    where.push('m.complaint = ?');
    args.push(f.complaint ? 1 : 0);
  }
  if (f.topic) {
    where.push('m.topic = ?');
    args.push(f.topic);
  }
  if (f.lang) {
    where.push('m.lang = ?');
    args.push(f.lang);
  }
  if (f.authorId !== undefined) {
    where.push('m.author_id = ?');
    args.push(f.authorId);
  }
  if (f.isBrand !== undefined) {
    where.push('m.is_brand = ?');
    args.push(f.isBrand ? 1 : 0);
  }
  if (f.authorLabel) {
    const probe = labelProbe(db, f.authorLabel);
    // No author has the label (yet: People not analysed): no mention can match, and the walk
    // would read windows until its time budget ran out.
    if (probe === null) return { items: [], nextBeforeId: null };
    where.push(probe);
    args.push(f.authorLabel);
  }
  if (f.stars !== undefined) {
    where.push('m.rating >= ? AND m.rating < ?');
    args.push(f.stars - 0.5, f.stars + 0.5);
  }
  if (f.unanswered) {
    where.push(`m.is_brand = 0 AND ${UNANSWERED_SQL}`);
  }
  const sql = fts
    ? `SELECT ${COLUMNS} FROM mentions_fts f JOIN mentions m ON m.id = f.rowid
         LEFT JOIN authors a ON a.id = m.author_id
       WHERE mentions_fts MATCH ? AND ${where.join(' AND ')} ORDER BY f.rowid DESC LIMIT ?`
    : `SELECT ${COLUMNS} FROM mentions m LEFT JOIN authors a ON a.id = m.author_id
       WHERE ${where.join(' AND ')} ORDER BY m.id DESC LIMIT ?`;
  const stmt = db.prepare(sql);
  const [lo0, hi0] = idRangeFor(f.from ?? 0, f.to ?? 8.64e15);
  // Both ends of the primary key, so windows start where the data is. Two statements: SQLite
  // reads min() or max() alone from one end of the index, but both together scan the table.
  const end = (fn: 'min' | 'max'): number | null =>
    (db.prepare(`SELECT ${fn}(id) AS id FROM mentions`).get() as { id: number | null }).id;
  const first = end('min');
  const newest = end('max');
  if (first === null || newest === null) return { items: [], nextBeforeId: null };
  const lo = Math.max(lo0, first);
  const hi = Math.min(hi0, newest);
  let upper = page.beforeId !== undefined ? Math.min(hi, page.beforeId - 1) : hi;
  // Keyset pages read id windows newest first: a window that does not fill the page is
  // followed by a wider one, until the page is full, the range ends or the time
  // budget is spent (then the page says where to go on). Every page costs bounded work
  // however rare the filters are.
  const started = Date.now();
  const items: MentionListItem[] = [];
  let window = FIRST_WINDOW;
  let next: number | null = null;
  while (upper >= lo) {
    const from = Math.max(lo, upper - window + 1);
    const rows = stmt.all(
      ...(fts ? [fts] : []),
      from,
      upper,
      ...args,
      page.limit - items.length,
    ) as Raw[];
    for (const r of rows) items.push(toItem(r));
    const last = items[items.length - 1];
    if (items.length >= page.limit && last) {
      next = last.id;
      break;
    }
    if (from <= lo) break;
    if (Date.now() - started > PAGE_BUDGET_MS) {
      next = from;
      break;
    }
    upper = from - 1;
    // Doubling up to ~60 days of ids keeps one window's read (hence a page's overrun of its
    // budget) to tens of milliseconds at 1M mentions.
    window = Math.min(window * 2, MAX_WINDOW);
  }
  return { items, nextBeforeId: next };
}

export function getMention(db: Db, id: number): MentionDetail | null {
  const r = db
    .prepare(
      `SELECT ${COLUMNS}, m.natural_key AS naturalKey, m.external_id AS externalId, m.reply_to_key AS replyToKey,
         m.thread_key AS threadKey, m.likes, m.shares, m.replies, m.irony, m.toxicity, m.campaign, m.batch_id AS batchId
       FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.id = ?`,
    )
    .get(id) as (Raw & { irony: number | null; campaign: number | null }) | undefined;
  if (!r) return null;
  const base = toItem(r);
  return {
    ...(r as unknown as MentionDetail),
    ...base,
    irony: r.irony === null ? null : r.irony === 1,
    campaign: r.campaign === null ? null : r.campaign === 1,
  };
}

/** Mentions by id, as lists show them (ids not in the workspace are left out). */
export function getMentionItems(db: Db, ids: number[]): MentionListItem[] {
  if (!ids.length) return [];
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM json_each(?) j CROSS JOIN mentions m ON m.id = j.value
       LEFT JOIN authors a ON a.id = m.author_id`,
    )
    .all(JSON.stringify(ids)) as Raw[];
  return rows.map(toItem);
}

/** The conversation around a mention: its thread root and every reply in the thread, by time. */
export function getThread(db: Db, id: number, limit = 200): MentionListItem[] {
  const m = db
    .prepare(
      'SELECT natural_key AS k, thread_key AS t, reply_to_key AS r FROM mentions WHERE id = ?',
    )
    .get(id) as { k: string; t: string | null; r: string | null } | undefined;
  if (!m) return [];
  const root = m.t ?? m.r ?? m.k;
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM mentions m LEFT JOIN authors a ON a.id = m.author_id
       WHERE m.natural_key = ? OR m.thread_key = ? OR m.reply_to_key = ? OR m.reply_to_key = ?
       ORDER BY m.id LIMIT ?`,
    )
    .all(root, root, root, m.k, limit) as Raw[];
  return rows.map(toItem);
}
