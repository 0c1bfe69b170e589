import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Channel } from '../../model/channels';
import { checkTwarcHead, readTwarc2, readXArchiveTweets } from './twitter';
import { extractTweetFilesFromZip, tweetFilesInFolder } from './archive-files';
import {
  recordToMention,
  firstRecordKeys,
  readJsonDocument,
  readJsonLines,
  resolveMap,
  youtubeText,
  type RowContext,
} from './generic';
import { readDelimited, readHeaders } from './delimited';
import { readMastodon } from './mastodon';
import { readFacebook, readGoogleReviews, readInstagram } from './social';
import { ImportFileError, openTextSource, type TextSource } from './text-source';
import type {
  ConcreteFormat,
  ImportFormat,
  OpenedImport,
  OpenImportOptions,
  ParsedRow,
} from './types';

export { ImportFileError } from './text-source';
import { suggestMapping } from './mapping';
export { suggestMapping, MAP_FIELDS } from './mapping';
export type {
  ConcreteFormat,
  ImportFormat,
  OpenedImport,
  OpenImportOptions,
  ParsedRow,
} from './types';

export const IMPORT_FORMATS: ImportFormat[] = [
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
];

/** Fixed column maps of the CSV exports whose headers are known (SCHEMA_NOTES.md). */
const PRESETS: Partial<
  Record<
    ConcreteFormat,
    { map: Record<string, string>; channel: Channel; transform?: (s: string) => string }
  >
> = {
  reddit: {
    map: {
      id: 'id',
      date: 'date',
      text: 'body',
      title: 'title',
      url: 'permalink',
      reply_to: 'parent',
      thread: 'link',
    },
    channel: 'reddit',
  },
  youtube: {
    map: {
      id: 'Comment ID',
      date: 'Comment Create Timestamp',
      text: 'Comment Text',
      author: 'Channel ID',
      reply_to: 'Parent Comment ID',
      thread: 'Video ID',
    },
    channel: 'youtube',
    transform: youtubeText,
  },
  trustpilot: {
    map: {
      id: 'Review Id',
      date: 'Review Created (UTC)',
      text: 'Review Content',
      title: 'Review Title',
      rating: 'Review Stars',
      author: 'Review Consumer User Id',
      author_name: 'Review Consumer Name',
      lang: 'Review Language',
    },
    channel: 'reviews',
  },
};

export interface Detection {
  format: ConcreteFormat | null;
  confidence: 'high' | 'low';
  reason: string;
}

/** Tells the format from the file name and its first bytes; says why, or why not. */
export function detectFormat(path: string, src?: TextSource): Detection {
  const ext = extname(path).toLowerCase();
  let st;
  try {
    st = statSync(path);
  } catch {
    return { format: null, confidence: 'low', reason: 'the file cannot be read' };
  }
  if (st.isDirectory()) {
    return tweetFilesInFolder(path).length
      ? { format: 'x-archive', confidence: 'high', reason: 'an X archive folder with tweets.js' }
      : { format: null, confidence: 'low', reason: 'a folder without an X archive tweets.js' };
  }
  if (ext === '.zip')
    return { format: 'x-archive', confidence: 'low', reason: 'a zip file (X archives are zips)' };
  const s = src ?? openTextSource(path);
  const head = s.head.trimStart();
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (/^window\.YTD\.[\w.]+\s*=/.test(head)) {
    return /^window\.YTD\.tweets?\./.test(head)
      ? { format: 'x-archive', confidence: 'high', reason: 'an X archive tweets.js' }
      : {
          format: null,
          confidence: 'high',
          reason: `an X archive file that holds ${/^window\.YTD\.([\w-]+)/.exec(head)?.[1] ?? 'other data'}, not tweets (import tweets.js or the whole archive)`,
        };
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    if (/"orderedItems"\s*:/.test(head) || /activitystreams/.test(firstLine))
      return {
        format: 'mastodon',
        confidence: 'high',
        reason: 'an ActivityPub outbox (Mastodon archive)',
      };
    if (/"reviews"\s*:/.test(head) && /"starRating"|"reviewId"/.test(head))
      return {
        format: 'google-reviews',
        confidence: 'high',
        reason: 'Google Business Profile reviews',
      };
    if (/"comments_v2"\s*:|"comments"\s*:\s*\[\s*\{\s*"timestamp"/.test(head))
      return { format: 'facebook', confidence: 'high', reason: 'Facebook comments export' };
    if (/"string_map_data"/.test(head))
      return { format: 'instagram', confidence: 'high', reason: 'Instagram export' };
    if (/^\[\s*\{\s*"timestamp"\s*:\s*\d+[\s\S]*"data"\s*:\s*\[\s*\{\s*"post"/.test(head))
      return { format: 'facebook', confidence: 'high', reason: 'Facebook posts export' };
    const oneLine = firstLine.trim();
    const isJsonl =
      oneLine.endsWith('}') &&
      (() => {
        try {
          JSON.parse(oneLine);
          return true;
        } catch {
          return false;
        }
      })();
    if (isJsonl || ext === '.jsonl' || ext === '.ndjson') {
      // twarc2 pages start with "data"; a first line longer than the sample is judged on its start.
      if (
        /^\{\s*"data"\s*:/.test(head) ||
        /"__twarc"|"includes"\s*:\s*\{|"edit_history_tweet_ids"|"author_id"/.test(oneLine)
      )
        return { format: 'twarc2', confidence: 'high', reason: 'twarc2 JSON Lines (X API v2)' };
      return { format: 'jsonl', confidence: 'high', reason: 'JSON Lines' };
    }
    return { format: 'json', confidence: 'high', reason: 'a JSON document' };
  }
  const { headers, delimiter } = readHeaders(s);
  const norm = headers.map((h) => h.toLowerCase());
  if (headers.length > 1) {
    if (norm.includes('comment id') && norm.includes('video id'))
      return { format: 'youtube', confidence: 'high', reason: 'YouTube Takeout comments' };
    if (norm.includes('permalink') && (norm.includes('subreddit') || norm.includes('body')))
      return { format: 'reddit', confidence: 'high', reason: 'Reddit data export' };
    if (norm.includes('review stars') || norm.includes('review content'))
      return { format: 'trustpilot', confidence: 'high', reason: 'Trustpilot reviews export' };
    return delimiter === '\t'
      ? { format: 'tsv', confidence: 'high', reason: 'tab-separated values' }
      : {
          format: 'csv',
          confidence: 'high',
          reason: `comma/semicolon-separated values with columns ${headers.slice(0, 6).join(', ')}`,
        };
  }
  return {
    format: null,
    confidence: 'low',
    reason: `could not tell the format (starts with "${head.slice(0, 40).replace(/\s+/g, ' ')}")`,
  };
}

function single(
  src: TextSource,
  format: ConcreteFormat,
  rows: AsyncIterable<ParsedRow>,
): OpenedImport {
  return { format, file: src.file, totalBytes: src.totalBytes, bytesRead: src.bytesRead, rows };
}

async function openXArchive(path: string, signal?: AbortSignal): Promise<OpenedImport> {
  const name = basename(path);
  const st = statSync(path);
  const files = st.isDirectory()
    ? tweetFilesInFolder(path)
    : extname(path).toLowerCase() === '.zip'
      ? await extractTweetFilesFromZip(path)
      : [path];
  if (files.length === 0)
    throw new ImportFileError(name, 'holds no tweets.js: is this an X archive?');
  const sources = files.map(openTextSource);
  for (const s of sources) {
    if (!/^\s*window\.YTD\.tweets?\./.test(s.head))
      throw new ImportFileError(
        s.file,
        'is not an X archive tweets.js (it should start with window.YTD.tweets)',
      );
  }
  const total = sources.reduce((a, s) => a + s.totalBytes, 0);
  let done = 0;
  let current: TextSource | null = null;
  async function* rows(): AsyncGenerator<ParsedRow> {
    for (const s of sources) {
      current = s;
      yield* readXArchiveTweets(s, signal);
      done += s.totalBytes;
    }
    current = null;
  }
  return {
    format: 'x-archive',
    file: name,
    totalBytes: total,
    bytesRead: () => done + (current?.bytesRead() ?? 0),
    rows: rows(),
  };
}

/**
 * Opens an export for streaming import. Refuses, before anything is read into the store, a
 * file that cannot be read or recognised, with a one-line reason that names it.
 */
export async function openImport(
  path: string,
  opts: OpenImportOptions = {},
): Promise<OpenedImport> {
  const name = basename(path);
  let format = opts.format ?? 'auto';
  let src: TextSource | undefined;
  if (format === 'auto') {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new ImportFileError(name, 'cannot be read (no such file)');
    }
    if (!isDir && extname(path).toLowerCase() !== '.zip') src = openTextSource(path);
    const d = detectFormat(path, src);
    if (!d.format) throw new ImportFileError(name, `${d.reason}; pass --format to say what it is`);
    format = d.format;
  }
  if (format === 'x-archive') return openXArchive(path, opts.signal);
  src ??= openTextSource(path);
  const signal = opts.signal;
  const dayFirst = true;
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
    case 'trustpilot': {
      const preset = PRESETS[format];
      if (!preset) throw new ImportFileError(name, `no preset for ${format}`);
      const { headers, delimiter } = readHeaders(src);
      const map = resolveMap(
        src,
        headers,
        opts.map ??
          Object.fromEntries(Object.entries(preset.map).filter(([, col]) => headers.includes(col))),
      );
      const ctx: RowContext = {
        map,
        channel: opts.channel ?? preset.channel,
        dayFirst,
        textTransform: preset.transform,
      };
      return single(
        src,
        format,
        readDelimited(src, (r) => recordToMention(r, ctx), delimiter, signal),
      );
    }
    case 'csv':
    case 'tsv': {
      const { headers, delimiter } = readHeaders(src, format === 'tsv' ? '\t' : undefined);
      if (headers.length < 2)
        throw new ImportFileError(
          name,
          `has no header row with column names (first line: "${src.head.split('\n', 1)[0]?.slice(0, 60)}")`,
        );
      const map = resolveMap(src, headers, opts.map);
      const ctx: RowContext = { map, channel: opts.channel ?? 'other', dayFirst };
      return single(
        src,
        format,
        readDelimited(src, (r) => recordToMention(r, ctx), delimiter, signal),
      );
    }
    case 'jsonl':
    case 'json': {
      const t = src.head.trimStart();
      if (!t.startsWith('{') && !t.startsWith('['))
        throw new ImportFileError(name, `is not JSON (starts with "${t.slice(0, 30)}")`);
      const map = resolveMap(src, firstRecordKeys(src, format === 'jsonl'), opts.map, false);
      const ctx: RowContext = { map, channel: opts.channel ?? 'other', dayFirst };
      return single(
        src,
        format,
        format === 'jsonl' ? readJsonLines(src, ctx, signal) : readJsonDocument(src, ctx, signal),
      );
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
  const columns =
    f === 'csv' || f === 'tsv' || f === 'reddit' || f === 'youtube' || f === 'trustpilot'
      ? readHeaders(src, f === 'tsv' ? '\t' : undefined).headers
      : f === 'json' || f === 'jsonl'
        ? firstRecordKeys(src, f === 'jsonl')
        : [];
  return { format: f, columns, suggested: suggestMapping(columns) };
}

/** The first rows of a file as they would be imported, for the mapping preview. */
export async function previewRows(
  path: string,
  n = 10,
  opts: OpenImportOptions = {},
): Promise<{ format: ConcreteFormat; rows: ParsedRow[] }> {
  const opened = await openImport(path, opts);
  const rows: ParsedRow[] = [];
  for await (const r of opened.rows) {
    rows.push(r);
    if (rows.length >= n) break;
  }
  return { format: opened.format, rows };
}
