import type { z } from 'zod';
import { z as zod } from 'zod';
import type { WorkspaceProfile } from '../model/workspace';
import { emptySchema, profileSchema } from './schemas';

/**
 * The one contract between the UI (Electron IPC or HTTP in `serve`) and the core. Each
 * method has an input schema, validated at every boundary, and an output type. The
 * renderer imports this module for its types only.
 */
function method<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as unknown as O };
}

export type AppMode = 'electron' | 'serve' | 'cli';

export interface AppInfo {
  version: string;
  mode: AppMode;
  schemaVersion: number;
  workspace: { path: string; name: string; brand: string } | null;
  /** Methods that need the desktop shell (native dialogs) are unavailable in browser mode. */
  canPickFiles: boolean;
}

export interface WorkspaceDetails extends WorkspaceProfile {
  path: string;
  name: string;
  schemaVersion: number;
  counts: { mentions: number; authors: number; batches: number; feeds: number };
  recoveredFromUncleanShutdown: boolean;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  brand: string | null;
  openedAt: number;
  missing: boolean;
}

export interface IntegrityReport {
  ok: boolean;
  details: string[];
  checkedAt: number;
}

const pathSchema = zod.strictObject({ path: zod.string().min(1).max(4096) });
const chooseSchema = zod.strictObject({ purpose: zod.enum(['open', 'create']) });
const createSchema = zod.strictObject({
  path: zod.string().min(1).max(4096),
  profile: profileSchema,
});

export const contract = {
  'app.info': method<typeof emptySchema, AppInfo>(emptySchema),
  'workspace.get': method<typeof emptySchema, WorkspaceDetails>(emptySchema),
  'workspace.update': method<typeof profileSchema, WorkspaceDetails>(profileSchema),
  'workspace.recent': method<typeof emptySchema, { items: RecentWorkspace[] }>(emptySchema),
  'workspace.open': method<typeof pathSchema, AppInfo>(pathSchema),
  'workspace.choose': method<typeof chooseSchema, { path: string | null }>(chooseSchema),
  'workspace.create': method<typeof createSchema, AppInfo>(createSchema),
  'workspace.check': method<typeof emptySchema, IntegrityReport>(emptySchema),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M]['output'];

/** Events pushed from the core to the UI (IPC `on`, Server-Sent Events in `serve`). */
export interface EventMap {
  'workspace.changed': { path: string | null };
  'import.progress': {
    batchId: number;
    file: string;
    rows: number;
    rowsPerSec: number;
    bytesRead: number;
    totalBytes: number;
    etaSeconds: number | null;
  };
  'feeds.polled': { feeds: number; new: number; notModified: number; failed: number };
  'crisis.detected': { episodeId: string; severity: 'low' | 'medium' | 'high'; start: string };
}
export type EventName = keyof EventMap;

export const EVENT_NAMES: EventName[] = [
  'workspace.changed',
  'import.progress',
  'feeds.polled',
  'crisis.detected',
];

export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
