import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed } from '../../main/core/db/feeds-repo';
import { parseFeed } from '../../main/core/sources/feeds/parse-feed';
import { pollFeeds } from '../../main/core/sources/feeds/poller';
import { workspaceDeps } from '../helpers/workspace';
import { startFeedServer, type Route } from './feed-server';

const FEEDS = resolve(__dirname, '../../../shared/data/feeds');
const present = existsSync(FEEDS);

function files(): Array<{ name: string; path: string }> {
  const dirs = ['rss-parser/input', 'feedjira', 'bsuir_homework_2019'];
  return dirs.flatMap((d) =>
    existsSync(join(FEEDS, d))
      ? readdirSync(join(FEEDS, d)).map((f) => ({
          name: `${d.split('/')[0]}-${f}`,
          path: join(FEEDS, d, f),
        }))
      : [],
  );
}

/** The real feed captures in ../shared served from 127.0.0.1 (skipped on a bare clone). */
describe.skipIf(!present)('real feeds', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let srv: Awaited<ReturnType<typeof startFeedServer>>;
  const all = present ? files() : [];
  beforeAll(async () => {
    env = workspaceDeps();
    const routes: Record<string, Route> = {};
    for (const f of all)
      routes[`/${f.name}`] = (_q, res) =>
        void res
          .writeHead(200, {
            'Content-Type': f.name.endsWith('.json') ? 'application/json' : 'application/xml',
          })
          .end(readFileSync(f.path));
    srv = await startFeedServer(routes);
  });
  afterAll(async () => {
    await srv.close();
    env.cleanup();
  });

  it('every well-formed capture polls into as many mentions as it has distinct items; bad ones are reported', async () => {
    const report: string[] = [];
    for (const f of all) {
      const id = addFeed(env.db, { url: srv.url(`/${f.name}`), name: f.name }, env.clock.now()).id;
      let expected: number | null;
      try {
        const parsed = await parseFeed(readFileSync(f.path), null, srv.url(`/${f.name}`));
        const keys = new Set(
          parsed.items
            .filter((i) => i.text || i.title)
            .map((i) => i.guid ?? i.link ?? `${i.title}|${i.text}`),
        );
        expected = keys.size;
      } catch {
        expected = null; // not a feed: must be reported, not crash
      }
      // each capture in an empty store, so "new" counts only this file's items
      env.db.exec(
        "INSERT INTO mentions_fts(mentions_fts) VALUES('delete-all'); DELETE FROM mentions;",
      );
      const before = 0;
      const s = await pollFeeds(
        { db: env.db, now: env.clock.now, timezone: 'UTC', keywords: [], excludes: [] },
        { feedIds: [id] },
      );
      const after = (env.db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n;
      if (expected === null) {
        expect(s.failed, f.name).toBe(1);
        expect(s.results[0]?.error, f.name).toBeTruthy();
        report.push(`${f.name}: reported — ${s.results[0]?.error}`);
      } else {
        expect(s.failed, `${f.name}: ${s.results[0]?.error}`).toBe(0);
        expect(after - before, f.name).toBe(expected);
        expect(s.new, f.name).toBe(expected);
        report.push(`${f.name}: ${expected} items → ${s.new} mentions`);
      }
    }
    console.log(report.join('\n'));
    expect(report.filter((r) => r.includes('reported')).length).toBeLessThan(3);
  });

  it('ISO-8859-1 captures read correctly (with and without XML declaration)', async () => {
    const enc = await parseFeed(
      readFileSync(join(FEEDS, 'rss-parser/input/encoding.rss')),
      null,
      'http://x/encoding.rss',
    );
    expect(enc.charset).not.toBe('utf-8');
    expect(enc.items.map((i) => `${i.title} ${i.text}`).join(' ')).toMatch(/[çãõáéíóú]/);
    expect(enc.items.map((i) => i.title).join(' ')).not.toMatch(/Ã|�/);
    const uol = await parseFeed(
      readFileSync(join(FEEDS, 'rss-parser/input/uolNoticias.rss')),
      null,
      'http://x/uol.rss',
    );
    expect(uol.items.map((i) => `${i.title} ${i.text}`).join(' ')).not.toMatch(/Ã|�/);
    expect(uol.items.map((i) => `${i.title}`).join(' ')).toMatch(/[çãõáéíóú]/);
  });

  it('the Google Alerts feed loses its <b> highlighting and google.com/url wrappers', async () => {
    const g = await parseFeed(
      readFileSync(join(FEEDS, 'feedjira/google_alerts_atom.xml')),
      null,
      'https://www.google.com/alerts/feeds/1/2',
    );
    expect(g.items).toHaveLength(20);
    expect(g.items.every((i) => !/<b>/.test(i.title ?? ''))).toBe(true);
    expect(g.items.every((i) => !(i.link ?? '').startsWith('https://www.google.com/url'))).toBe(
      true,
    );
    expect(g.channelGuess).toBe('news');
  });
});
