import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpusJsonl } from '../../scripts/bench/corpus';
import { CLI, requireBuild, runCli } from '../browser/harness';
import { tempDir, type TempDir } from '../helpers/workspace';

const ROWS = 200_000;

function count(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('crash safety of imports', () => {
  let tmp: TempDir;
  let ws: string;
  let file: string;
  beforeAll(async () => {
    requireBuild();
    tmp = tempDir();
    ws = tmp.path('crash.atalaya');
    file = tmp.path('big.jsonl');
    await writeCorpusJsonl(file, { size: ROWS, seed: 7 });
    expect(runCli(['workspace', 'create', ws, '--brand', 'Acme']).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('SIGKILL mid-import leaves a consistent workspace; re-running completes with no duplicates and nothing missing', async () => {
    const child = spawn(process.execPath, [CLI, 'import', file, '--workspace', ws, '--json'], {
      stdio: 'ignore',
    });
    // Wait until some chunks are committed, then kill without any chance to clean up.
    const started = Date.now();
    let committed = 0;
    while (Date.now() - started < 60_000) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        committed = count(ws, 'SELECT count(*) AS n FROM mentions');
      } catch {
        committed = 0; // busy at the instant of a checkpoint: try again
      }
      if (committed >= 10_000) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(committed).toBeGreaterThan(0);
    const afterKill = count(ws, 'SELECT count(*) AS n FROM mentions');
    expect(afterKill).toBeLessThan(ROWS); // it really was interrupted

    const info = runCli(['workspace', 'info', '--workspace', ws, '--json', '--check']);
    expect(info.code, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ recoveredFromUncleanShutdown: true });
    // The file is large enough for a bulk load, which drops the author index until it ends:
    // reopening the killed workspace creates it again.
    expect(
      count(ws, "SELECT count(*) AS n FROM sqlite_master WHERE name = 'mentions_author'"),
    ).toBe(1);

    const again = runCli(['import', file, '--workspace', ws, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as {
      imported: number;
      duplicates: number;
      rejected: number;
    };
    expect(summary.imported + summary.duplicates).toBe(ROWS);
    expect(summary.duplicates).toBeGreaterThanOrEqual(afterKill);

    expect(count(ws, 'SELECT count(*) AS n FROM mentions')).toBe(ROWS);
    expect(count(ws, 'SELECT count(DISTINCT external_id) AS n FROM mentions')).toBe(ROWS);
    expect(count(ws, 'SELECT count(*) AS n FROM mentions_fts')).toBe(ROWS);
    // Every generated post names the brand: all of them are found through the index.
    expect(
      count(ws, "SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'acme'"),
    ).toBe(ROWS);
    expect(count(ws, 'SELECT sum(mentions) AS n FROM rollup_hourly')).toBe(ROWS);
    expect(count(ws, 'SELECT sum(posts) AS n FROM authors')).toBe(ROWS);
    const db = new Database(ws, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const batches = db.prepare('SELECT status FROM import_batches ORDER BY id').all() as Array<{
      status: string;
    }>;
    db.close();
    expect(batches.map((b) => b.status)).toEqual(['cancelled', 'done']); // the killed one is closed on reopen
  });

  it('another process opening the workspace mid-import leaves the import alone (no cancel, no half index)', async () => {
    const ws2 = tmp.path('beside.atalaya');
    expect(runCli(['workspace', 'create', ws2, '--brand', 'Acme']).code).toBe(0);
    const child = spawn(process.execPath, [CLI, 'import', file, '--workspace', ws2, '--json'], {
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const started = Date.now();
    let committed = 0;
    while (Date.now() - started < 60_000 && committed < 10_000) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        committed = count(ws2, 'SELECT count(*) AS n FROM mentions');
      } catch {
        committed = 0;
      }
    }
    // The app, `serve` or a second CLI opens the file while the bulk load runs.
    const info = runCli(['workspace', 'info', '--workspace', ws2, '--json']);
    expect(info.code, info.stderr).toBe(0);
    const during = count(ws2, "SELECT count(*) AS n FROM import_batches WHERE status = 'running'");
    expect(await exited).toBe(0);
    expect(committed).toBeLessThan(ROWS); // the second open really came mid-import
    expect(during).toBe(1); // … and did not cancel the live batch
    const db = new Database(ws2, { readonly: true });
    try {
      expect(db.prepare('SELECT status, imported FROM import_batches').all()).toEqual([
        { status: 'done', imported: ROWS },
      ]);
      const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
      expect(n("SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'acme'")).toBe(
        ROWS,
      );
      expect(n('SELECT sum(posts) AS n FROM authors')).toBe(ROWS);
      expect(
        n("SELECT count(*) AS n FROM meta WHERE key LIKE 'owner:%' OR key LIKE 'bulk_load%'"),
      ).toBe(0);
    } finally {
      db.close();
    }
  });
});
