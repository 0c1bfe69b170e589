import { rmSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { extractTweetFilesFromZip, tweetFilesInFolder } from './archive-files';
import { jsonHeadError } from './json-stream';
import { ImportFileError, openTextSource, type TextSource } from './text-source';
import { readXArchiveTweets } from './twitter';
import type { OpenedImport, ParsedRow } from './types';
import { fileReason } from './file-reasons';

/**
 * An X archive given as tweets.js, as its folder or as its zip. Only tweets*.js (and
 * account.js for the owner's handle) are read; a zip's tweet files are extracted to a
 * temporary folder removed when the rows have been read (DMs and media are never touched).
 */
export async function openXArchive(path: string, signal?: AbortSignal): Promise<OpenedImport> {
  const name = basename(path);
  const st = statSync(path);
  let tmp: string | null = null;
  let files: string[];
  if (st.isDirectory()) files = tweetFilesInFolder(path);
  else if (extname(path).toLowerCase() === '.zip') {
    const z = await extractTweetFilesFromZip(path);
    tmp = z.dir;
    files = z.files;
  } else files = [path];
  const cleanup = (): void => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = null;
  };
  let sources: TextSource[];
  try {
    if (files.length === 0) throw new ImportFileError(name, fileReason('noTweetsJs'));
    sources = files.map(openTextSource);
    for (const s of sources) {
      if (!/^\s*window\.YTD\.tweets?\./.test(s.head))
        throw new ImportFileError(s.file, fileReason('notTweetsJs'));
      const body = s.head.slice(s.head.indexOf('=') + 1);
      const why = jsonHeadError(body, '$.*', s.head.length >= s.totalBytes - 3);
      if (why) throw new ImportFileError(s.file, why);
    }
  } catch (e) {
    cleanup();
    throw e;
  }
  const total = sources.reduce((a, s) => a + s.totalBytes, 0);
  let done = 0;
  let current: TextSource | null = null;
  async function* rows(): AsyncGenerator<ParsedRow> {
    try {
      for (const s of sources) {
        current = s;
        yield* readXArchiveTweets(s, signal);
        done += s.totalBytes;
      }
      current = null;
    } finally {
      cleanup();
    }
  }
  return {
    format: 'x-archive',
    file: name,
    totalBytes: total,
    bytesRead: () => done + (current?.bytesRead() ?? 0),
    rows: rows(),
  };
}
