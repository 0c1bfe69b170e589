import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import chardet from 'chardet';
import iconv from 'iconv-lite';

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
  /** Decoded text chunks, BOM removed. */
  chunks(signal?: AbortSignal): AsyncIterable<string>;
  /** Decoded lines with 1-based numbers. */
  lines(signal?: AbortSignal): AsyncIterable<{ line: number; text: string }>;
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

function decoderStream(encoding: TextEncoding): NodeJS.ReadWriteStream | null {
  if (encoding === 'utf8') return null;
  return iconv.decodeStream(
    encoding === 'utf16be' ? 'utf16-be' : encoding === 'utf16le' ? 'utf16le' : 'win1252',
  );
}

/** Opens a file as decoded text, refusing what cannot be read at all with a clear reason. */
export function openTextSource(path: string): TextSource {
  const file = basename(path);
  let totalBytes: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ImportFileError(file, 'is a folder, not a file');
    totalBytes = st.size;
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError(
      file,
      `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (totalBytes === 0) throw new ImportFileError(file, 'is empty');
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
  let read = 0;

  async function* chunks(signal?: AbortSignal): AsyncIterable<string> {
    read = 0;
    const raw = createReadStream(path, { start: bomLength, highWaterMark: 256 * 1024 });
    raw.on('data', (b: Buffer | string) => (read += b.length));
    const dec = decoderStream(encoding);
    const stream: Readable = dec ? (raw.pipe(dec) as unknown as Readable) : raw.setEncoding('utf8');
    try {
      for await (const chunk of stream) {
        if (signal?.aborted) break;
        yield String(chunk);
      }
    } finally {
      raw.destroy();
    }
  }

  async function* lines(signal?: AbortSignal): AsyncIterable<{ line: number; text: string }> {
    const rl = createInterface({ input: Readable.from(chunks(signal)), crlfDelay: Infinity });
    let n = 0;
    for await (const text of rl) {
      n++;
      yield { line: n, text };
    }
  }

  return { file, path, encoding, totalBytes, head, bytesRead: () => read, chunks, lines };
}
