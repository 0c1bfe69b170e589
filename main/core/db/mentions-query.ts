import type { Channel } from '../model/channels';
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
}

/**
 * Turns what a user types into a safe FTS5 query: split into the same word tokens the index
 * uses (letters and digits), each quoted so operators and punctuation cannot break the
 * query, all required; a trailing * keeps prefix search ("retras*").
 */
export function toFtsQuery(text: string): string | null {
  const parts: string[] = [];
  for (const word of text.normalize('NFC').split(/\s+/).slice(0, 16)) {
    const prefix = word.endsWith('*');
    const tokens = word.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    tokens.forEach((t, i) => parts.push(`"${t}"${prefix && i === tokens.length - 1 ? ' *' : ''}`));
  }
  return parts.length ? parts.slice(0, 16).join(' AND ') : null;
}

const COLUMNS = `m.id, m.channel, m.posted_at AS postedAt, m.text, m.title, m.url, a.handle AS authorHandle,
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
  const [lo, hi] = idRangeFor(f.from ?? 0, f.to ?? 8.64e15);
  const upper = page.beforeId !== undefined ? Math.min(hi, page.beforeId - 1) : hi;
  const fts = f.q ? toFtsQuery(f.q) : null;
  const idCol = fts ? 'f.rowid' : 'm.id';
  where.push(`${idCol} BETWEEN ? AND ?`);
  args.push(lo, upper);
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
  const sql = fts
    ? `SELECT ${COLUMNS} FROM mentions_fts f JOIN mentions m ON m.id = f.rowid
         LEFT JOIN authors a ON a.id = m.author_id
       WHERE mentions_fts MATCH ? AND ${where.join(' AND ')} ORDER BY f.rowid DESC LIMIT ?`
    : `SELECT ${COLUMNS} FROM mentions m LEFT JOIN authors a ON a.id = m.author_id
       WHERE ${where.join(' AND ')} ORDER BY m.id DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...(fts ? [fts] : []), ...args, page.limit) as Raw[];
  const items = rows.map(toItem);
  const last = items[items.length - 1];
  return { items, nextBeforeId: items.length === page.limit && last ? last.id : null };
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
