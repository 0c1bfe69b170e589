import Papa from 'papaparse';
import type { MentionInput } from '../../model/mention';
import type { TextSource } from './text-source';
import type { ParsedRow } from './types';
import { rowReason } from './row-reasons';

/** A record longer than this with an open quote is damage (an unclosed quote), not data. */
const MAX_RECORD_CHARS = 1 << 20;

interface ChunkResult {
  data: string[][];
  errors: Array<{ code?: string; row?: number }>;
  meta: { cursor: number };
}

/** Header row of a delimited file, read from the head sample. */
export function readHeaders(
  src: TextSource,
  delimiter?: string,
): { headers: string[]; delimiter: string } {
  const r = Papa.parse<string[]>(src.head.split(/\r?\n/, 5).join('\n'), {
    preview: 1,
    delimiter: delimiter ?? '',
  });
  return { headers: (r.data[0] ?? []).map((h) => h.trim()), delimiter: r.meta.delimiter };
}

/** The complete records of the head sample (to infer how the file writes its dates). */
export function sampleRecords(src: TextSource, delimiter: string): Array<Record<string, string>> {
  const cut = src.head.length < src.totalBytes ? src.head.lastIndexOf('\n') : src.head.length;
  const r = Papa.parse<Record<string, string>>(src.head.slice(0, Math.max(cut, 0)), {
    header: true,
    delimiter,
    preview: 500,
    skipEmptyLines: true,
  });
  return r.data;
}

/** Line break the file uses, from its first one (CRLF, LF, or old Mac CR). */
function guessNewline(head: string): '\n' | '\r\n' | '\r' {
  const i = head.search(/[\r\n]/);
  if (i < 0 || head[i] === '\n') return '\n';
  return head[i + 1] === '\n' ? '\r\n' : '\r';
}

/** Unique header names: a repeated column becomes `name_1`, `name_2` as papaparse does. */
function uniqueHeaders(row: string[]): string[] {
  const seen = new Map<string, number>();
  return row.map((h) => {
    const name = h.trim();
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return n === 0 ? name : `${name}_${n}`;
  });
}

function countBreaks(row: string[], nl: string): number {
  const ch = nl === '\r' ? '\r' : '\n';
  let n = 0;
  for (const f of row) {
    if (f.indexOf(ch) === -1) continue;
    for (let i = f.indexOf(ch); i !== -1; i = f.indexOf(ch, i + 1)) n++;
  }
  return n;
}

const isBlank = (row: string[]): boolean => row.every((f) => f.trim() === '');

/**
 * CSV/TSV rows, streamed chunk by chunk through papaparse's core parser: quoted newlines and
 * doubled quotes are handled, line numbers are physical lines (a record with a quoted
 * newline spans several), and an unclosed quote is rejected at the line where it opens
 * instead of swallowing the rest of the file into one field.
 */
export async function* readDelimited(
  src: TextSource,
  toMention: (rec: Record<string, string>) => MentionInput | MentionInput[] | string,
  delimiter: string,
  signal?: AbortSignal,
): AsyncGenerator<ParsedRow> {
  const newline = guessNewline(src.head);
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  const parse = (text: string, last: boolean): ChunkResult =>
    parser.parse(text, 0, !last) as ChunkResult;
  let headers: string[] | null = null;
  let line = 1; // physical line where the next record starts
  let carry = '';

  function* emit(rows: string[][]): Generator<ParsedRow> {
    for (const row of rows) {
      const at = line;
      line += 1 + countBreaks(row, newline);
      if (isBlank(row)) continue;
      if (!headers) {
        headers = uniqueHeaders(row);
        continue;
      }
      const rec: Record<string, string> = {};
      for (let i = 0; i < headers.length; i++) {
        const v = row[i];
        if (v !== undefined)
          rec[headers[i] as string] =
            newline === '\n' && i === row.length - 1 && v.endsWith('\r') ? v.slice(0, -1) : v;
      }
      const m = toMention(rec);
      if (typeof m === 'string') yield { ok: false, line: at, reason: m };
      else if (Array.isArray(m)) for (const one of m) yield { ok: true, line: at, mention: one };
      else yield { ok: true, line: at, mention: m };
    }
  }

  for await (const chunk of src.chunks(signal)) {
    carry += chunk;
    let res = parse(carry, false);
    yield* emit(res.data);
    carry = carry.slice(res.meta.cursor);
    while (carry.length > MAX_RECORD_CHARS) {
      // An open quote has swallowed a megabyte: reject its line and resume after it.
      yield {
        ok: false,
        line,
        reason: rowReason('quoteNeverCloses'),
      };
      const nl = carry.indexOf(newline);
      if (nl < 0) {
        carry = '';
        break;
      }
      carry = carry.slice(nl + newline.length);
      line++;
      res = parse(carry, false);
      yield* emit(res.data);
      carry = carry.slice(res.meta.cursor);
    }
  }
  if (signal?.aborted || !carry) return;
  const res = parse(carry, true);
  if (res.errors.some((e) => e.code === 'MissingQuotes')) {
    const complete = res.data.slice(0, -1);
    yield* emit(complete);
    yield {
      ok: false,
      line,
      reason: rowReason('lastQuoteNeverCloses'),
    };
    return;
  }
  yield* emit(res.data);
}
