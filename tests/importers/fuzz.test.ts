import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../main/core/sources/import-runner';
import { createAnalyzer } from '../../main/core/sources/analyzer';
import { mutations } from '../helpers/fuzz';
import { PROFILE, workspaceDeps } from '../helpers/workspace';

const FIX = join(__dirname, '../fixtures/importers');

describe('importers under damaged input', () => {
  it('hundreds of mutated exports: no crash, no hang, a reason for each refusal, data intact', async () => {
    const env = workspaceDeps();
    try {
      const deps = {
        db: env.db,
        timezone: 'UTC',
        now: env.clock.now,
        analyze: createAnalyzer(PROFILE),
      };
      // known-good data first: it must survive everything that follows
      const good = await importFiles(deps, [
        join(FIX, 'twarc2-page.jsonl'),
        join(FIX, 'spanish-semicolon.csv'),
      ]);
      const before = (env.db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number })
        .n;
      expect(before).toBe(good.imported);
      let cases = 0;
      let refused = 0;
      let rowsRejected = 0;
      const files = readdirSync(FIX).filter((f) => f !== 'account.js');
      for (const [i, f] of files.entries()) {
        for (const m of mutations(readFileSync(join(FIX, f)), 100 + i, 24)) {
          const path = env.tmp.path(`${m.name.replace(/[^\w]/g, '_')}-${f}`);
          writeFileSync(path, m.bytes);
          const started = Date.now();
          const s = await importFiles(deps, [path]);
          expect(Date.now() - started, `${f} ${m.name} took too long`).toBeLessThan(10_000);
          cases++;
          const file = s.files[0];
          if (file?.status === 'refused') {
            refused++;
            expect(file.reason, `${f} ${m.name}`).toMatch(/\S/);
          }
          rowsRejected += s.rejected;
          for (const e of s.errors) expect(e.reason.length, `${f} ${m.name}`).toBeGreaterThan(3);
        }
      }
      const after = (env.db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n;
      expect(after).toBeGreaterThanOrEqual(before);
      expect(env.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const kept = env.db
        .prepare(
          "SELECT count(*) AS n FROM mentions WHERE external_id IN ('2001','2002','2003','a1','a2')",
        )
        .get() as { n: number };
      expect(kept.n).toBe(5);
      console.log(
        `fuzz: ${cases} damaged files, ${refused} refused with a reason, ${rowsRejected} rows rejected, 0 crashes, integrity ok, earlier data intact`,
      );
    } finally {
      env.cleanup();
    }
  }, 120_000);
});
