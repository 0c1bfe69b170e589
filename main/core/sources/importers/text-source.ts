import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { fileReason } from './file-reasons';

export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ImportFileError';
  }
}

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows-1252' | 'iso-8859-1';

export interface TextSource {
  file: string;
  path: string;
  encoding: TextEncoding;
  totalBytes: number;
  /** First characters of the decoded text, for format detection. */
  head: string;
  bytesRead(): number;
  /**
   * Decoded text chunks, BOM removed. `track: false` for a preliminary pass that must not
   * move the progress `bytesRead()` reports.
   */
  chunks(signal?: AbortSignal, opts?: { track?: boolean }): AsyncIterable<string>;
  /** Decoded lines with 1-based numbers. */
  lines(signal?: AbortSignal): AsyncIterable<{ line: number; text: string }>;
  /** The same lines in batches (one per chunk): `first` is the number of `lines[0]`. */
  lineBatches(signal?: AbortSignal): AsyncIterable<{ first: number; lines: string[] }>;
}

const SAMPLE = 64 * 1024;

function isValidUtf8(bytes: Buffer): boolean {
  // A sample cut mid-character must not count as invalid: drop a trailing partial sequence.
  let end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i] ?? 0;
    if ((b & 0xc0) === 0xc0) {
      end -= i;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides the encoding from the BOM, then UTF-8 validity, then zero-byte patterns (UTF-16
 * without BOM), then a statistical guess between the Latin encodings exports use. Windows-1252
 * stands in for ISO-8859-1: it is a superset for every printable character.
 */
export function detectEncoding(sample: Buffer): { encoding: TextEncoding; bomLength: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bomLength: 2 };
  const n = Math.min(sample.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) zeroOdd++;
    else zeroEven++;
  }
  if (n > 8 && zeroOdd > n / 4 && zeroEven < n / 50) return { encoding: 'utf16le', bomLength: 0 };
  if (n > 8 && zeroEven > n / 4 && zeroOdd < n / 50) return { encoding: 'utf16be', bomLength: 0 };
  if (isValidUtf8(sample)) return { encoding: 'utf8', bomLength: 0 };
  const guess = (chardet.detect(sample) ?? '').toLowerCase();
  if (guess.includes('utf-16le')) return { encoding: 'utf16le', bomLength: 0 };
  return { encoding: 'windows-1252', bomLength: 0 };
}

/**
 * Decodes UTF-8 chunk by chunk; a byte sequence that is not UTF-8 (a Latin-1 "é" in a file
 * whose first 64 KB were plain ASCII) is read as Windows-1252 instead of becoming U+FFFD.
 * The check is one indexOf per chunk, so valid files pay nothing.
 */
class LenientUtf8Decoder {
  private carry: Buffer | null = null;
  private readonly strict = new TextDecoder('utf-8', { fatal: true });

  write(buf: Buffer): string {
    const bytes = this.carry ? Buffer.concat([this.carry, buf]) : buf;
    this.carry = null;
    // Keep a sequence cut at the chunk's end for the next chunk.
    let end = bytes.length;
    for (let i = 1; i <= 3 && end - i >= 0; i++) {
      const b = bytes[end - i] ?? 0;
      if ((b & 0xc0) === 0xc0) {
        const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
        if (i < need) end -= i;
        break;
      }
      if ((b & 0x80) === 0) break;
    }
    if (end < bytes.length) this.carry = Buffer.from(bytes.subarray(end));
    const part = bytes.subarray(0, end);
    const text = part.toString('utf8');
    if (!text.includes('\ufffd')) return text;
    try {
      return this.strict.decode(part); // a genuine U+FFFD in valid UTF-8
    } catch {
      return decodeMixed(part);
    }
  }

  end(): string {
    const rest = this.carry;
    this.carry = null;
    return rest ? decodeMixed(rest) : '';
  }
}

/** Valid UTF-8 runs as UTF-8, every other byte as Windows-1252. */
function decodeMixed(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    let ok = need > 0 && i + need <= bytes.length;
    for (let k = 1; ok && k < need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok && need > 1) {
      const ch = bytes.subarray(i, i + need).toString('utf8');
      ok = !ch.includes('\ufffd');
      if (ok) {
        out += ch;
        i += need;
        continue;
      }
    }
    if (b < 0x80) out += String.fromCharCode(b);
    else out += iconv.decode(bytes.subarray(i, i + 1), 'win1252');
    i++;
  }
  return out;
}

interface ChunkDecoder {
  write(buf: Buffer): string;
  end(): string;
}

function makeDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf8') return new LenientUtf8Decoder();
  const d = iconv.getDecoder(
    encoding === 'utf16be' ? 'utf16-be' : encoding === 'utf16le' ? 'utf16le' : 'win1252',
    { stripBOM: false },
  );
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}

/**
 * Splits decoded chunks into lines (LF or CRLF) in batches, so hot readers loop
 * synchronously over a chunk's lines instead of awaiting each one.
 */
export async function* lineBatches(
  chunks: AsyncIterable<string>,
): AsyncGenerator<{ first: number; lines: string[] }> {
  let carry = '';
  let n = 0;
  for await (const chunk of chunks) {
    const text = carry ? carry + chunk : chunk;
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    if (!lines.length) continue;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as string;
      if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
    }
    yield { first: n + 1, lines };
    n += lines.length;
  }
  if (carry) yield { first: n + 1, lines: [carry.endsWith('\r') ? carry.slice(0, -1) : carry] };
}

/** Opens a file as decoded text, refusing what cannot be read at all with a clear reason. */
export function openTextSource(path: string): TextSource {
  const file = basename(path);
  let totalBytes: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ImportFileError(file, fileReason('isFolder'));
    totalBytes = st.size;
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError(
      file,
      fileReason('cannotRead', { code: (e as NodeJS.ErrnoException).code ?? 'error' }),
    );
  }
  if (totalBytes === 0) throw new ImportFileError(file, fileReason('isEmpty'));
  const sample = Buffer.alloc(Math.min(SAMPLE, totalBytes));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, sample, 0, sample.length, 0);
  } finally {
    closeSync(fd);
  }
  const { encoding, bomLength } = detectEncoding(sample);
  const headBytes = sample.subarray(bomLength);
  const head =
    encoding === 'utf8'
      ? headBytes.toString('utf8')
      : iconv.decode(
          headBytes,
          encoding === 'utf16be' ? 'utf16-be' : encoding === 'utf16le' ? 'utf16le' : 'win1252',
        );
  let read = bomLength;

  async function* chunks(
    signal?: AbortSignal,
    { track = true }: { track?: boolean } = {},
  ): AsyncIterable<string> {
    if (track) read = bomLength;
    const raw = createReadStream(path, { start: bomLength, highWaterMark: 256 * 1024 });
    const dec = makeDecoder(encoding);
    try {
      for await (const buf of raw as AsyncIterable<Buffer>) {
        if (signal?.aborted) break;
        if (track) read += buf.length;
        const text = dec.write(buf);
        if (text) yield text;
      }
      const rest = dec.end();
      if (rest && !signal?.aborted) yield rest;
    } finally {
      raw.destroy();
    }
  }

  async function* lines(signal?: AbortSignal): AsyncIterable<{ line: number; text: string }> {
    for await (const batch of lineBatches(chunks(signal))) {
      for (let i = 0; i < batch.lines.length; i++)
        yield { line: batch.first + i, text: batch.lines[i] as string };
    }
  }

  return {
    file,
    path,
    encoding,
    totalBytes,
    head,
    bytesRead: () => read,
    chunks,
    lines,
    lineBatches: (signal?: AbortSignal) => lineBatches(chunks(signal)),
  };
}
