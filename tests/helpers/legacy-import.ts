import { finishBatch, startBatch } from '../../main/core/db/batches-repo';
import { MentionWriter } from '../../main/core/db/mention-writer';
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
