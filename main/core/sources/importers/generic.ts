import { isChannel, type Channel } from '../../model/channels';
import { channelOfUrl } from './channel-hint';
import type { MentionInput } from '../../model/mention';
import { parseDate } from './dates';
import { streamJsonValues } from './json-stream';
import { suggestMapping } from './mapping';
import type { TextSource } from './text-source';
import { ImportFileError } from './text-source';
import { getPath, num, str, type ParsedRow } from './types';
import { rowReason } from './row-reasons';
import { fileReason, joinFields } from './file-reasons';

const CHANNEL_ALIASES: Record<string, Channel> = {
  x: 'twitter',
  twitter: 'twitter',
  tweet: 'twitter',
  facebook: 'facebook',
  fb: 'facebook',
  instagram: 'instagram',
  ig: 'instagram',
  reviews: 'reviews',
  review: 'reviews',
  google: 'reviews',
  'google reviews': 'reviews',
  trustpilot: 'reviews',
  tripadvisor: 'reviews',
  reddit: 'reddit',
  youtube: 'youtube',
  mastodon: 'mastodon',
  news: 'news',
  noticias: 'news',
  online: 'news',
  blog: 'blog',
  blogs: 'blog',
  forum: 'forum',
  forums: 'forum',
  foro: 'forum',
  foros: 'forum',
};

export function channelFrom(value: unknown, fallback: Channel): Channel {
  return knownChannel(value) ?? fallback;
}

/** The channel a cell names (`Twitter`, `fb`, `foro`…), or null when it names none. */
export function knownChannel(value: unknown): Channel | null {
  const s = str(value)?.trim().toLowerCase();
  if (!s) return null;
  if (isChannel(s)) return s;
  return CHANNEL_ALIASES[s] ?? null;
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  ingles: 'en',
  inglés: 'en',
  spanish: 'es',
  espanol: 'es',
  español: 'es',
  castellano: 'es',
  catalan: 'ca',
  català: 'ca',
  portuguese: 'pt',
  portugues: 'pt',
  português: 'pt',
  french: 'fr',
  frances: 'fr',
  francés: 'fr',
  german: 'de',
  aleman: 'de',
  alemán: 'de',
  italian: 'it',
  italiano: 'it',
};

/** A language column as an ISO 639-1 code where it names a language (`English` → `en`). */
export function langCode(v: unknown): string | null {
  const s = str(v)?.trim().toLowerCase();
  if (!s) return null;
  return LANGUAGE_NAMES[s] ?? s.slice(0, 8);
}

/** Ratings on any common scale, normalised to 1..5 stars. */
export function normaliseRating(v: unknown): number | null {
  const n = num(v);
  if (n === null || n < 0) return null;
  if (n <= 5) return n;
  if (n <= 10) return n / 2;
  if (n <= 100) return n / 20;
  return null;
}

export interface RowContext {
  map: Record<string, string>;
  channel: Channel;
  /** Day-first dates (dd/mm/yyyy) unless the file says otherwise. */
  dayFirst: boolean;
  textTransform?: (s: string) => string;
  /** Use the title as the text when the text column is empty. */
  titleAsText?: boolean;
  /** A generic file: a row with no channel column takes the network its own link names. */
  channelFromUrl?: boolean;
}

/** One mapped record (CSV row or JSON object) → mention, or the reason it cannot be one. */
export function recordToMention(rec: unknown, ctx: RowContext): MentionInput | string {
  const get = (field: string): unknown => {
    const col = ctx.map[field];
    if (!col) return undefined;
    const direct = (rec as Record<string, unknown>)[col];
    return direct !== undefined ? direct : getPath(rec, col);
  };
  let rawText = str(get('text'));
  // A link post (Reddit) has a title and no body: the title is what was said.
  if (ctx.titleAsText && !rawText?.trim()) rawText = str(get('title'));
  const text = rawText === null ? null : ctx.textTransform ? ctx.textTransform(rawText) : rawText;
  if (!text || !text.trim()) return rowReason('noText', { column: ctx.map['text'] ?? 'text' });
  const dateValue = get('date');
  const postedAt = parseDate(dateValue, { dayFirst: ctx.dayFirst });
  if (postedAt === null) {
    return dateValue === undefined || dateValue === ''
      ? rowReason('noDate', { column: ctx.map['date'] ?? '' })
      : rowReason('dateNotUnderstood', { value: String(dateValue).slice(0, 40) });
  }
  const author = str(get('author'))?.trim().replace(/^@+/, '') || null;
  return {
    channel: channelFrom(
      get('channel'),
      (ctx.channelFromUrl ? channelOfUrl(get('url')) : null) ?? ctx.channel,
    ),
    externalId: str(get('id'))?.trim().replace(/\.0$/, '') || null,
    postedAt,
    text,
    title: str(get('title')),
    url: str(get('url')),
    authorHandle: author,
    authorName: str(get('author_name')),
    authorFollowers: num(get('followers')),
    lang: langCode(get('lang')),
    rating: normaliseRating(get('rating')),
    likes: num(get('likes')),
    shares: num(get('shares')),
    // pandas writes ids as floats ("192625.0"): ids are strings, the ".0" is an artefact
    replyToId: str(get('reply_to'))?.trim().replace(/\.0$/, '') || null,
    threadId: str(get('thread'))?.trim().replace(/\.0$/, '') || null,
    raw: rec,
  };
}

/** `strict`: the file has a header row (CSV/TSV), so a mapped column must be in it. JSON records vary. */
export function resolveMap(
  src: TextSource,
  headers: string[],
  given: Record<string, string> | undefined,
  strict = true,
): Record<string, string> {
  const map = given ?? suggestMapping(headers);
  const missing = ['text', 'date'].filter((f) => !map[f]);
  if (missing.length) {
    throw new ImportFileError(
      src.file,
      fileReason('fieldsNotFound', {
        fields: joinFields(missing, 'and'),
        columns: headers
          .slice(0, 12)
          .map((h) => `"${h}"`)
          .join(', '),
        pairs: missing.map((f) => `${f}=COLUMN`).join(','),
      }),
    );
  }
  if (given && strict) {
    const unknown = Object.values(given).filter((c) => !c.includes('.') && !headers.includes(c));
    if (unknown.length && headers.length) {
      throw new ImportFileError(
        src.file,
        fileReason('noSuchColumns', {
          names: unknown.map((c) => `"${c}"`).join(', '),
          columns: headers
            .slice(0, 8)
            .map((h) => `"${h.slice(0, 30)}"`)
            .join(', '),
        }),
      );
    }
  }
  return map;
}

/** JSON Lines: one record per line (the hot path of big imports: keep it lean). */
export async function* readJsonLines(
  src: TextSource,
  ctx: RowContext,
  signal?: AbortSignal,
): AsyncGenerator<ParsedRow> {
  for await (const { first, lines } of src.lineBatches(signal)) {
    for (let i = 0; i < lines.length; i++) {
      const text = (lines[i] as string).trim();
      const line = first + i;
      if (!text) continue;
      let rec: unknown;
      try {
        rec = JSON.parse(text);
      } catch {
        yield { ok: false, line, reason: rowReason('invalidJsonLine') };
        continue;
      }
      if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
        yield { ok: false, line, reason: rowReason('notObject') };
        continue;
      }
      const m = recordToMention(rec, ctx);
      if (typeof m === 'string') {
        yield { ok: false, line, reason: m };
        continue;
      }
      // The line is the record's JSON already: stored as it is, not parsed and written again.
      m.raw = undefined;
      m.rawJson = text;
      yield { ok: true, line, mention: m };
    }
  }
}

/** Where the records of a JSON document are: the root array, or the first array property. */
export function jsonRecordsPath(head: string): string {
  const t = head.trimStart();
  if (t.startsWith('[')) return '$.*';
  const m =
    /^\{\s*(?:"[^"]*"\s*:\s*(?:"(?:[^"\\]|\\.)*"|[-\d.eE+]+|true|false|null)\s*,\s*)*"([^"]+)"\s*:\s*\[/.exec(
      t,
    );
  return m?.[1] ? `$.${m[1]}.*` : '$.*';
}

/** JSON document: an array of records (or an object holding one), streamed. */
export async function* readJsonDocument(
  src: TextSource,
  ctx: RowContext,
  signal?: AbortSignal,
): AsyncGenerator<ParsedRow> {
  let index = 0;
  try {
    for await (const rec of streamJsonValues(src.chunks(signal), jsonRecordsPath(src.head))) {
      index++;
      const m = recordToMention(rec, ctx);
      yield typeof m === 'string'
        ? { ok: false, line: index, reason: m }
        : { ok: true, line: index, mention: m };
    }
  } catch (e) {
    yield {
      ok: false,
      line: index + 1,
      reason: rowReason('jsonStopsAfterRecord', { n: index, message: (e as Error).message }),
    };
  }
}

/** Sample keys of the first JSON record, to suggest a mapping for JSON/JSONL files. */
export function firstRecordKeys(src: TextSource, lines: boolean): string[] {
  try {
    if (lines) {
      const first = JSON.parse(src.head.split('\n', 1)[0] ?? '') as Record<string, unknown>;
      return flattenKeys(first);
    }
    const t = src.head.trimStart();
    const start = t.indexOf('{', t.startsWith('[') ? 1 : t.indexOf('[') + 1);
    let depth = 0;
    for (let i = start; i < t.length; i++) {
      if (t[i] === '{') depth++;
      else if (t[i] === '}' && --depth === 0)
        return flattenKeys(JSON.parse(t.slice(start, i + 1)) as Record<string, unknown>);
    }
  } catch {
    // fall through: no sample, the caller asks for a mapping
  }
  return [];
}

function flattenKeys(o: Record<string, unknown>, prefix = '', depth = 0): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) && depth < 2
      ? flattenKeys(v as Record<string, unknown>, `${prefix}${k}.`, depth + 1)
      : [`${prefix}${k}`],
  );
}

/**
 * Values of `path`'s last key in the head sample of a JSON/JSONL file (string values only),
 * to infer how the file writes its dates without parsing records twice.
 */
export function sampleJsonValues(head: string, path: string, maxLength = 40): string[] {
  const key = path.split('.').pop() ?? path;
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`"${esc}"\\s*:\\s*"([^"\\\\]{1,${maxLength}})"`, 'g');
  const out: string[] = [];
  for (const m of head.matchAll(re)) {
    if (m[1]) out.push(m[1]);
    if (out.length >= 500) break;
  }
  return out;
}
