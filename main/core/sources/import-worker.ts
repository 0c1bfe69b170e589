import {
  parentPort,
  receiveMessageOnPort,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { parseModels } from '../analysis/learning';
import type { Channel } from '../model/channels';
import type { MentionInput, RejectedRow } from '../model/mention';
import { AuthorNumbers, prepareMentions, RAW_COLUMN } from '../db/mention-writer';
import { computeResponseCells, type ResponseCells } from '../db/response-rollups';
import { RollupAccumulator } from '../db/rollups';
import { createAnalyzer } from './analyzer';
import { BatchBuffers, encodeBatch } from './batch-codec';
import { ImportFileError, openImport, type ImportFormat } from './importers';

/**
 * Import worker: reads and analyses a file on a second core while the main thread only
 * writes to the database. Batches are acknowledged one by one, so at most a few are in
 * flight and memory stays flat however fast the reader is.
 */
export interface WorkerInput {
  path: string;
  format?: ImportFormat;
  map?: Record<string, string>;
  channel?: Channel;
  /** The workspace's models as one JSON document (loadWorkspaceModelsJson), null: none. */
  modelJson: string | null;
  analyse: boolean;
  /** The writing thread can analyse too: the worker leaves it a share when it waits for rows. */
  writerAnalyses: boolean;
  /** Own handles (`channel:handle`, lower case) that mark brand posts. */
  own: string[];
  /** Workspace time zone: the worker sums each batch's rollup cells (local days). */
  timezone: string;
  batchSize: number;
}

export type WorkerMessage =
  | { type: 'opened'; format: string; totalBytes: number }
  | { type: 'refused'; reason: string }
  /**
   * `batch` is a PreparedBatch encoded by `encodeBatch` (batch-codec.ts), in an ArrayBuffer
   * that is transferred, not copied, and comes back with the ack.
   */
  | {
      type: 'rows';
      batch: Uint8Array<ArrayBuffer>;
      rejected: RejectedRow[];
      read: number;
      bytesRead: number;
    }
  | { type: 'failed'; reason: string; read: number }
  | { type: 'done'; read: number };

// Two batches in flight keep both threads busy (the writer writes both in one transaction
// when it finds them waiting). More cost peak RSS: when batches were strings, a queued one
// (1–2 MB) outlived young-generation collections, so each one more in flight left ~30–50 MB more of
// dead batches between full collections (1M import: 6 in flight ~510–550 MB, 3 ~490–540,
// 2 ~430–480).
const MAX_IN_FLIGHT = 2;
const MAX_SHARE = 0.6;
const SHARE_STEP = 0.05;

/** What the writing thread sends the worker. */
export type WriterMessage =
  /** A batch is written; its buffer comes back to be filled again (none: it stays with the writer). */
  | { type: 'ack'; buffer?: ArrayBuffer }
  | { type: 'stop' }
  /** A bulk load: copy the WAL into the workspace file whenever this thread waits (below). */
  | { type: 'checkpoint'; path: string }
  /** The writer takes batches in groups: keep up to this many in flight (else MAX_IN_FLIGHT). */
  | { type: 'window'; batches: number };

/**
 * `workerData` of a worker started at the end of a bulk load only to compute its response
 * rollups (see import-runner.ts): a fresh thread, not the import worker, whose heap from
 * reading (~70 MB at 1M rows) is given back before the writer's end phase.
 */
export interface ResponsesWorkerInput {
  type: 'responses';
}

/**
 * What that worker is then sent, once the writer holds the write lock: compute the response
 * rollups of the workspace at `path` and post them (or null) on `port`. The thread ends after
 * that; the writer takes its end, or its failure, for "no answer".
 */
export interface ResponsesRequest {
  path: string;
  port: MessagePort;
}

/**
 * Checkpoints on this thread's own connection while it waits for the writer: during a bulk
 * load the writer lets the WAL grow (see bulk-load.ts), and copying its pages into the file
 * — ~2.5 s of the writer's wall time at 1M, much of it waiting on the disk — happens here,
 * in time this thread would spend idle. PASSIVE never blocks the writer nor waits for it, and
 * it is SQLite's own checkpoint: a crash at any moment leaves the same consistent file.
 */
class Checkpointer {
  private db: Database.Database | null = null;

  /**
   * Opens the connection; the native module is loaded only now, so that if it could not be
   * loaded in a worker the import still runs (the writer then checkpoints itself at its
   * larger threshold).
   */
  static async open(path: string): Promise<Checkpointer> {
    const c = new Checkpointer();
    try {
      const { default: Sqlite } = await import('better-sqlite3');
      c.db = new Sqlite(path, { fileMustExist: true, timeout: 0 });
    } catch {
      c.db = null;
    }
    return c;
  }

  run(): void {
    try {
      this.db?.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy: the next wait, or the writer, checkpoints instead.
    }
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

/** Page cache of the connection that computes the response rollups (and of its temp data). */
const RESPONSES_CACHE_KIB = 4 * 1024;

/**
 * The response rollups of a bulk load, read on a read-only connection of this thread while the
 * writer builds the full-text index and the indexes (see endBulkLoad).
 */
async function answerResponses(m: ResponsesRequest): Promise<void> {
  let cells: ResponseCells | null = null;
  try {
    const { default: Sqlite } = await import('better-sqlite3');
    const db = new Sqlite(m.path, { readonly: true, fileMustExist: true });
    try {
      // It reads the whole table once, mostly by random lookups: a big cache would only hold
      // pages (~45 MB more peak RSS at 1M with the default 16 MB for the file and its temp).
      db.pragma(`cache_size = -${RESPONSES_CACHE_KIB}`);
      db.pragma(`temp.cache_size = -${RESPONSES_CACHE_KIB}`);
      cells = computeResponseCells(db);
    } finally {
      db.close();
    }
  } catch {
    cells = null; // the writer computes them itself
  } finally {
    m.port.postMessage(cells);
    m.port.close();
  }
}

/** Set once the writer asks for checkpoints (a bulk load); closed when reading ends. */
let checkpointer: Checkpointer | null = null;
let closed = false;

async function run(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  let inFlight = 0;
  let maxInFlight = MAX_IN_FLIGHT;
  let wake: (() => void) | null = null;
  let stopped = false;
  const buffers = new BatchBuffers();
  const onMessage = (m: WriterMessage): void => {
    if (m.type === 'ack') {
      inFlight--;
      if (m.buffer) buffers.release(m.buffer);
    }
    if (m.type === 'stop') stopped = true;
    if (m.type === 'window') maxInFlight = m.batches;
    if (m.type === 'checkpoint' && !checkpointer)
      void Checkpointer.open(m.path).then((c) => {
        if (checkpointer || closed) c.close();
        else checkpointer = c;
      });
    wake?.();
    wake = null;
  };
  port.on('message', onMessage);
  let opened;
  try {
    opened = await openImport(input.path, {
      format: input.format,
      map: input.map,
      channel: input.channel,
    });
  } catch (e) {
    port.postMessage({
      type: 'refused',
      reason: e instanceof ImportFileError ? e.reason : (e as Error).message,
    } satisfies WorkerMessage);
    return;
  }
  port.postMessage({
    type: 'opened',
    format: opened.format,
    totalBytes: opened.totalBytes,
  } satisfies WorkerMessage);
  const analyze = input.analyse
    ? createAnalyzer({} as never, input.modelJson ? parseModels(input.modelJson) : null)
    : undefined;
  const own = new Set(input.own);
  const rollups = new RollupAccumulator(input.timezone);
  const numbers = new AuthorNumbers();
  let rows: MentionInput[] = [];
  let rejected: RejectedRow[] = [];
  let read = 0;
  // Share of each batch left for the writing thread to analyse, set for the next batch once
  // this one is ready: if the writer has already written every batch sent (it has been
  // waiting for this thread) it gets more; if the window is full it gets less. On two cores
  // this balances the analysis between both threads.
  let share = input.analyse && input.writerAnalyses ? 0.2 : 0;
  const send = async (): Promise<void> => {
    const batch = encodeBatch(
      prepareMentions(rows, own, numbers, analyze, Math.round(rows.length * (1 - share)), rollups),
      buffers,
      [RAW_COLUMN],
    );
    // The writer's acks as they are now: this thread reads and analyses without letting its
    // event loop turn (a file's rows come from buffered chunks), so without this it saw acks
    // only when it had to wait for one. Then, and when the share was set before the batch was
    // analysed (the writer still busy with the batch just sent), it nearly always found the
    // writer busy and gave it no share: a 1M import left the writer idle 18 s of 38 while
    // this thread was never idle.
    for (let m; (m = receiveMessageOnPort(port));) onMessage(m.message as WriterMessage);
    if (input.analyse && input.writerAnalyses) {
      if (inFlight === 0) share = Math.min(MAX_SHARE, share + SHARE_STEP);
      else if (inFlight >= maxInFlight) share = Math.max(0, share - SHARE_STEP);
    }
    if (inFlight >= maxInFlight && !stopped) checkpointer?.run();
    while (inFlight >= maxInFlight && !stopped) await new Promise<void>((r) => (wake = r));
    inFlight++;
    port.postMessage(
      {
        type: 'rows',
        batch,
        rejected,
        read,
        bytesRead: opened.bytesRead(),
      } satisfies WorkerMessage,
      [batch.buffer],
    );
    rows = [];
    rejected = [];
  };
  try {
    for await (const r of opened.rows) {
      if (stopped) return;
      read++;
      if (r.ok) rows.push(r.mention);
      else rejected.push({ file: opened.file, line: r.line, reason: r.reason });
      if (rows.length >= input.batchSize) await send();
    }
    if (rows.length || rejected.length) await send();
    port.postMessage({ type: 'done', read } satisfies WorkerMessage);
  } catch (e) {
    if (rows.length || rejected.length) await send();
    port.postMessage({
      type: 'failed',
      reason: e instanceof ImportFileError ? e.reason : (e as Error).message,
      read,
    } satisfies WorkerMessage);
  }
}

const data = workerData as WorkerInput | ResponsesWorkerInput;
if (parentPort) {
  if ('type' in data) parentPort.once('message', (m: ResponsesRequest) => void answerResponses(m));
  else
    void run(parentPort, data).finally(() => {
      closed = true;
      checkpointer?.close();
    });
}
