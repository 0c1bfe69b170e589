import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProfile } from '../main/core/db/profile-repo';
import { createWorkspaceFile } from '../main/core/db/workspace-file';
import { createAnalyzer } from '../main/core/sources/analyzer';
import { importFiles } from '../main/core/sources/import-runner';
import { mutations } from '../tests/helpers/fuzz';

/**
 * Damaged copies of the real exports (cut, bit-flipped, duplicate keys, wrong types, a
 * 2 MB line, deep nesting, broken lines, bogus BOM) imported one after another into one
 * workspace that already holds good data.
 */
export async function evalFuzz(
  shared: string,
  perFile = 250,
): Promise<{
  cases: number;
  refused: number;
  rowsRejected: number;
  crashed: number;
  slowest: number;
  integrity: string;
  goodDataIntact: boolean;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-fuzz-'));
  const profile = {
    brand: 'Fuzz',
    keywords: [],
    excludes: [],
    handles: [],
    timezone: 'UTC',
    hours: { days: [1], start: '09:00', end: '18:00' },
    holidays: [],
    responseTargetMinutes: 60,
  };
  const ws = createWorkspaceFile(join(dir, 'fuzz.atalaya'), (db) => writeProfile(db, profile, 0));
  const deps = { db: ws.db, timezone: 'UTC', now: Date.now, analyze: createAnalyzer(profile) };
  const sources = [
    'exports/twarc2_jsonl_twitter_api_v2/brexit.jsonl',
    'exports/mastodon_archive_dealingwith/outbox.json',
    'exports/x_twitter_archive_milahu104/data/tweets.js',
    'support/twcs_random_sample_5000.csv',
  ].map((p) => join(shared, p));
  const good = await importFiles(deps, [sources[0] as string]);
  const out = {
    cases: 0,
    refused: 0,
    rowsRejected: 0,
    crashed: 0,
    slowest: 0,
    integrity: '',
    goodDataIntact: false,
  };
  for (const [i, src] of sources.entries()) {
    const original = readFileSync(src);
    for (const m of mutations(original, 7000 + i, perFile)) {
      const path = join(dir, `case-${out.cases}${src.slice(src.lastIndexOf('.'))}`);
      writeFileSync(path, m.bytes);
      const t0 = Date.now();
      try {
        const s = await importFiles(deps, [path]);
        if (s.files[0]?.status === 'refused') out.refused++;
        out.rowsRejected += s.rejected;
      } catch {
        out.crashed++;
      }
      out.slowest = Math.max(out.slowest, Date.now() - t0);
      rmSync(path);
      out.cases++;
    }
  }
  out.integrity = String(ws.db.pragma('integrity_check', { simple: true }));
  const n = (
    ws.db.prepare("SELECT count(*) AS n FROM mentions WHERE channel = 'twitter'").get() as {
      n: number;
    }
  ).n;
  out.goodDataIntact = n >= good.imported;
  ws.close();
  rmSync(dir, { recursive: true, force: true });
  return out;
}
