import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanWatchedFolder } from '../../main/core/sources/watch-folder';
import { workspaceDeps } from '../helpers/workspace';

describe('watched folder', () => {
  let env: ReturnType<typeof workspaceDeps>;
  beforeEach(() => (env = workspaceDeps()));
  afterEach(() => env.cleanup());

  it('imports dropped files, moves them to imported/ or failed/ with a reason, and leaves files still being written', async () => {
    const dir = env.tmp.path('');
    const old = (Date.now() - 60_000) / 1000;
    writeFileSync(
      `${dir}/good.csv`,
      'date,text,author\n2024-01-02,Mi pedido no llega,ana\nayer,fila sin fecha valida,x\n',
    );
    writeFileSync(`${dir}/bad.txt`, 'nothing to see here\n');
    writeFileSync(`${dir}/fresh.jsonl`, '{"date":"2024-01-02","text":"hola"}\n');
    utimesSync(`${dir}/good.csv`, old, old);
    utimesSync(`${dir}/bad.txt`, old, old);
    const deps = { db: env.db, timezone: 'Europe/Madrid', now: env.clock.now };
    const r = await scanWatchedFolder(deps, dir, { settleMs: 10_000 });
    const by = Object.fromEntries(r.map((x) => [x.file, x.outcome]));
    expect(by).toMatchObject({
      'good.csv': 'imported',
      'bad.txt': 'failed',
      'fresh.jsonl': 'skipped',
    });
    expect(existsSync(`${dir}/imported/good.csv`)).toBe(true);
    expect(existsSync(`${dir}/failed/bad.txt`)).toBe(true);
    expect(readFileSync(`${dir}/failed/bad.txt.error.txt`, 'utf8')).toMatch(
      /could not tell the format/,
    );
    expect(existsSync(`${dir}/fresh.jsonl`)).toBe(true);
    expect((env.db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n).toBe(1);
    expect(readFileSync(`${dir}/imported/good.csv.error.txt`, 'utf8')).toMatch(/line 3/);
    // the same name dropped again is kept beside the first, never overwriting it
    writeFileSync(`${dir}/good.csv`, 'date,text,author\n2024-01-02,Mi pedido no llega,ana\n');
    utimesSync(`${dir}/good.csv`, old, old);
    await scanWatchedFolder(deps, dir, { settleMs: 10_000 });
    expect(existsSync(`${dir}/imported/1-good.csv`)).toBe(true);
    expect((env.db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n).toBe(1);
  });
});
