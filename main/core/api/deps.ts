import type { FileRegistry } from '../sources/file-registry';
import type { WorkspaceSession } from '../workspace/session';
import type { AppMode, EventMap, EventName } from './contract';

export interface Clock {
  now(): number;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Everything a handler may touch, injected so that tests and the CLI call handlers directly
 * and time can be simulated.
 */
export interface Deps {
  clock: Clock;
  log: Logger;
  fetch: typeof globalThis.fetch;
  session: WorkspaceSession;
  mode: AppMode;
  version: string;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** The shipped demo workspace and a writable folder to copy it into (desktop app). */
  demo?: { source: string; targetDir: string };
  /** Bundled import worker script (reads and analyses on a second core), when built. */
  importWorker?: string;
  /** Prints report HTML to PDF (the desktop shell: Electron's printToPDF); else a local Chromium. */
  printPdf?: (html: string) => Promise<Uint8Array>;
  /** Files the UI may import, by token (dialog picks and uploads). */
  files: FileRegistry;
  /** Native file dialogs; only the Electron shell provides them. */
  choosePath?: (purpose: 'open' | 'create') => Promise<string | null>;
  chooseImportFiles?: () => Promise<string[]>;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Messages go to stderr so that stdout stays machine-readable for the CLI contract. */
export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`${m}\n`),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  error: (m) => process.stderr.write(`error: ${m}\n`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
