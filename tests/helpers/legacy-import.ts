import { createHash } from 'node:crypto';
import { finishBatch, startBatch } from '../../main/core/db/batches-repo';
import { timeOrderedId } from '../../main/core/db/mention-key';
import {
  AuthorNumbers,
  MentionWriter,
  prepareMentions,
  type PreparedBatch,
  type WriteResult,
} from '../../main/core/db/mention-writer';
import type { Db } from '../../main/core/db/workspace-file';
import type { MentionInput } from '../../main/core/model/mention';
import { createAnalyzer } from '../../main/core/sources/analyzer';
import { openImport } from '../../main/core/sources/importers';
import { knownChannel } from '../../main/core/sources/importers/generic';
import { PROFILE } from './workspace';

/**
 * Imports a generic file as the importer did before 154272b: the real importer's rows, each
 * on the channel its mapped channel column names, else 'other' (no hint from columns or links).
 */
export async function importBefore154272b(
  db: Db,
  path: string,
  now: number,
  channelColumn?: string,
): Promise<void> {
  const opened = await openImport(path);
  const rows: MentionInput[] = [];
  for await (const r of opened.rows) {
    if (!r.ok) continue;
    const rec = r.mention.raw as Record<string, string>;
    rows.push({
      ...r.mention,
      channel: (channelColumn ? knownChannel(rec[channelColumn]) : null) ?? 'other',
    });
  }
  writeAsImport(db, path, opened.format, rows, now);
}

/**
 * Imports an X archive or twarc2 file as the importer did before f048277: the real importer's
 * rows with their text as X writes it (every &, < and > escaped), which is what was stored.
 */
export async function importBeforeF048277(db: Db, path: string, now: number): Promise<void> {
  const opened = await openImport(path);
  const rows: MentionInput[] = [];
  for await (const r of opened.rows)
    if (r.ok) rows.push({ ...r.mention, text: r.mention.text.replace(/[&<>]/g, escapeX) });
  writeAsImport(db, path, opened.format, rows, now);
}

const escapeX = (c: string): string => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;');

/** The key versions 1–9 stored for a row without platform id: a hash of url and text only. */
export function version9Key(channel: string, url: string | null | undefined, text: string): string {
  const h = createHash('sha1')
    .update(`${url ?? ''}\n${text}`)
    .digest('base64url');
  return `${channel}:h:${h.slice(0, 22)}`;
}

/** A prepared batch's rows keyed as version 9 keyed them, with ids from that key. */
export function keyAsVersion9(batch: PreparedBatch, rows: MentionInput[]): void {
  batch.rows.forEach((r, i) => {
    const m = rows[i] as MentionInput;
    r[1] = version9Key(m.channel, m.url, m.text);
    r[0] = timeOrderedId(m.postedAt, r[1]);
  });
}

/** The rows the real importer reads from a file. */
export async function importedRows(path: string): Promise<MentionInput[]> {
  const out: MentionInput[] = [];
  for await (const r of (await openImport(path)).rows) if (r.ok) out.push(r.mention);
  return out;
}

/**
 * Imports a file into a workspace at schema 9 as that version's writer did: the real
 * importer's rows and the real writer, with each row keyed by its text (and ids from that key).
 */
export async function importAsVersion9(db: Db, path: string, now: number): Promise<WriteResult> {
  const rows = await importedRows(path);
  const fileName = path.split('/').pop() ?? path;
  const batchId = startBatch(db, { kind: 'file', fileName, format: 'csv', now });
  const batch = prepareMentions(rows, new Set(), new AuthorNumbers(), createAnalyzer(PROFILE));
  keyAsVersion9(batch, rows);
  const writer = new MentionWriter(db, { batchId, sourceId: null, timezone: 'UTC', now });
  const r = db.transaction(() => writer.writePrepared(batch))();
  finishBatch(db, batchId, { status: 'done', ...r, rejected: 0, errors: [], now });
  return r;
}

/** Stores `rows` as one finished file import of `path`, as the writer of that time did. */
function writeAsImport(
  db: Db,
  path: string,
  format: string,
  rows: MentionInput[],
  now: number,
): void {
  const name = path.split('/').pop() ?? path;
  const batchId = startBatch(db, { kind: 'file', fileName: name, format, now });
  const writer = new MentionWriter(db, {
    batchId,
    sourceId: null,
    timezone: 'UTC',
    now,
    analyze: createAnalyzer(PROFILE),
  });
  const r = db.transaction(() => writer.write(rows))();
  finishBatch(db, batchId, { status: 'done', ...r, rejected: 0, errors: [], now });
}

/** Every stored mention's channel, by natural key. */
export function channelsOf(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT natural_key AS k, channel AS c FROM mentions').all() as Array<{
    k: string;
    c: string;
  }>;
  return Object.fromEntries(rows.map((r) => [r.k, r.c]));
}
