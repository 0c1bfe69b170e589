import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Channel } from '../../model/channels';
import type { MentionInput } from '../../model/mention';
import { inferDayFirst } from './dates';
import { readDelimited, readHeaders, sampleRecords } from './delimited';
import { detectFormat } from './detect';
import { jsonHeadError } from './json-stream';
import {
  firstRecordKeys,
  knownChannel,
  readJsonDocument,
  readJsonLines,
  recordToMention,
  resolveMap,
  jsonRecordsPath,
  sampleJsonValues,
  type RowContext,
} from './generic';
import { suggestMapping } from './mapping';
import { channelHint, type ChannelHint } from './channel-hint';
import { readMastodon } from './mastodon';
import { PRESETS, presetMap } from './presets';
import {
  facebookRecordsPath,
  instagramRecordsPath,
  readFacebook,
  readGoogleReviews,
  readInstagram,
} from './social';
import { ImportFileError, openTextSource, type TextSource } from './text-source';
import { checkTwarcHead, readTwarc2 } from './twitter';
import type {
  ConcreteFormat,
  ImportFormat,
  OpenedImport,
  OpenImportOptions,
  ParsedRow,
} from './types';
import { sanitiseMention } from './types';
import { fileReason } from './file-reasons';
import { openXArchive } from './x-archive';

export { ImportFileError } from './text-source';
export { detectFormat, type Detection } from './detect';
export { suggestMapping, MAP_FIELDS } from './mapping';
export type { ChannelHint } from './channel-hint';
export type {
  ConcreteFormat,
  ImportFormat,
  OpenedImport,
  OpenImportOptions,
  ParsedRow,
} from './types';

export { IMPORT_FORMATS } from '../../model/imports';

function single(
  src: TextSource,
  format: ConcreteFormat,
  rows: AsyncIterable<ParsedRow>,
): OpenedImport {
  return { format, file: src.file, totalBytes: src.totalBytes, bytesRead: src.bytesRead, rows };
}

/** Every row's fields checked for type; `--channel` wins over the format or a channel column. */
async function* finalRows(
  rows: AsyncIterable<ParsedRow>,
  channel: Channel | undefined,
): AsyncGenerator<ParsedRow> {
  for await (const r of rows) {
    if (r.ok) {
      sanitiseMention(r.mention);
      if (channel) r.mention.channel = channel;
    }
    yield r;
  }
}

/** Where each JSON-document format keeps its records (to refuse a file broken before them). */
const JSON_RECORDS: Partial<Record<ConcreteFormat, (head: string) => string>> = {
  mastodon: () => '$.orderedItems.*',
  'google-reviews': () => '$.reviews.*',
  facebook: facebookRecordsPath,
  instagram: instagramRecordsPath,
  json: jsonRecordsPath,
};

function dayFirstFor(opts: OpenImportOptions, values: unknown[], header?: string): boolean {
  if (opts.dateOrder) return opts.dateOrder === 'dmy';
  return inferDayFirst(values, header);
}

/**
 * The channel of every row of a generic file that names none and has no network link: the
 * columns' network when they prove one, else other (links are read row by row).
 */
function fileChannel(hint: ChannelHint | null): Channel {
  return hint?.from === 'columns' ? hint.channel : 'other';
}

/**
 * Whether a mapped channel column is one (some sampled cell names a channel): then its rows
 * decide, and a value it does not know ('Online News', 'Podcasts') stays other (or its own
 * link's network) rather than taking the file's hint — a monitoring export with a Retweets
 * column is not all tweets. A column that names none (a tweet's `source`: 'Twitter for
 * iPhone') leaves the hint to apply.
 */
function namesChannels(values: Array<string | undefined>): boolean {
  return values.some((v) => knownChannel(v) !== null);
}

/** Rows of a delimited file (a known export's preset, or generic CSV/TSV with a mapping). */
function openDelimited(
  src: TextSource,
  format: 'csv' | 'tsv' | 'reddit' | 'youtube' | 'trustpilot',
  opts: OpenImportOptions,
): { hint: ChannelHint | null; rows: AsyncIterable<ParsedRow> } {
  const { headers, delimiter } = readHeaders(src, format === 'tsv' ? '\t' : undefined);
  if (headers.length < 2)
    throw new ImportFileError(
      src.file,
      fileReason('noHeaderRow', { line: src.head.split('\n', 1)[0]?.slice(0, 60) ?? '' }),
    );
  const preset = format === 'csv' || format === 'tsv' ? null : PRESETS[format];
  const map = resolveMap(
    src,
    headers,
    opts.map ?? (preset ? presetMap(preset, headers) : undefined),
  );
  const dateCol = map['date'];
  const urlCol = map['url'];
  const channelCol = map['channel'];
  const records =
    dateCol || (!preset && (urlCol || channelCol)) ? sampleRecords(src, delimiter) : [];
  const samples = dateCol ? records.map((r) => r[dateCol]) : [];
  const hint =
    preset || namesChannels(channelCol ? records.map((r) => r[channelCol]) : [])
      ? null
      : channelHint(headers, urlCol ? records.map((r) => r[urlCol] ?? '') : []);
  const ctx: RowContext = {
    map,
    channel: preset?.channel ?? fileChannel(hint),
    // tweet-only columns hold for every row: a tweet linking a video is still a tweet
    channelFromUrl: !preset && hint?.from !== 'columns',
    dayFirst: dayFirstFor(opts, samples, dateCol),
    textTransform: preset?.textTransform,
    titleAsText: preset?.titleAsText,
  };
  const finish = preset?.finish;
  const toMention = (rec: Record<string, string>): MentionInput | MentionInput[] | string => {
    const m = recordToMention(rec, ctx);
    return typeof m === 'string' || !finish ? m : finish(rec, m);
  };
  return { hint, rows: readDelimited(src, toMention, delimiter, opts.signal) };
}

function openJsonRecords(
  src: TextSource,
  format: 'json' | 'jsonl',
  opts: OpenImportOptions,
): { hint: ChannelHint | null; rows: AsyncIterable<ParsedRow> } {
  const t = src.head.trimStart();
  if (!t.startsWith('{') && !t.startsWith('['))
    throw new ImportFileError(src.file, fileReason('notJson', { start: t.slice(0, 30) }));
  const keys = firstRecordKeys(src, format === 'jsonl');
  const map = resolveMap(src, keys, opts.map, false);
  const dateCol = map['date'];
  const urlCol = map['url'];
  const channelCol = map['channel'];
  const hint = namesChannels(channelCol ? sampleJsonValues(src.head, channelCol) : [])
    ? null
    : channelHint(keys, urlCol ? sampleJsonValues(src.head, urlCol, 300) : []);
  const ctx: RowContext = {
    map,
    channel: fileChannel(hint),
    channelFromUrl: hint?.from !== 'columns',
    dayFirst: dayFirstFor(opts, dateCol ? sampleJsonValues(src.head, dateCol) : [], dateCol),
  };
  return {
    hint,
    rows:
      format === 'jsonl'
        ? readJsonLines(src, ctx, opts.signal)
        : readJsonDocument(src, ctx, opts.signal),
  };
}

/**
 * Opens an export for streaming import. Refuses, before any row is yielded, a file that
 * cannot be read or recognised, with an {@link ImportFileError} whose one-line reason names
 * the file. Rows that cannot be read are yielded as `{ ok: false, line, reason }`.
 */
export async function openImport(
  path: string,
  opts: OpenImportOptions = {},
): Promise<OpenedImport> {
  const opened = await openUnchecked(path, opts);
  return { ...opened, rows: finalRows(opened.rows, opts.channel) };
}

async function openUnchecked(path: string, opts: OpenImportOptions): Promise<OpenedImport> {
  const name = basename(path);
  let format = opts.format ?? 'auto';
  let src: TextSource | undefined;
  if (format === 'auto') {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new ImportFileError(name, fileReason('noSuchFile'));
    }
    if (!isDir && extname(path).toLowerCase() !== '.zip') src = openTextSource(path);
    const d = detectFormat(path, src);
    if (!d.format) throw new ImportFileError(name, d.reason);
    // A table whose text and date columns cannot be guessed: say what it looks like instead.
    if (d.confidence === 'low' && (d.format === 'csv' || d.format === 'tsv') && !opts.map)
      throw new ImportFileError(name, d.reason);
    format = d.format;
  }
  if (format === 'x-archive') return openXArchive(path, opts.signal);
  src ??= openTextSource(path);
  const signal = opts.signal;
  const recordsPath = JSON_RECORDS[format];
  if (recordsPath) {
    const why = jsonHeadError(
      src.head,
      recordsPath(src.head),
      src.head.length >= src.totalBytes - 3,
    );
    if (why) throw new ImportFileError(src.file, why);
  }
  switch (format) {
    case 'twarc2':
      checkTwarcHead(src);
      return single(src, format, readTwarc2(src, signal));
    case 'mastodon':
      return single(src, format, readMastodon(src, signal));
    case 'facebook':
      return single(src, format, readFacebook(src, signal));
    case 'instagram':
      return single(src, format, readInstagram(src, signal));
    case 'google-reviews':
      return single(src, format, readGoogleReviews(src, signal));
    case 'reddit':
    case 'youtube':
    case 'trustpilot':
      return single(src, format, openDelimited(src, format, opts).rows);
    case 'csv':
    case 'tsv': {
      const { hint, rows } = openDelimited(src, format, opts);
      return { ...single(src, format, rows), channelHint: hint };
    }
    case 'jsonl':
    case 'json': {
      const { hint, rows } = openJsonRecords(src, format, opts);
      return { ...single(src, format, rows), channelHint: hint };
    }
  }
}

/** Column names (CSV/TSV header, or keys of the first JSON record) and a suggested mapping. */
export function fileColumns(
  path: string,
  format: ImportFormat = 'auto',
): { format: ConcreteFormat | null; columns: string[]; suggested: Record<string, string> } {
  let f: ConcreteFormat | null = format === 'auto' ? null : format;
  let src: TextSource;
  try {
    src = openTextSource(path);
  } catch {
    return { format: f, columns: [], suggested: {} };
  }
  if (!f) f = detectFormat(path, src).format;
  const delimited =
    f === 'csv' || f === 'tsv' || f === 'reddit' || f === 'youtube' || f === 'trustpilot';
  const columns = delimited
    ? readHeaders(src, f === 'tsv' ? '\t' : undefined).headers
    : f === 'json' || f === 'jsonl'
      ? firstRecordKeys(src, f === 'jsonl')
      : [];
  const preset = f === 'reddit' || f === 'youtube' || f === 'trustpilot' ? PRESETS[f] : null;
  return {
    format: f,
    columns,
    suggested: preset ? presetMap(preset, columns) : suggestMapping(columns),
  };
}

/** The first `n` rows of a file as they would be imported, for the mapping preview. */
export async function previewRows(
  path: string,
  n = 10,
  opts: OpenImportOptions = {},
): Promise<{ format: ConcreteFormat; rows: ParsedRow[]; channelHint: ChannelHint | null }> {
  const ac = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, ac.signal]) : ac.signal;
  const opened = await openImport(path, { ...opts, signal });
  const rows: ParsedRow[] = [];
  for await (const r of opened.rows) {
    rows.push(r);
    if (rows.length >= n) break;
  }
  ac.abort();
  // `--channel` (or the UI's choice) overrides the hint: then there is nothing to suggest
  return {
    format: opened.format,
    rows,
    channelHint: opts.channel ? null : (opened.channelHint ?? null),
  };
}
