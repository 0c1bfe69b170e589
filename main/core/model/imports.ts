import type { RejectedRow } from './mention';

/** Formats an import can be asked for (`auto` detects it): the CLI's --format, the contract and the UI's list. */
export const IMPORT_FORMATS = [
  'auto',
  'x-archive',
  'twarc2',
  'mastodon',
  'facebook',
  'instagram',
  'google-reviews',
  'reddit',
  'youtube',
  'trustpilot',
  'csv',
  'tsv',
  'json',
  'jsonl',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Shapes of import results shared by the core, the CLI and the UI. */
export type BatchKind = 'file' | 'feed' | 'folder';
export type BatchStatus = 'running' | 'done' | 'cancelled' | 'failed' | 'undone';

export interface BatchRow {
  id: number;
  sourceId: number | null;
  kind: BatchKind;
  fileName: string | null;
  format: string | null;
  status: BatchStatus;
  startedAt: number;
  finishedAt: number | null;
  imported: number;
  duplicates: number;
  rejected: number;
  errors: RejectedRow[];
}

export interface ImportProgress {
  batchId: number;
  file: string;
  rows: number;
  rowsPerSec: number;
  bytesRead: number;
  totalBytes: number;
  etaSeconds: number | null;
}

export interface ImportFileSummary {
  file: string;
  format: string | null;
  batchId: number | null;
  status: 'done' | 'cancelled' | 'refused';
  imported: number;
  duplicates: number;
  rejected: number;
  reason?: string;
  /** A refused file's `reason` as a key the UI says in its language (importers/file-reasons.ts). */
  key?: string;
  params?: Record<string, string | number>;
  /**
   * A refused file the column mapping can fix (the app's import only): it is kept under this
   * token for the mapping preview until it is imported, discarded or the app closes.
   */
  kept?: { token: string; name: string; size: number };
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  rejected: number;
  errors: RejectedRow[];
  files: ImportFileSummary[];
}
