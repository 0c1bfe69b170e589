import { parentPort, workerData } from 'node:worker_threads';
import { parseModel } from '../analysis/learning';
import type { Channel } from '../model/channels';
import type { MentionInput, RejectedRow } from '../model/mention';
import { createAnalyzer } from './analyzer';
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
  modelJson: string | null;
  analyse: boolean;
  batchSize: number;
}

export type WorkerMessage =
  | { type: 'opened'; format: string; totalBytes: number }
  | { type: 'refused'; reason: string }
  | { type: 'rows'; rows: MentionInput[]; rejected: RejectedRow[]; read: number; bytesRead: number }
  | { type: 'failed'; reason: string; read: number }
  | { type: 'done'; read: number };

const MAX_IN_FLIGHT = 3;

async function run(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let stopped = false;
  port.on('message', (m: { type: string }) => {
    if (m.type === 'ack') inFlight--;
    if (m.type === 'stop') stopped = true;
    wake?.();
    wake = null;
  });
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
    ? createAnalyzer({} as never, input.modelJson ? parseModel(input.modelJson) : null)
    : () => null;
  let rows: MentionInput[] = [];
  let rejected: RejectedRow[] = [];
  let read = 0;
  const send = async (): Promise<void> => {
    while (inFlight >= MAX_IN_FLIGHT && !stopped) await new Promise<void>((r) => (wake = r));
    inFlight++;
    port.postMessage({
      type: 'rows',
      rows,
      rejected,
      read,
      bytesRead: opened.bytesRead(),
    } satisfies WorkerMessage);
    rows = [];
    rejected = [];
  };
  try {
    for await (const r of opened.rows) {
      if (stopped) return;
      read++;
      if (r.ok) {
        const m = r.mention as MentionInput & { analysis?: unknown; rawJson?: string };
        m.analysis = analyze(m);
        // Serialised here so the main thread neither clones nor stringifies the raw record.
        m.rawJson = m.raw === undefined ? undefined : JSON.stringify(m.raw);
        m.raw = undefined;
        rows.push(m);
      } else rejected.push({ file: opened.file, line: r.line, reason: r.reason });
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

if (parentPort) void run(parentPort, workerData as WorkerInput);
