import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { finishBatch, MAX_STORED_ERRORS, startBatch } from '../db/batches-repo';
import {
  beginBulkLoad,
  endBulkLoad,
  endBulkLoadWith,
  shouldBulkLoad,
  type ResponseRebuild,
} from '../db/bulk-load';
import type { ResponseCells } from '../db/response-rollups';
import type { BatchKind } from '../model/imports';
import {
  MentionWriter,
  ownHandleKeys,
  type Analyzer,
  type WriteResult,
} from '../db/mention-writer';
import type { Db } from '../db/workspace-file';
import type { Channel } from '../model/channels';
import type { ImportFileSummary, ImportProgress, ImportSummary } from '../model/imports';
import type { MentionInput, RejectedRow } from '../model/mention';
import { decodeBatch } from './batch-codec';
import { ImportFileError, openImport, type ImportFormat } from './importers';
import { rowReason } from './importers/row-reasons';
import type {
  ResponsesRequest,
  ResponsesWorkerInput,
  WorkerInput,
  WorkerMessage,
  WriterMessage,
} from './import-worker';

export interface ImportOptions {
  format?: ImportFormat;
  map?: Record<string, string>;
  channel?: Channel;
  signal?: AbortSignal;
  kind?: BatchKind;
  sourceId?: number | null;
  /** Rows per transaction: large enough to amortise the commit, small enough to keep memory flat. */
  batchSize?: number;
  /**
   * Load without the random-order secondary indexes and recreate them at the end (see
   * bulk-load.ts). Default: decided from the file size against the workspace's size.
   */
  bulk?: boolean;
  onProgress?: (p: ImportProgress) => void;
  progressEveryMs?: number;
}

export interface ImportDeps {
  db: Db;
  timezone: string;
  now: () => number;
  analyze?: Analyzer;
  /**
   * Read and analyse on a second core: the bundled worker script and the workspace's
   * correction model. Without it (tests, sources only) everything runs on this thread.
   */
  worker?: WorkerOptions;
}

export interface WorkerOptions {
  script: string;
  /** The workspace's models as one JSON document (loadWorkspaceModelsJson), null: none. */
  modelJson: string | null;
  /** False: store mentions unanalysed (analysis columns null), e.g. to measure the bare import. */
  analyse?: boolean;
}

// 2.5k rows per transaction: commits are still amortised, a cancel or crash loses at most
// this much, and with two batches in flight a 1M import peaks at ~360 MB (10k × 3: ~640 MB) —
// parsed batches live long enough to reach V8's old space, so smaller ones mean less garbage.
const DEFAULT_BATCH = 2_500;
/** Young-generation cap of the import worker (see importOneInWorker). */
const WORKER_YOUNG_MB = 32;

/**
 * Streams each file through its importer into the store, one transaction per chunk, so a
 * cancel or a killed process keeps every committed chunk and a re-run adds only what is
 * missing (natural keys make every write idempotent).
 */
export async function importFiles(
  deps: ImportDeps,
  paths: string[],
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: 0, duplicates: 0, rejected: 0, errors: [], files: [] };
  for (const path of paths) {
    if (opts.signal?.aborted) break;
    const file = await importOne(deps, path, opts, summary.errors);
    summary.files.push(file);
    summary.imported += file.imported;
    summary.duplicates += file.duplicates;
    summary.rejected += file.rejected;
  }
  return summary;
}

async function importOne(
  deps: ImportDeps,
  path: string,
  opts: ImportOptions,
  errors: RejectedRow[],
): Promise<ImportFileSummary> {
  if (deps.worker && existsSync(deps.worker.script))
    return importOneInWorker(deps, deps.worker, path, opts, errors);
  return importOneHere(deps, path, opts, errors);
}

/** Worker path: the worker reads and analyses; this thread writes each acknowledged batch. */
async function importOneInWorker(
  deps: ImportDeps,
  w: WorkerOptions,
  path: string,
  opts: ImportOptions,
  errors: RejectedRow[],
): Promise<ImportFileSummary> {
  const name = basename(path);
  const input: WorkerInput = {
    path,
    format: opts.format,
    map: opts.map,
    channel: opts.channel,
    modelJson: w.modelJson,
    analyse: w.analyse ?? true,
    writerAnalyses: deps.analyze !== undefined && (w.analyse ?? true),
    own: ownHandleKeys(deps.db),
    timezone: deps.timezone,
    batchSize: opts.batchSize ?? DEFAULT_BATCH,
  };
  const worker = new Worker(w.script, {
    workerData: input,
    // Without analysis, a capped young generation: the worker allocates each batch's rows,
    // strings and JSON and keeps almost none of it, so it need not grow to V8's default before
    // collecting. 32 MB, not 8: with 8 it collected so often that the scavenges (and the GC
    // threads beside them) starved both cores — 1M import without analysis, interleaved:
    // 14.2 / 15.0 s and 25.0 / 26.1 s of CPU at 8 MB, 12.4–13.9 s and 21.5–24.3 s at 32 MB,
    // peak RSS 431–435 → 426–451 MB (16 MB: 13.1 / 14.1 s; 64 MB: no faster, 470–478 MB).
    // With analysis the analyser's garbage made a small one collect so often that the worker
    // took ~9 % more CPU: V8's default there.
    resourceLimits: input.analyse ? undefined : { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let crashed: Error | null = null;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    crashed = e;
    wake?.();
  });
  let exited = false;
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  /** A batch of rows that is already queued, taken without waiting (or nothing). */
  const queuedRows = (): RowsMessage | undefined =>
    queue[0]?.type === 'rows' ? (queue.shift() as RowsMessage) : undefined;
  /** Waits until `n` batches of rows are queued, or the worker has sent its last one. */
  const rowsQueued = async (n: number): Promise<void> => {
    while (queue.length < n && !queue.some((m) => m.type !== 'rows') && !crashed && !exited) {
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
  };
  const next = async (): Promise<WorkerMessage | null> => {
    for (;;) {
      const m = queue.shift();
      if (m) return m;
      if (crashed) return null;
      await new Promise<void>((r) => (wake = r));
      wake = null;
      if (!queue.length && crashed) return null;
    }
  };
  const first = await next();
  if (!first || first.type === 'refused') {
    await worker.terminate();
    const reason =
      first?.type === 'refused'
        ? first.reason
        : `could not be read (${(crashed as Error | null)?.message ?? 'worker stopped'})`;
    errors.push({ file: name, line: null, reason });
    return {
      file: name,
      format: null,
      batchId: null,
      status: 'refused',
      imported: 0,
      duplicates: 0,
      rejected: 0,
      reason: `${name}: ${reason}`,
    };
  }
  const format = first.type === 'opened' ? first.format : null;
  const totalBytes = first.type === 'opened' ? first.totalBytes : 0;
  const bulk = opts.bulk ?? shouldBulkLoad(deps.db, totalBytes);
  // The response rollups are left to one rebuild at the end, on a worker of its own while the
  // writer builds the indexes (responsesWorker). An in-memory workspace has no file another
  // connection can read: there the writer would rebuild them itself, which pays only when it
  // sets the pace (no analysis); with analysis it tracks them as it writes, the worker's
  // analysis being what the import waits for.
  const deferResponses = bulk && (!input.analyse || !deps.db.memory);
  // A bulk load without analysis here writes batches in groups of BULK_GROUP (see below): the
  // worker keeps twice that in flight, so that it fills the next group while one is written.
  const group = bulk && !input.writerAnalyses ? BULK_GROUP : 1;
  if (bulk) {
    beginBulkLoad(deps.db, { deferResponses });
    if (!deps.db.memory)
      worker.postMessage({ type: 'checkpoint', path: deps.db.name } satisfies WriterMessage);
    if (group > 1)
      worker.postMessage({ type: 'window', batches: 2 * group } satisfies WriterMessage);
  }
  try {
    return await writeFromWorker(
      deps,
      worker,
      { next, queuedRows, rowsQueued, crashed: () => crashed },
      {
        name,
        format,
        totalBytes,
        opts,
        errors,
        bulk,
        deferResponses,
        group,
      },
    );
  } finally {
    await worker.terminate();
    if (bulk) {
      const elsewhere =
        deferResponses && !deps.db.memory ? await responsesWorker(w.script) : undefined;
      try {
        if (elsewhere) await endBulkLoadWith(deps.db, elsewhere.rebuild(deps.db.name));
        else endBulkLoad(deps.db);
      } finally {
        await elsewhere?.worker.terminate();
      }
    }
  }
}

/**
 * Longest wait for the response rollups' worker before this thread computes them itself: a
 * guard against a thread that hangs (one that fails or ends answers at once). The wait is
 * asynchronous: other requests are served meanwhile.
 */
const RESPONSES_TIMEOUT_MS = 120_000;

/**
 * A fresh worker for the response rollups of a bulk load: it computes them (~2.5 s of this
 * thread's time at 1M mentions) while this thread builds the full-text index and the
 * indexes, on the core the import worker has just left. Undefined when it could not start:
 * the rebuild then runs here.
 */
async function responsesWorker(
  script: string,
): Promise<{ worker: Worker; rebuild: (path: string) => ResponseRebuild } | undefined> {
  const worker = new Worker(script, {
    workerData: { type: 'responses' } satisfies ResponsesWorkerInput,
  });
  // Settles when the thread fails or ends, now or later: no answer can come after that.
  const ended = new Promise<void>((resolve) => {
    worker.on('error', () => resolve());
    worker.once('exit', () => resolve());
  });
  const online = await Promise.race([
    new Promise<boolean>((resolve) => worker.once('online', () => resolve(true))),
    ended.then(() => false),
  ]);
  if (!online) return undefined;
  const rebuild = (path: string): ResponseRebuild => {
    const { port1, port2 } = new MessageChannel();
    const answer = new Promise<ResponseCells | null>((resolve) =>
      port1.once('message', (m: ResponseCells | null) => resolve(m)),
    );
    // An answer posted just before the thread ended is already on the port.
    const none = ended.then(() => {
      const m = receiveMessageOnPort(port1);
      return (m?.message as ResponseCells | null | undefined) ?? null;
    });
    return {
      start: () => worker.postMessage({ path, port: port2 } satisfies ResponsesRequest, [port2]),
      cells: async () => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), RESPONSES_TIMEOUT_MS);
        });
        try {
          return await Promise.race([answer, none, late]);
        } finally {
          clearTimeout(timer);
          port1.close();
        }
      },
    };
  };
  return { worker, rebuild };
}

/** One file being imported through the worker. */
interface FileJob {
  name: string;
  format: string | null;
  totalBytes: number;
  opts: ImportOptions;
  errors: RejectedRow[];
  bulk: boolean;
  /** The writer leaves the response rollups to the bulk load's rebuild (beginBulkLoad). */
  deferResponses: boolean;
  /** Batches a transaction waits for (when the worker has that many more to send). */
  group: number;
}

type RowsMessage = Extract<WorkerMessage, { type: 'rows' }>;

/** The worker's messages as the writing side reads them. */
interface WorkerInbox {
  next: () => Promise<WorkerMessage | null>;
  queuedRows: () => RowsMessage | undefined;
  rowsQueued: (n: number) => Promise<void>;
  crashed: () => Error | null;
}

/**
 * Batches already waiting when the writer takes one are written in the same transaction, up
 * to this many: fewer commits, and pages that consecutive batches share (the author and
 * natural-key indexes, rollup cells) reach the WAL once. No await inside a transaction, so no
 * other request ever runs inside it. (The worker keeps two in flight: see import-worker.ts.)
 */
const MAX_GROUP = 4;
/**
 * Batches of 2,500 rows a bulk load without analysis on this thread writes per transaction
 * (it waits for them: the worker reads ahead meanwhile). New authors land at random places
 * in the authors' (channel, handle) index, so every commit wrote most of its pages again:
 * 1M mentions in 387 transactions wrote ~920 MB of WAL for a 571 MB file, a third of it that
 * index's ~1,000 pages written 79,000 times.
 */
const BULK_GROUP = 16;

/** Writes the batches the worker sends, in transactions, and closes the import batch. */
async function writeFromWorker(
  deps: ImportDeps,
  worker: Worker,
  inbox: WorkerInbox,
  f: FileJob,
): Promise<ImportFileSummary> {
  const { name, format, opts } = f;
  const batchId = startBatch(deps.db, {
    kind: opts.kind ?? 'file',
    sourceId: opts.sourceId ?? null,
    fileName: name,
    format,
    now: deps.now(),
  });
  const writer = new MentionWriter(deps.db, {
    batchId,
    sourceId: opts.sourceId ?? null,
    timezone: deps.timezone,
    now: deps.now(),
    analyze: deps.analyze,
    deferAuthorCounts: f.bulk,
    deferFts: f.bulk,
    deferResponses: f.deferResponses,
  });
  const write = deps.db.transaction((batches: Uint8Array<ArrayBuffer>[]) => {
    const total: WriteResult = { imported: 0, duplicates: 0 };
    for (const batch of batches) {
      const r = writer.writePrepared(decodeBatch(batch));
      total.imported += r.imported;
      total.duplicates += r.duplicates;
    }
    return total;
  });
  try {
    return await writeBatches(deps, worker, inbox, f, batchId, write);
  } finally {
    // Whatever stopped the load, the committed batches' authors get their counts.
    if (f.bulk) deps.db.transaction(() => writer.flushAuthorCounts())();
  }
}

async function writeBatches(
  deps: ImportDeps,
  worker: Worker,
  inbox: WorkerInbox,
  f: FileJob,
  batchId: number,
  write: (batches: Uint8Array<ArrayBuffer>[]) => WriteResult,
): Promise<ImportFileSummary> {
  const { name, format, totalBytes, opts, errors } = f;
  const fileErrors: RejectedRow[] = [];
  let imported = 0;
  let duplicates = 0;
  let rejected = 0;
  let status: 'done' | 'cancelled' = 'done';
  const started = Date.now();
  // Groups grow to f.group (1, 2, 4, …): the first batches are written as soon as they come,
  // not after the worker has read a whole group alone.
  let wanted = 1;
  for (;;) {
    if (opts.signal?.aborted) {
      status = 'cancelled';
      worker.postMessage({ type: 'stop' });
      break;
    }
    const m = await inbox.next();
    if (!m) {
      fileErrors.push({
        file: name,
        line: null,
        reason: `reading stopped: ${inbox.crashed()?.message ?? 'the reader ended unexpectedly'}`,
      });
      rejected++;
      break;
    }
    if (m.type === 'rows') {
      if (wanted > 1) await inbox.rowsQueued(wanted - 1);
      const group = [m];
      const most = Math.max(MAX_GROUP, wanted);
      wanted = Math.min(f.group, wanted * 2);
      for (let q; group.length < most && (q = inbox.queuedRows());) group.push(q);
      const last = group[group.length - 1] as RowsMessage;
      const r = write(group.map((g) => g.batch));
      imported += r.imported;
      duplicates += r.duplicates;
      for (const g of group) {
        rejected += g.rejected.length;
        for (const e of g.rejected) if (fileErrors.length < MAX_STORED_ERRORS) fileErrors.push(e);
        // The batch's buffer goes back to the worker to carry another one.
        worker.postMessage({ type: 'ack', buffer: g.batch.buffer } satisfies WriterMessage, [
          g.batch.buffer,
        ]);
      }
      // Let timers, IPC and HTTP requests run between batches: while batches queue up, the
      // loop would otherwise only ever resume on already-resolved promises.
      await new Promise<void>((r) => setImmediate(r));
      const secs = Math.max((Date.now() - started) / 1000, 0.001);
      opts.onProgress?.({
        batchId,
        file: name,
        rows: last.read,
        rowsPerSec: Math.round(last.read / secs),
        bytesRead: last.bytesRead,
        totalBytes,
        etaSeconds:
          last.bytesRead > 0 && totalBytes > last.bytesRead
            ? Math.round(((totalBytes - last.bytesRead) / last.bytesRead) * secs)
            : null,
      });
    } else if (m.type === 'failed') {
      fileErrors.push({
        file: name,
        line: m.read || null,
        reason: rowReason('stoppedAfterRow', { n: m.read, message: m.reason }),
      });
      rejected++;
      break;
    } else if (m.type === 'done') break;
  }
  finishBatch(deps.db, batchId, {
    status,
    imported,
    duplicates,
    rejected,
    errors: fileErrors,
    now: deps.now(),
  });
  errors.push(...fileErrors.slice(0, Math.max(0, MAX_STORED_ERRORS - errors.length)));
  return { file: name, format, batchId, status, imported, duplicates, rejected };
}

async function importOneHere(
  deps: ImportDeps,
  path: string,
  opts: ImportOptions,
  errors: RejectedRow[],
): Promise<ImportFileSummary> {
  const name = basename(path);
  let opened;
  try {
    opened = await openImport(path, {
      format: opts.format,
      map: opts.map,
      channel: opts.channel,
      signal: opts.signal,
    });
  } catch (e: unknown) {
    const reason = e instanceof ImportFileError ? e.reason : (e as Error).message;
    errors.push({ file: name, line: null, reason });
    return {
      file: name,
      format: null,
      batchId: null,
      status: 'refused',
      imported: 0,
      duplicates: 0,
      rejected: 0,
      reason: `${name}: ${reason}`,
    };
  }
  const batchId = startBatch(deps.db, {
    kind: opts.kind ?? 'file',
    sourceId: opts.sourceId ?? null,
    fileName: name,
    format: opened.format,
    now: deps.now(),
  });
  const writer = new MentionWriter(deps.db, {
    batchId,
    sourceId: opts.sourceId ?? null,
    timezone: deps.timezone,
    now: deps.now(),
    analyze: deps.analyze,
  });
  const write = deps.db.transaction((rows: MentionInput[]) => writer.write(rows));
  const size = opts.batchSize ?? DEFAULT_BATCH;
  const fileErrors: RejectedRow[] = [];
  let imported = 0;
  let duplicates = 0;
  let rejected = 0;
  let rows = 0;
  let chunk: MentionInput[] = [];
  const started = Date.now();
  let lastProgress = 0;
  const report = (force = false): void => {
    if (!opts.onProgress) return;
    const t = Date.now();
    if (!force && t - lastProgress < (opts.progressEveryMs ?? 250)) return;
    lastProgress = t;
    const secs = Math.max((t - started) / 1000, 0.001);
    const read = opened.bytesRead();
    const bytesPerSec = read / secs;
    opts.onProgress({
      batchId,
      file: name,
      rows,
      rowsPerSec: Math.round(rows / secs),
      bytesRead: read,
      totalBytes: opened.totalBytes,
      etaSeconds:
        bytesPerSec > 0 && opened.totalBytes > read
          ? Math.round((opened.totalBytes - read) / bytesPerSec)
          : null,
    });
  };
  const flush = (): void => {
    if (chunk.length === 0) return;
    const r = write(chunk);
    imported += r.imported;
    duplicates += r.duplicates;
    chunk = [];
  };
  let status: 'done' | 'cancelled' = 'done';
  try {
    for await (const row of opened.rows) {
      if (opts.signal?.aborted) {
        status = 'cancelled';
        break;
      }
      rows++;
      if (row.ok) {
        chunk.push(row.mention);
        if (chunk.length >= size) {
          flush();
          report();
        }
      } else {
        rejected++;
        const err = { file: name, line: row.line, reason: row.reason };
        if (fileErrors.length < MAX_STORED_ERRORS) fileErrors.push(err);
      }
    }
    if (status === 'done') flush();
  } catch (e) {
    // A file that breaks mid-way (truncated, unreadable) keeps what was committed; the
    // reason names the file and the row reached.
    flush();
    const reason =
      e instanceof ImportFileError
        ? e.message
        : `${name}: stopped after row ${rows}: ${(e as Error).message}`;
    fileErrors.push({ file: name, line: rows || null, reason });
    rejected++;
  }
  report(true);
  finishBatch(deps.db, batchId, {
    status,
    imported,
    duplicates,
    rejected,
    errors: fileErrors,
    now: deps.now(),
  });
  errors.push(...fileErrors.slice(0, Math.max(0, MAX_STORED_ERRORS - errors.length)));
  return { file: name, format: opened.format, batchId, status, imported, duplicates, rejected };
}
