import { deleteMeta, readMeta, writeMeta } from './meta';
import {
  rebuildResponseRollups,
  replaceResponseRollups,
  type ResponseCells,
} from './response-rollups';
import type { Db } from './workspace-file';
import { claimWrite, releaseWrite, writeOwnerAlive } from './write-owners';

const META_KEY = 'bulk_load_indexes';
/** The write-owner tag of a bulk load (see write-owners.ts). */
const OWNER_TAG = 'bulk_load';
/** Set while author post counts are held back (MentionWriter `deferAuthorCounts`). */
const AUTHORS_KEY = 'bulk_load_author_counts';
/** Set while new rows wait for the full-text index's rebuild (MentionWriter `deferFts`). */
const FTS_KEY = 'bulk_load_fts';
/** Set while the response rollups wait for their rebuild (MentionWriter `deferResponses`). */
const RESPONSES_KEY = 'bulk_load_responses';
/** Page cache while bulk loading: inserts append, so a small cache is as fast and RSS stays low. */
const BULK_CACHE_KIB = 32 * 1024;
/**
 * WAL size after which the writer checkpoints during a bulk load (default 1,000 pages): the
 * import worker checkpoints from its own connection whenever it waits for the writer, so the
 * writer does it only when the worker never waits (full analysis keeps it busy). In pages of
 * the file's size (4 KiB in files made before 16 KiB pages).
 */
const BULK_AUTOCHECKPOINT_BYTES = 40 * 1024 * 1024;
/** Below this a file imports in the usual way: rebuilding an index would cost more than it saves. */
export const BULK_MIN_BYTES = 16 * 1024 * 1024;
/** Rough size of one exported post, to estimate a file's rows from its bytes. */
const BYTES_PER_ROW = 200;

/** Author indexes a query names (`INDEXED BY`): a bulk load must keep them. */
const KEPT_AUTHOR_INDEXES = new Set(['authors_unanalysed']);

interface IndexInfo {
  name: string;
  unique: number;
  origin: string;
  partial: number;
}

const active = new WeakMap<Db, { depth: number; cacheSize: number; autocheckpoint: number }>();

/**
 * A bulk load pays off when the file is large and brings at least half as many rows as the
 * workspace holds: rebuilding an index afterwards costs ~1 s per million rows, inserting into
 * it row by row ~3 s per million new rows (author ids arrive in random order).
 */
export function shouldBulkLoad(db: Db, totalBytes: number): boolean {
  if (totalBytes < BULK_MIN_BYTES) return false;
  const existing = (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n;
  return totalBytes / BYTES_PER_ROW >= existing / 2;
}

/**
 * Starts a bulk load: drops the secondary indexes that random-order inserts and the deferred
 * author counts would update row by row (see `droppable`), and keeps their definitions in
 * `meta` so that `endBulkLoad` — or, after a killed import, the next open — creates them again.
 * Nests: concurrent loads on one connection share the state.
 *
 * `deferResponses`: the load's writer leaves the response rollups to one set-wise rebuild at
 * the end (MentionWriter `deferResponses`), ~2.5 s less of its time at 1M mentions. The
 * rebuild pays when another thread does it (see endBulkLoad); on the writer's own time it
 * pays only when the writer sets the pace (no analysis: with analysis it shares the worker's
 * analysis, and a rebuild at the end made a 1M import 31.4 s against 29.6 s tracked).
 */
export function beginBulkLoad(db: Db, opts: { deferResponses?: boolean } = {}): void {
  // Set before anything else, also by a nested load: its writer defers even if the first did not.
  if (opts.deferResponses) writeMeta(db, RESPONSES_KEY, '1');
  const state = active.get(db);
  if (state) {
    state.depth++;
    return;
  }
  active.set(db, {
    depth: 1,
    cacheSize: db.pragma('cache_size', { simple: true }) as number,
    autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }) as number,
  });
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${Math.round(BULK_AUTOCHECKPOINT_BYTES / pageSize)}`);
  db.transaction(() => {
    claimWrite(db, OWNER_TAG);
    writeMeta(db, AUTHORS_KEY, '1');
    writeMeta(db, FTS_KEY, '1');
    const drop = droppable(db);
    if (!drop.length) return;
    const saved = savedIndexes(db);
    const sqlOf = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?");
    for (const i of drop) {
      saved.push((sqlOf.get(i.name) as { sql: string }).sql);
      db.exec(`DROP INDEX "${i.name.replaceAll('"', '""')}"`);
    }
    writeMeta(db, META_KEY, JSON.stringify(saved));
  })();
}

/**
 * Indexes a bulk load drops: of `mentions` those neither unique (the natural key makes imports
 * idempotent) nor partial (those hold only the few rows with a reply or thread key); of
 * `authors` every non-unique one but `authors_unanalysed`, which the people analysis names in
 * its query (new authors append to it in id order): the People list's partial indexes all
 * change when the deferred post counts land, 7 index writes per author (~1 s of a 1M load,
 * ~0.3 s to build them afresh).
 */
function droppable(db: Db): IndexInfo[] {
  const mentions = (db.pragma('index_list(mentions)') as IndexInfo[]).filter(
    (i) => i.origin === 'c' && !i.unique && !i.partial,
  );
  const authors = (db.pragma('index_list(authors)') as IndexInfo[]).filter(
    (i) => i.origin === 'c' && !i.unique && !KEPT_AUTHOR_INDEXES.has(i.name),
  );
  return [...mentions, ...authors];
}

/**
 * The response rollups' rebuild computed on another thread, on a connection of its own:
 * `start` asks for it (this thread holds the write lock then), `cells` is the answer — null
 * when there is none (the thread failed, ended or timed out): this thread then computes them.
 */
export interface ResponseRebuild {
  start: () => void;
  cells: () => Promise<ResponseCells | null>;
}

/**
 * Ends a bulk load, after its writer has applied the author counts it deferred: the last one
 * to end recreates the dropped indexes, the full-text index and the response rollups, and
 * gives back the page cache.
 */
export function endBulkLoad(db: Db): void {
  const state = leave(db);
  if (!state) return;
  recreateIndexes(db);
  rebuildFts(db);
  rebuildResponses(db);
  releaseWrite(db, OWNER_TAG);
  db.pragma(`cache_size = ${state.cacheSize}`);
}

/**
 * `endBulkLoad` with the response rollups computed on another thread (`elsewhere`) while this
 * one builds the full-text index and the indexes (~2.5 s of this thread's time at 1M
 * mentions). The other thread reads once this one holds the write lock; the answer is awaited
 * outside any transaction (other requests run meanwhile, and a thread that dies gives its
 * answer, null, at once), then written only if nothing was written since that transaction —
 * by this connection (`total_changes()`) or another (`data_version`) — so that the cells count
 * exactly the mentions they are written for; else this thread computes them itself.
 */
export async function endBulkLoadWith(db: Db, elsewhere: ResponseRebuild): Promise<void> {
  if (readMeta(db, RESPONSES_KEY) === undefined || (active.get(db)?.depth ?? 0) > 1) {
    endBulkLoad(db);
    return;
  }
  const state = leave(db);
  if (!state) return;
  let seen: string | undefined;
  db.transaction(() => {
    elsewhere.start();
    rebuildFts(db);
    recreateIndexes(db);
    seen = writesMark(db);
  }).immediate();
  db.pragma(`cache_size = ${state.cacheSize}`);
  let cells: ResponseCells | null = null;
  try {
    cells = await elsewhere.cells();
  } catch {
    cells = null;
  }
  // A load begun meanwhile (`active`) left the indexes dropped again and owns the write: its
  // end rebuilds the rollups and releases it.
  if (active.has(db)) return;
  db.transaction(() => {
    if (readMeta(db, RESPONSES_KEY) === undefined) return;
    if (cells && writesMark(db) === seen) replaceResponseRollups(db, cells);
    else rebuildResponseRollups(db);
    deleteMeta(db, RESPONSES_KEY);
  }).immediate();
  releaseWrite(db, OWNER_TAG);
}

/** Leaves one level of a bulk load; the state to finish when it was the last one. */
function leave(db: Db): { cacheSize: number } | null {
  const state = active.get(db);
  if (!state) return null;
  if (--state.depth > 0) return null;
  active.delete(db);
  deleteMeta(db, AUTHORS_KEY);
  db.pragma(`wal_autocheckpoint = ${state.autocheckpoint}`);
  return state;
}

/** Changes to the database so far: rows this connection wrote, commits by any other one. */
function writesMark(db: Db): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
}

function savedIndexes(db: Db): string[] {
  const saved = readMeta(db, META_KEY);
  return saved !== undefined ? (JSON.parse(saved) as string[]) : [];
}

/**
 * Finishes a bulk load a killed process left behind (called when a workspace is opened):
 * creates the dropped indexes again and recounts author posts, whose deferred counts were
 * lost. Returns the number of indexes created.
 */
export function recoverBulkLoad(db: Db): number {
  // A load still running in another process (or on another open connection) is not ours to finish.
  if (active.has(db) || writeOwnerAlive(db, OWNER_TAG)) return 0;
  const created = recreateIndexes(db);
  rebuildFts(db);
  rebuildResponses(db);
  if (readMeta(db, AUTHORS_KEY) !== undefined) {
    db.transaction(() => {
      db.exec(`UPDATE authors SET posts = c.n, first_seen_at = c.first, last_seen_at = c.last
        FROM (SELECT author_id AS id, count(*) AS n, min(posted_at) AS first, max(posted_at) AS last
              FROM mentions WHERE author_id IS NOT NULL GROUP BY author_id) AS c
        WHERE authors.id = c.id AND (posts IS NOT c.n OR first_seen_at IS NOT c.first
          OR last_seen_at IS NOT c.last)`);
      deleteMeta(db, AUTHORS_KEY);
    })();
  }
  releaseWrite(db, OWNER_TAG);
  return created;
}

/** True while a bulk load's rows are not in the full-text index yet (undo skips FTS deletes). */
export function ftsRebuildPending(db: Db): boolean {
  return readMeta(db, FTS_KEY) !== undefined;
}

/**
 * One FTS5 rebuild instead of a row per mention: re-reads every mention, so it is used only
 * when the load brings at least a third of the workspace (see shouldBulkLoad), and it also
 * repairs any delete an undo or erase issued meanwhile.
 */
function rebuildFts(db: Db): void {
  if (!ftsRebuildPending(db)) return;
  db.transaction(() => {
    const usual = ftsConfig(db);
    setFtsConfig(db, REBUILD_FTS_CONFIG);
    db.exec("INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')");
    setFtsConfig(db, usual);
    deleteMeta(db, FTS_KEY);
  })();
}

/**
 * FTS5 settings while the rebuild runs: an 8 MiB hash of pending terms instead of 1 MiB, and
 * no merging of segments as they are written (FTS5 still merges if a level piles up 16).
 * 1M mentions: 1.7 → 1.15 s of CPU and 11 → 9 segments, searches as fast. The usual values
 * come back in the same transaction, so later writes merge as before.
 */
const REBUILD_FTS_CONFIG = { hashsize: 8 * 1024 * 1024, automerge: 0 };
/** FTS5's values when its config table has none. */
const FTS_DEFAULTS: typeof REBUILD_FTS_CONFIG = { hashsize: 1024 * 1024, automerge: 4 };

function ftsConfig(db: Db): typeof REBUILD_FTS_CONFIG {
  const rows = db
    .prepare("SELECT k, v FROM mentions_fts_config WHERE k IN ('hashsize', 'automerge')")
    .all() as Array<{ k: keyof typeof FTS_DEFAULTS; v: number }>;
  const c = { ...FTS_DEFAULTS };
  for (const r of rows) c[r.k] = r.v;
  return c;
}

function setFtsConfig(db: Db, c: typeof REBUILD_FTS_CONFIG): void {
  // FTS5 takes these as integers only (a JavaScript number would bind as a real).
  const set = db.prepare('INSERT INTO mentions_fts (mentions_fts, rank) VALUES (?, ?)');
  for (const [k, v] of Object.entries(c)) set.run(k, BigInt(v));
}

/**
 * The response rollups of a bulk load in one set-wise rebuild (~2 s at 1M, on another thread
 * when the import runner has one for it: see endBulkLoad) instead of the writer tracking each
 * mention and moving the ones each brand reply answers (~2.8 s of its time at 1M). Undo,
 * marks and writes of other imports meanwhile are covered by it too.
 */
function rebuildResponses(db: Db): void {
  if (readMeta(db, RESPONSES_KEY) === undefined) return;
  db.transaction(() => {
    rebuildResponseRollups(db);
    deleteMeta(db, RESPONSES_KEY);
  })();
}

/** Background threads SQLite's sorter may use to build an index (the reader is done by then). */
const SORT_THREADS = 2;

function recreateIndexes(db: Db): number {
  const list = savedIndexes(db);
  if (!list.length) return 0;
  // The author index sorts 1M (author, id) pairs: with sorter threads ~1.7 → ~1.3 s of this
  // thread's CPU at 1M, the rest on the core the import worker has just left.
  const threads = db.pragma('threads', { simple: true }) as number;
  db.pragma(`threads = ${SORT_THREADS}`);
  try {
    db.transaction(() => {
      for (const sql of list)
        db.exec(sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '));
      deleteMeta(db, META_KEY);
    })();
  } finally {
    db.pragma(`threads = ${threads}`);
  }
  return list.length;
}
