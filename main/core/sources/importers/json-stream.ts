import { JSONParser } from '@streamparser/json';

/**
 * Streams the values found at `path` (e.g. `$.*`, `$.orderedItems.*`) of a JSON document
 * given as decoded text chunks, so memory stays flat whatever the file size. Values found
 * before a syntax error are yielded; the error is then thrown with its position.
 */
export async function* streamJsonValues(
  chunks: AsyncIterable<string>,
  path: string,
): AsyncGenerator<unknown> {
  const parser = new JSONParser({ paths: [path], keepStack: false });
  const queue: unknown[] = [];
  let error: Error | null = null;
  parser.onValue = ({ value }) => {
    queue.push(value);
  };
  parser.onError = (e) => {
    error ??= e;
  };
  for await (const chunk of chunks) {
    if (!error) parser.write(chunk);
    while (queue.length) yield queue.shift();
    if (error) throw error;
  }
  if (!parser.isEnded) {
    try {
      parser.end();
    } catch (e) {
      error ??= e as Error;
    }
  }
  while (queue.length) yield queue.shift();
  if (error) throw error;
}
