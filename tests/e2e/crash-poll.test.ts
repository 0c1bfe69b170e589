import { spawn } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type Route } from '../feeds/feed-server';
import { CLI, requireBuild, runCli } from '../browser/harness';
import { rng } from '../../scripts/bench/corpus';
import { tempDir, type TempDir } from '../helpers/workspace';

const FEEDS = 10;
const PER_ROUND = 25; // each round every feed publishes this many more items
const ROUNDS = 8; // SIGKILLed polls
const SEED = 20261201;

/** The built CLI as a child process, without blocking this process (it hosts the feed server). */
function runCliAsync(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function ids(path: string): Set<string> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT external_id AS id FROM mentions').all() as Array<{
      id: string;
    }>;
    return new Set(rows.map((r) => r.id));
  } finally {
    db.close();
  }
}

function scalar(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return Number(Object.values(db.prepare(sql).get() as Record<string, unknown>)[0]);
  } finally {
    db.close();
  }
}

/** RSS with `count` items, written slowly: headers after `delayMs`, then the body in drips. */
function slowFeed(feed: number, count: () => number, delayMs: number): Route {
  return (_req, res: ServerResponse) => {
    const items = Array.from({ length: count() }, (_, j) => {
      const at = new Date(Date.UTC(2026, 10, 1) + (feed * 10_000 + j) * 60_000).toUTCString();
      return `<item><guid isPermaLink="false">f${feed}-i${j}</guid><title>acme item ${j} of feed ${feed}</title><link>https://news.example/f${feed}/${j}</link><description>acme retrasa el pedido ${j}</description><pubDate>${at}</pubDate></item>`;
    });
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${feed}</title><link>https://news.example/f${feed}</link>${items.join('')}</channel></rss>`;
    const parts = 8;
    const size = Math.ceil(body.length / parts);
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
      let k = 0;
      const drip = (): void => {
        if (res.destroyed) return;
        if (k >= parts) {
          res.end();
          return;
        }
        res.write(body.slice(k * size, (k + 1) * size));
        k += 1;
        setTimeout(drip, 40);
      };
      drip();
    }, delayMs);
  };
}

describe('crash safety of polling', () => {
  let tmp: TempDir;
  let ws: string;
  let server: Awaited<ReturnType<typeof startFeedServer>>;
  let round = 0;

  beforeAll(async () => {
    requireBuild();
    tmp = tempDir();
    ws = tmp.path('poll.atalaya');
    const routes: Record<string, Route> = {};
    for (let f = 0; f < FEEDS; f += 1)
      routes[`/feed/${f}.xml`] = slowFeed(f, () => (round + 1) * PER_ROUND, 150 + f * 150);
    server = await startFeedServer(routes);
    expect(runCli(['workspace', 'create', ws, '--brand', 'Acme', '--keyword', 'acme']).code).toBe(
      0,
    );
    for (let f = 0; f < FEEDS; f += 1) {
      const r = runCli([
        'feeds',
        'add',
        server.url(`/feed/${f}.xml`),
        '--workspace',
        ws,
        '--no-test',
      ]);
      expect(r.code, r.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await server?.close();
    tmp?.cleanup();
  });

  it('SIGKILL at seeded random points of slow poll cycles: reopens, loses and duplicates nothing, the next poll completes', async () => {
    const random = rng(SEED);
    let before = new Set<string>();
    const tally = {
      kills: 0,
      openFailures: 0,
      lost: 0,
      duplicated: 0,
      interrupted: 0,
      betweenCommits: 0,
    };
    for (round = 0; round < ROUNDS; round += 1) {
      const child = spawn(process.execPath, [CLI, 'poll', '--workspace', ws, '--once', '--all'], {
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      // A poll cycle here lasts ~2.5 s (start-up, then feeds answering over ~2 s).
      await new Promise((r) => setTimeout(r, 200 + Math.floor(random() * 2600)));
      child.kill('SIGKILL');
      const code = await exited;
      tally.kills += 1;
      if (code !== 0) tally.interrupted += 1; // null: it really died mid-cycle

      const committed = ids(ws); // what the crashed process left, as SQLite recovers it
      // killed after some feeds of this cycle had committed and before the others
      if (committed.size > before.size && committed.size < FEEDS * (round + 1) * PER_ROUND)
        tally.betweenCommits += 1;
      const info = runCli(['workspace', 'info', '--workspace', ws, '--json', '--check']);
      if (info.code !== 0) tally.openFailures += 1;
      const reopened = ids(ws);
      for (const id of before) if (!committed.has(id)) tally.lost += 1;
      for (const id of committed) if (!reopened.has(id)) tally.lost += 1;
      tally.duplicated +=
        scalar(ws, 'SELECT count(*) FROM mentions') -
        scalar(ws, 'SELECT count(DISTINCT external_id) FROM mentions');
      expect(scalar(ws, "SELECT count(*) FROM import_batches WHERE status = 'running'")).toBe(0);
      before = reopened;
    }

    // The next poll, left alone, completes and brings everything still missing.
    round = ROUNDS;
    const last = await runCliAsync(['poll', '--workspace', ws, '--once', '--all', '--json']);
    expect(last.code, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout)).toMatchObject({ feeds: FEEDS, failed: 0 });
    const expected = FEEDS * (ROUNDS + 1) * PER_ROUND;
    const final = ids(ws);
    for (const id of before) if (!final.has(id)) tally.lost += 1;
    const total = scalar(ws, 'SELECT count(*) FROM mentions');
    tally.duplicated += total - final.size;
    console.log(
      `crash-safety poll: ${tally.kills} SIGKILLs at seeded random points (seed ${SEED}), ` +
        `${tally.interrupted} mid-cycle (${tally.betweenCommits} between one feed's commit and the next), ` +
        `${tally.openFailures} failed reopens, ` +
        `${tally.lost} committed items lost, ${tally.duplicated} duplicated; ` +
        `next poll: ${final.size}/${expected} items`,
    );
    expect(tally).toMatchObject({ openFailures: 0, lost: 0, duplicated: 0 });
    expect(tally.interrupted).toBeGreaterThan(ROUNDS / 2); // the kills really hit running cycles
    expect(tally.betweenCommits).toBeGreaterThan(0);
    expect(final.size).toBe(expected);
    expect(scalar(ws, 'SELECT count(*) FROM mentions_fts')).toBe(total);
    expect(scalar(ws, 'SELECT sum(mentions) FROM rollup_hourly')).toBe(total);
    const db = new Database(ws, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
