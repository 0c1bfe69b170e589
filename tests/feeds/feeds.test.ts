import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed, getFeed } from '../../main/core/db/feeds-repo';
import { decodeFeed } from '../../main/core/sources/feeds/decode';
import { buildFeedUrls } from '../../main/core/sources/feeds/feed-urls';
import { parseOpml, writeOpml } from '../../main/core/sources/feeds/opml';
import { matchesKeywords } from '../../main/core/sources/feeds/parse-feed';
import { pollFeeds, testFeed } from '../../main/core/sources/feeds/poller';
import { MAX_BACKOFF_MS, nextPollAt } from '../../main/core/sources/feeds/schedule';
import { workspaceDeps } from '../helpers/workspace';
import { startFeedServer } from './feed-server';

const FIX = join(__dirname, '../fixtures/feeds');
const rss = readFileSync(join(FIX, 'acme-news.rss'));

describe('feed polling against a local server', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let srv: Awaited<ReturnType<typeof startFeedServer>>;
  const latin = iconv.encode(
    '<rss version="2.0"><channel><title>Notícias</title><item><title>Acção e coração</title><guid>l1</guid><description>Informação útil sobre a Acme</description></item></channel></rss>',
    'latin1',
  );
  beforeAll(async () => {
    env = workspaceDeps();
    srv = await startFeedServer({
      '/news.rss': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res
          .writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: '"v1"' })
          .end(rss);
      },
      '/atom.xml': (_q, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'application/atom+xml' })
          .end(readFileSync(join(FIX, 'atom.xml'))),
      '/latin-no-decl.rss': (_q, res) =>
        void res.writeHead(200, { 'Content-Type': 'text/xml' }).end(latin),
      '/wrong-charset.rss': (_q, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'text/xml; charset=iso-8859-1' })
          .end(
            Buffer.from(
              '<rss version="2.0"><channel><title>Señal</title><item><title>Atención al cliente pésima</title><guid>w1</guid></item></channel></rss>',
            ),
          ),
      '/gzip.rss': (_q, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' })
          .end(gzipSync(rss)),
      '/missing.rss': (_q, res) => void res.writeHead(404).end('gone'),
      '/broken.rss': (_q, res) => void res.writeHead(500).end('oops'),
      '/loop-a': (_q, res) => void res.writeHead(301, { Location: '/loop-b' }).end(),
      '/loop-b': (_q, res) => void res.writeHead(301, { Location: '/loop-a' }).end(),
      '/busy.rss': (_q, res) => void res.writeHead(429, { 'Retry-After': '7200' }).end(),
      '/huge.rss': (_q, res) => {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent < 50 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      },
      '/bomb.rss': (_q, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' })
          .end(gzipSync(Buffer.alloc(40 * 1024 * 1024, ' '))),
      '/slow.rss': (_q, res) => {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        const t = setInterval(() => res.write(' '), 200);
        res.on('close', () => clearInterval(t));
      },
      '/page.html': (_q, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end(
            '<!DOCTYPE html><html><head><title>Document Moved</title></head><body>moved</body></html>',
          ),
    });
  });
  afterAll(async () => {
    await srv.close();
    env.cleanup();
  });

  const limits = { totalTimeoutMs: 1500, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };
  const poll = (ids: number[]) =>
    pollFeeds(
      {
        db: env.db,
        now: env.clock.now,
        timezone: 'Europe/Madrid',
        keywords: ['acme'],
        excludes: [],
        limits,
      },
      { feedIds: ids },
    );
  const feed = (path: string, extra: Partial<Parameters<typeof addFeed>[1]> = {}) =>
    addFeed(env.db, { url: srv.url(path), name: path, ...extra }, env.clock.now()).id;

  it('polls items into mentions, deduplicated by guid, else link, and reads text safely', async () => {
    const id = feed('/news.rss');
    const s = await poll([id]);
    expect(s).toMatchObject({ feeds: 1, new: 3, notModified: 0, failed: 0 });
    const rows = env.db
      .prepare(
        'SELECT external_id, title, text, channel FROM mentions WHERE source_id = ? ORDER BY posted_at',
      )
      .all(id) as Array<{ external_id: string; text: string; title: string; channel: string }>;
    expect(rows.map((r) => r.external_id)).toEqual([
      'news-1',
      'news-2',
      'https://news.example/acme-responde',
    ]);
    expect(rows[0]?.text).toBe('Los clientes de Acme protestan & piden reembolsos.');
    expect(rows[0]?.channel).toBe('news');
    // second poll: conditional GET answered 304, nothing added
    env.clock.advance(2 * 3600_000);
    expect(await poll([id])).toMatchObject({ new: 0, notModified: 1 });
    expect(getFeed(env.db, id)).toMatchObject({ lastStatus: 304, failures: 0, itemsTotal: 3 });
  });

  it('the keyword filter keeps only items about the brand', async () => {
    env.db.exec('DELETE FROM mentions_fts; DELETE FROM mentions; DELETE FROM sources;');
    const id = feed('/news.rss', { keywordFilter: true });
    const s = await poll([id]);
    expect(s.new).toBe(2); // the weather item does not mention Acme
    expect(matchesKeywords('Nos encantó ACMÉ', ['acme'], [])).toBe(true);
    expect(matchesKeywords('acmeglobal', ['acme'], [])).toBe(false);
    expect(matchesKeywords('acme corp news', ['acme'], ['acme corp'])).toBe(false);
  });

  it('reads Atom, gzip, ISO-8859-1 without declaration and a wrong charset header', async () => {
    const ids = ['/atom.xml', '/gzip.rss', '/latin-no-decl.rss', '/wrong-charset.rss'].map((p) =>
      feed(p),
    );
    const s = await poll(ids);
    expect(s.failed).toBe(0);
    const text = (id: number) =>
      (
        env.db
          .prepare(
            "SELECT title || ' | ' || text AS t FROM mentions WHERE source_id = ? ORDER BY id",
          )
          .all(id) as Array<{ t: string }>
      ).map((r) => r.t);
    expect(text(ids[0] as number)).toEqual(['Mi experiencia con Acme | Todo fue genial']);
    expect(text(ids[2] as number)).toEqual(['Acção e coração | Informação útil sobre a Acme']);
    expect(text(ids[3] as number)[0]).toMatch(/^Atención al cliente pésima/);
  });

  it('reports faults in plain words, backs off, honours Retry-After, and keeps polling the rest', async () => {
    const bad = [
      '/missing.rss',
      '/broken.rss',
      '/loop-a',
      '/busy.rss',
      '/huge.rss',
      '/bomb.rss',
      '/slow.rss',
      '/page.html',
    ].map((p) => feed(p));
    const good = feed('/atom.xml?again');
    const t0 = env.clock.now();
    const started = Date.now();
    const s = await poll([...bad, good]);
    expect(Date.now() - started).toBeLessThan(8000); // no hang: the slow drip is cut at 1.5 s
    expect(s.failed).toBe(bad.length);
    const err = (id: number) => getFeed(env.db, id);
    expect(err(bad[0] as number)?.lastError).toMatch(/404.*address may have changed/);
    expect(err(bad[1] as number)?.lastError).toMatch(/500/);
    expect(err(bad[2] as number)?.lastError).toMatch(/Redirect loop/);
    expect(err(bad[3] as number)?.nextDueAt).toBeGreaterThanOrEqual(t0 + 7200_000);
    expect(err(bad[4] as number)?.lastError).toMatch(/larger than 10 MB/);
    expect(err(bad[5] as number)?.lastError).toMatch(/larger than 10 MB once decompressed/);
    expect(err(bad[6] as number)?.lastError).toMatch(/Timed out/);
    expect(err(bad[7] as number)?.lastError).toMatch(/web page.*Document Moved/);
    expect(err(bad[0] as number)?.failures).toBe(1);
    const again = await poll([bad[0] as number]);
    expect(again.failed).toBe(1);
    expect(err(bad[0] as number)?.failures).toBe(2);
  });

  it('test fetch shows the title and item count before saving', async () => {
    expect(await testFeed(srv.url('/news.rss'), {})).toMatchObject({
      title: 'Noticias de viajes',
      items: 3,
    });
  });

  it('schedules with exponential backoff capped at 24 h, never giving up', () => {
    const f = { intervalMinutes: 30 };
    expect(nextPollAt(f, 0, 0, null)).toBe(30 * 60_000);
    expect(nextPollAt(f, 1, 0, null)).toBe(60 * 60_000);
    expect(nextPollAt(f, 3, 0, null)).toBe(240 * 60_000);
    expect(nextPollAt(f, 50, 0, null)).toBe(MAX_BACKOFF_MS);
    expect(nextPollAt(f, 0, 0, 5 * 3600_000)).toBe(5 * 3600_000);
  });

  it('decodes by BOM, then valid UTF-8, then header/declaration, then Windows-1252', () => {
    expect(
      decodeFeed(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'text/xml; charset=iso-8859-1').text,
    ).toBe('a');
    expect(
      decodeFeed(
        iconv.encode('<?xml version="1.0" encoding="windows-1252"?><a>€</a>', 'win1252'),
        null,
      ).text,
    ).toContain('€');
    expect(decodeFeed(iconv.encode('<a>ñ</a>', 'latin1'), null).text).toBe('<a>ñ</a>');
  });

  it('OPML round-trips and feed URLs are built from keywords', () => {
    const xml = writeOpml('Acme', [
      {
        title: 'News & more',
        xmlUrl: 'https://n.example/rss?a=1&b=2',
        htmlUrl: 'https://n.example',
      },
    ]);
    expect(parseOpml(xml)).toEqual([
      {
        title: 'News & more',
        xmlUrl: 'https://n.example/rss?a=1&b=2',
        htmlUrl: 'https://n.example',
      },
    ]);
    const urls = buildFeedUrls(['acme viajes']);
    expect(urls.map((u) => u.source)).toContain('Reddit search');
    expect(urls.find((u) => u.source === 'Google News (es)')?.url).toContain(
      'q=%22acme%20viajes%22',
    );
  });
});
