import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFeed, getFeed } from '../../main/core/db/feeds-repo';
import { pollFeeds } from '../../main/core/sources/feeds/poller';
import { startFeedServer } from '../feeds/feed-server';
import { workspaceDeps } from '../helpers/workspace';

/** Raw TCP servers that break TLS in the ways real servers do. */
async function tcp(onConnection: Parameters<typeof createServer>[1]): Promise<Server> {
  const s = createServer(onConnection);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return s;
}
const port = (s: Server): number => (s.address() as AddressInfo).port;

describe('TLS failures of a feed server are bounded and reported; the other feeds go on', () => {
  let env: ReturnType<typeof workspaceDeps>;
  const servers: Server[] = [];
  let good: Awaited<ReturnType<typeof startFeedServer>>;
  beforeAll(async () => {
    env = workspaceDeps();
    // speaks plain HTTP where TLS is expected
    servers.push(
      await tcp((sock) => {
        sock.once('data', () => sock.end('HTTP/1.1 400 Bad Request\r\n\r\nplain http here\r\n'));
      }),
    );
    // accepts the connection and hangs up in the middle of the handshake
    servers.push(await tcp((sock) => sock.once('data', () => sock.destroy())));
    // accepts and never answers the ClientHello
    servers.push(await tcp(() => {}));
    good = await startFeedServer({
      '/ok.rss': (_q, res) =>
        res
          .writeHead(200, { 'Content-Type': 'application/rss+xml' })
          .end(
            '<rss version="2.0"><channel><title>OK</title><item><guid>ok1</guid><title>acme ok</title><description>acme</description></item></channel></rss>',
          ),
    });
  });
  afterAll(async () => {
    for (const s of servers) {
      s.close();
    }
    await good.close();
    env.cleanup();
  });

  it('wrong protocol, reset handshake, silent server: each a plain reason within the time limit', async () => {
    const ids = servers.map(
      (s, i) =>
        addFeed(env.db, { url: `https://127.0.0.1:${port(s)}/feed${i}.rss`, name: `tls${i}` }, 0)
          .id,
    );
    const ok = addFeed(env.db, { url: good.url('/ok.rss'), name: 'ok' }, 0).id;
    const started = Date.now();
    const s = await pollFeeds(
      {
        db: env.db,
        now: env.clock.now,
        timezone: 'UTC',
        keywords: ['acme'],
        excludes: [],
        limits: { totalTimeoutMs: 1500, maxBytes: 1024 * 1024, maxRedirects: 5 },
      },
      { feedIds: [...ids, ok] },
    );
    expect(Date.now() - started).toBeLessThan(6000);
    expect(s).toMatchObject({ feeds: 4, failed: 3, new: 1 });
    for (const id of ids) {
      const f = getFeed(env.db, id);
      expect(f?.lastError, `feed ${id}`).toBeTruthy();
      expect(f?.lastError).not.toMatch(/\n|undefined|\[object/);
      expect(f?.failures).toBe(1);
    }
    expect(getFeed(env.db, ids[0] as number)?.lastError).toMatch(
      /secure connection \(TLS\) failed/,
    );
    expect(getFeed(env.db, ids[1] as number)?.lastError).toMatch(/cut by the server|TLS/);
    expect(getFeed(env.db, ids[2] as number)?.lastError).toMatch(/Timed out/i);
    console.log(
      `feed TLS faults: ${ids.length} broken servers, ${s.failed} reported (${ids
        .map((id) => getFeed(env.db, id)?.lastError)
        .join(' | ')}), the healthy feed brought ${s.new} item`,
    );
  });
});
