import { TokenParser, Tokenizer, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { fileReason } from './file-reasons';

/**
 * Counts the keys named `key` of a document's root object as tokens go by: JSON.parse keeps
 * the last of duplicate keys, and a streaming reader must know which occurrence that is.
 */
class TopKeyCounter {
  count = 0;
  private depth = 0;
  private expectKey = false;
  constructor(private readonly key: string) {}

  see(t: ParsedTokenInfo): void {
    switch (t.token) {
      case TokenType.LEFT_BRACE:
        this.depth++;
        this.expectKey = this.depth === 1;
        return;
      case TokenType.LEFT_BRACKET:
        this.depth++;
        this.expectKey = false;
        return;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.depth--;
        this.expectKey = false;
        return;
      case TokenType.COMMA:
        this.expectKey = this.depth === 1;
        return;
      case TokenType.STRING:
        if (this.expectKey && t.value === this.key) this.count++;
        this.expectKey = false;
        return;
      default:
        this.expectKey = false;
    }
  }
}

/** How many times the root object has the key `key` (a tokenizer pass: no values built). */
export async function countTopLevelKey(
  chunks: AsyncIterable<string>,
  key: string,
): Promise<number> {
  const tokenizer = new Tokenizer();
  const counter = new TopKeyCounter(key);
  tokenizer.onToken = (t) => counter.see(t);
  tokenizer.onError = () => undefined; // damage is reported by the reading pass
  try {
    for await (const chunk of chunks) {
      if (tokenizer.isEnded) break;
      tokenizer.write(chunk);
    }
  } catch {
    // as above
  }
  return counter.count;
}

export interface StreamJsonOptions {
  /**
   * With duplicate root keys (`{"orderedItems":[],"orderedItems":[…]}`), yield only the
   * values under occurrence number `occurrence` (1-based) of `key`, as JSON.parse would
   * keep only the last.
   */
  only?: { key: string; occurrence: number };
}

/**
 * Streams the values found at `path` (e.g. `$.*`, `$.orderedItems.*`) of a JSON document
 * given as decoded text chunks, so memory stays flat whatever the file size. Values found
 * before a syntax error are yielded; the error is then thrown with its position.
 */
export async function* streamJsonValues(
  chunks: AsyncIterable<string>,
  path: string,
  opts: StreamJsonOptions = {},
): AsyncGenerator<unknown> {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: [path], keepStack: false });
  const counter = opts.only ? new TopKeyCounter(opts.only.key) : null;
  const wanted = opts.only?.occurrence ?? 0;
  const queue: unknown[] = [];
  let error: Error | null = null;
  tokenizer.onToken = (t) => {
    counter?.see(t);
    parser.write(t);
  };
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  parser.onError = (e) => tokenizer.error(e);
  parser.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  tokenizer.onError = (e) => {
    error ??= e;
  };
  parser.onValue = ({ value }) => {
    if (!counter || counter.count === wanted) queue.push(value);
  };
  for await (const chunk of chunks) {
    if (!error && !tokenizer.isEnded) {
      try {
        tokenizer.write(chunk);
      } catch (e) {
        error ??= e as Error;
      }
    }
    while (queue.length) yield queue.shift();
    if (error) throw error;
  }
  if (!tokenizer.isEnded) {
    try {
      tokenizer.end();
    } catch (e) {
      error ??= e as Error;
    }
  }
  while (queue.length) yield queue.shift();
  if (error) throw error;
}

/**
 * Reads the head sample of a JSON document: the reason it is unreadable when a syntax error
 * comes before its first record at `path` (the whole file is refused), else null (damage
 * further on only rejects from there, keeping the records before it).
 */
export function jsonHeadError(head: string, path: string, complete: boolean): string | null {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: [path], keepStack: false });
  let values = 0;
  let error: Error | null = null;
  tokenizer.onToken = (t) => parser.write(t);
  parser.onValue = () => {
    values++;
  };
  parser.onError = (e) => tokenizer.error(e);
  tokenizer.onError = (e) => {
    error ??= e;
  };
  parser.onEnd = () => undefined;
  try {
    tokenizer.write(head);
    if (complete && !error && !tokenizer.isEnded) tokenizer.end();
  } catch (e) {
    error ??= e as Error;
  }
  const err = error as Error | null;
  if (!err || values > 0) return null;
  return fileReason('invalidJson', { message: err.message.replace(/\s+/g, ' ').slice(0, 80) });
}
