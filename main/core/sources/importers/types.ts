import type { Channel } from '../../model/channels';
import type { MentionInput } from '../../model/mention';

export type ImportFormat =
  | 'auto'
  | 'x-archive'
  | 'twarc2'
  | 'mastodon'
  | 'facebook'
  | 'instagram'
  | 'google-reviews'
  | 'reddit'
  | 'youtube'
  | 'trustpilot'
  | 'csv'
  | 'tsv'
  | 'json'
  | 'jsonl';

export type ConcreteFormat = Exclude<ImportFormat, 'auto'>;

export type ParsedRow =
  | { ok: true; line: number | null; mention: MentionInput }
  | { ok: false; line: number | null; reason: string };

export interface OpenImportOptions {
  format?: ImportFormat;
  map?: Record<string, string>;
  channel?: Channel;
  signal?: AbortSignal;
}

export interface OpenedImport {
  format: ConcreteFormat;
  file: string;
  totalBytes: number;
  bytesRead(): number;
  rows: AsyncIterable<ParsedRow>;
}

/** Reads a dotted path (`user.screen_name`) from a parsed record. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.replace(/[, ]/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
