import type { Channel } from '../../model/channels';
import type { ImportFormat } from '../../model/imports';
import type { MentionInput } from '../../model/mention';
import type { ChannelHint } from './channel-hint';

export type { ImportFormat } from '../../model/imports';

export type ConcreteFormat = Exclude<ImportFormat, 'auto'>;

export type ParsedRow =
  | { ok: true; line: number | null; mention: MentionInput }
  | { ok: false; line: number | null; reason: string };

export interface OpenImportOptions {
  format?: ImportFormat;
  map?: Record<string, string>;
  channel?: Channel;
  signal?: AbortSignal;
  /**
   * How slashed dates (`01/02/2024`) read in CSV/JSON files. Inferred from the file when
   * absent: values that can only read one way, else the date column's language.
   */
  dateOrder?: 'dmy' | 'mdy';
}

export interface OpenedImport {
  format: ConcreteFormat;
  file: string;
  totalBytes: number;
  bytesRead(): number;
  rows: AsyncIterable<ParsedRow>;
  /** A generic file's channel when its rows name none, and why (channel-hint.ts). */
  channelHint?: ChannelHint | null;
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

const STRING_FIELDS = [
  'externalId',
  'title',
  'url',
  'authorHandle',
  'authorName',
  'lang',
  'replyToId',
  'threadId',
] as const;
const NUMBER_FIELDS = [
  'authorFollowers',
  'authorCreatedAt',
  'rating',
  'likes',
  'shares',
  'replies',
] as const;

/**
 * Last line of defence between untyped export JSON and the store: every optional field is
 * a string, a finite number or null whatever a damaged file held (an object where a handle
 * should be, a metric written as text). Ids written as numbers become strings.
 */
export function sanitiseMention(m: MentionInput): void {
  if (typeof m.text !== 'string') m.text = str(m.text) ?? '';
  for (const k of STRING_FIELDS) {
    const v = m[k];
    if (v !== undefined && v !== null && typeof v !== 'string') m[k] = str(v);
  }
  for (const k of NUMBER_FIELDS) {
    const v = m[k];
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v)))
      m[k] = num(v);
  }
  if (m.rating !== undefined && m.rating !== null && (m.rating < 1 || m.rating > 5))
    m.rating = m.rating < 1 ? null : 5;
}
