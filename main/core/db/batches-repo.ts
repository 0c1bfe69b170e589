import type { BatchKind, BatchRow, BatchStatus } from '../model/imports';
import type { RejectedRow } from '../model/mention';
import { ftsRebuildPending, recoverBulkLoad } from './bulk-load';
import { withResponseRefresh } from './response-rollups';
import { ROLLUP_FACT_COLUMNS, RollupAccumulator, type RollupFact } from './rollups';
import type { Db } from './workspace-file';
import { claimWrite, releaseWrite, writeOwnerAlive } from './write-owners';

/** Errors kept per batch: enough to fix a file, bounded so a broken 1M-row file stays small. */
export const MAX_STORED_ERRORS = 1000;

export function startBatch(
  db: Db,
  b: {
    kind: BatchKind;
    sourceId?: number | null;
    fileName?: string | null;
    format?: string | null;
    now: number;
  },
): number {
  const r = db
    .prepare(
      `INSERT INTO import_batches (source_id, kind, file_name, format, status, started_at)
       VALUES (?, ?, ?, ?, 'running', ?)`,
    )
    .run(b.sourceId ?? null, b.kind, b.fileName ?? null, b.format ?? null, b.now);
  const id = Number(r.lastInsertRowid);
  claimWrite(db, batchTag(id));
  return id;
}

export function finishBatch(
  db: Db,
  id: number,
  r: {
    status: BatchStatus;
    imported: number;
    duplicates: number;
    rejected: number;
    errors: RejectedRow[];
    now: number;
  },
): void {
  db.prepare(
    `UPDATE import_batches SET status = ?, imported = ?, duplicates = ?, rejected = ?, errors = ?,
       finished_at = ? WHERE id = ?`,
  ).run(
    r.status,
    r.imported,
    r.duplicates,
    r.rejected,
    JSON.stringify(r.errors.slice(0, MAX_STORED_ERRORS)),
    r.now,
    id,
  );
  releaseWrite(db, batchTag(id));
}

const batchTag = (id: number): string => `batch:${id}`;

/**
 * Batches left 'running' by a killed process: what they committed stays, they are marked
 * cancelled, and what a killed bulk load left undone (indexes, author counts) is finished.
 * A batch another live process (or an open connection of this one) is still writing is left
 * alone: opening a workspace beside a running import must not cut it short.
 */
export function closeInterruptedBatches(db: Db, now: number): number {
  recoverBulkLoad(db);
  const running = db
    .prepare("SELECT id FROM import_batches WHERE status = 'running'")
    .pluck()
    .all() as number[];
  const dead = running.filter((id) => !writeOwnerAlive(db, batchTag(id)));
  if (!dead.length) return 0;
  const cancel = db.prepare(
    `UPDATE import_batches SET status = 'cancelled', finished_at = ?,
       imported = (SELECT count(*) FROM mentions WHERE batch_id = import_batches.id)
     WHERE id = ? AND status = 'running'`,
  );
  return db.transaction(() => {
    let n = 0;
    for (const id of dead) {
      n += cancel.run(now, id).changes;
      releaseWrite(db, batchTag(id));
    }
    return n;
  })();
}

interface BatchDbRow {
  id: number;
  source_id: number | null;
  kind: BatchKind;
  file_name: string | null;
  format: string | null;
  status: BatchStatus;
  started_at: number;
  finished_at: number | null;
  imported: number;
  duplicates: number;
  rejected: number;
  errors: string;
}

function toBatch(r: BatchDbRow): BatchRow {
  return {
    id: r.id,
    sourceId: r.source_id,
    kind: r.kind,
    fileName: r.file_name,
    format: r.format,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    imported: r.imported,
    duplicates: r.duplicates,
    rejected: r.rejected,
    errors: JSON.parse(r.errors) as RejectedRow[],
  };
}

export function getBatch(db: Db, id: number): BatchRow | null {
  const r = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as
    BatchDbRow | undefined;
  return r ? toBatch(r) : null;
}

export function listBatches(db: Db, limit = 100): BatchRow[] {
  const rows = db
    .prepare(
      "SELECT * FROM import_batches WHERE kind <> 'feed' OR imported > 0 ORDER BY id DESC LIMIT ?",
    )
    .all(limit) as BatchDbRow[];
  return rows.map(toBatch);
}

/**
 * Removes every mention a batch added — full-text rows, rollup contributions and author
 * counts included — in one transaction, and marks the batch undone. User overrides stay:
 * they are keyed by natural key and apply again if the data is re-imported.
 */
/** The customer mentions an undo can change the answer of: its own, and those its replies answer. */
const AFFECTED_BY_BATCH = `SELECT natural_key FROM mentions WHERE batch_id = ? AND is_brand = 0
  UNION SELECT reply_to_key FROM mentions WHERE batch_id = ? AND is_brand = 1 AND reply_to_key IS NOT NULL`;

export function undoBatch(db: Db, id: number, timezone: string, now: number): number {
  return withResponseRefresh(db, AFFECTED_BY_BATCH, [id, id], () =>
    removeBatch(db, id, timezone, now),
  );
}

/**
 * Runs inside withResponseRefresh's transaction, and opens none of its own. A nested
 * transaction is a savepoint: while one is open SQLite copies every page the undo changes into
 * the statement journal, and with `temp_store = MEMORY` (workspace-file.ts) that journal is a
 * list of ~1 KiB chunks in memory which each statement needing its own statement journal (the
 * per-author UPDATE, which fires a trigger) walks from its start when it ends. Undoing 200k
 * mentions: 5,000 such statements over a journal of the FTS delete's pages took ~2.5 s of CPU
 * on a workspace opened the normal way and 0.2 s on a bare connection.
 */
function removeBatch(db: Db, id: number, timezone: string, now: number): number {
  const facts = db
    .prepare(`SELECT ${ROLLUP_FACT_COLUMNS} FROM mentions WHERE batch_id = ?`)
    .all(id) as RollupFact[];
  const acc = new RollupAccumulator(timezone);
  for (const f of facts) acc.add(f, -1);
  acc.flush(db);
  // During a bulk load the index is rebuilt from the mentions at its end: deleting entries
  // it may not hold yet would only damage it.
  if (!ftsRebuildPending(db))
    db.prepare(
      `INSERT INTO mentions_fts (mentions_fts, rowid, text, title)
       SELECT 'delete', id, text, title FROM mentions WHERE batch_id = ?`,
    ).run(id);
  const perAuthor = db
    .prepare(
      'SELECT author_id AS id, count(*) AS n FROM mentions WHERE batch_id = ? AND author_id IS NOT NULL GROUP BY author_id',
    )
    .all(id) as Array<{ id: number; n: number }>;
  const dec = db.prepare('UPDATE authors SET posts = max(0, posts - ?) WHERE id = ?');
  for (const a of perAuthor) dec.run(a.n, a.id);
  const removed = db.prepare('DELETE FROM mentions WHERE batch_id = ?').run(id).changes;
  db.prepare(
    `UPDATE authors SET first_seen_at = (SELECT min(posted_at) FROM mentions WHERE author_id = authors.id),
       last_seen_at = (SELECT max(posted_at) FROM mentions WHERE author_id = authors.id)
     WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(JSON.stringify(perAuthor.map((a) => a.id)));
  db.prepare("UPDATE import_batches SET status = 'undone', finished_at = ? WHERE id = ?").run(
    now,
    id,
  );
  return removed;
}
