import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ImportFileError } from './text-source';
import { fileReason } from './file-reasons';

const TWEET_PARTS = /^tweets(-part\d+)?\.js$/;

/**
 * The tweets*.js files of an X archive folder (its root or its data/ folder). The archive's
 * deleted-tweets.js, community-tweet.js and tweet-headers.js are left out on purpose: deleted
 * tweets were withdrawn by their author and are not public conversation, community tweets
 * live in a community's own space, and tweet headers only repeat ids and dates.
 */
export function tweetFilesInFolder(dir: string): string[] {
  const data =
    existsSync(join(dir, 'data')) && statSync(join(dir, 'data')).isDirectory()
      ? join(dir, 'data')
      : dir;
  return readdirSync(data)
    .filter((f) => TWEET_PARTS.test(f))
    .sort()
    .map((f) => join(data, f));
}

/**
 * Extracts tweets*.js and account.js from an X archive zip into a temporary folder (the
 * rest of the archive, DMs included, is never read).
 */
export async function extractTweetFilesFromZip(
  zipPath: string,
): Promise<{ dir: string; files: string[] }> {
  const out = mkdtempSync(join(tmpdir(), 'atalaya-x-archive-'));
  try {
    return { dir: out, files: await extractInto(zipPath, out) };
  } catch (e) {
    rmSync(out, { recursive: true, force: true });
    throw e;
  }
}

async function extractInto(zipPath: string, out: string): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
    yauzl.open(zipPath, { lazyEntries: true }, (err, z) =>
      err || !z ? rej(err ?? new Error('no zip')) : res(z),
    ),
  ).catch((e: Error) => {
    throw new ImportFileError(basename(zipPath), fileReason('badZip', { message: e.message }));
  });
  const written: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = basename(entry.fileName);
      if (!(TWEET_PARTS.test(name) || name === 'account.js') || /\/$/.test(entry.fileName)) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('unreadable entry'));
        const target = join(out, name);
        pipeline(stream, createWriteStream(target))
          .then(() => {
            if (name !== 'account.js') written.push(target);
            zip.readEntry();
          })
          .catch(reject);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return written.sort();
}
