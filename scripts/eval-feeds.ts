import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from '../main/core/sources/feeds/parse-feed';

export interface FeedCorpusFigures {
  files: number;
  parsed: number;
  reported: number;
  crashed: number;
  hung: number;
  slowestMs: number;
  byFolder: Record<string, { files: number; parsed: number; reported: number }>;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Runs the feed parser over feedparser's test corpus (well-formed, ill-formed, encodings,
 * entities, sanitisation): every file must either parse or be reported with a reason, never
 * crash or hang.
 */
export async function evalFeeds(corpus: string): Promise<FeedCorpusFigures> {
  const out: FeedCorpusFigures = {
    files: 0,
    parsed: 0,
    reported: 0,
    crashed: 0,
    hung: 0,
    slowestMs: 0,
    byFolder: {},
  };
  for (const file of walk(corpus)) {
    const folder = file.slice(corpus.length + 1).split('/')[0] ?? '.';
    const f = (out.byFolder[folder] ??= { files: 0, parsed: 0, reported: 0 });
    out.files++;
    f.files++;
    const header =
      /Header:\s*Content-type:\s*([^\n]*?)\s*(-->|\n)/i.exec(
        readFileSync(file, 'latin1').slice(0, 600),
      )?.[1] ?? null;
    const t0 = Date.now();
    const result = await Promise.race([
      parseFeed(readFileSync(file), header, `http://127.0.0.1/${folder}`).then(
        () => 'parsed' as const,
        (e: unknown) =>
          e instanceof Error && e.message ? ('reported' as const) : ('crashed' as const),
      ),
      new Promise<'hung'>((r) => setTimeout(() => r('hung'), 5000)),
    ]);
    out.slowestMs = Math.max(out.slowestMs, Date.now() - t0);
    out[result]++;
    if (result === 'parsed') f.parsed++;
    else if (result === 'reported') f.reported++;
  }
  return out;
}
