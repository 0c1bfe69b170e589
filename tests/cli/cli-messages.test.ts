import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir, type TempDir } from '../helpers/workspace';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Acme news</title><link>https://n.example/</link><description>x</description>
<item><guid>a1</guid><title>acme opens</title><link>https://n.example/1</link><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;

/** What a first-time user reads on stderr when a command does not do what they expected. */
describe('CLI messages a new user meets', () => {
  let tmp: TempDir;
  let ws: string;
  beforeEach(async () => {
    tmp = tempDir();
    ws = tmp.path('acme.atalaya');
    expect((await cli(['workspace', 'create', ws, '--brand', 'Acme'])).code).toBe(0);
  });
  afterEach(() => tmp.cleanup());

  it('workspace create names the option that was wrong, and a folder that does not exist', async () => {
    const create = (...flags: string[]) =>
      cli(['workspace', 'create', tmp.path('b.atalaya'), '--brand', 'B', ...flags]);
    const tz = await create('--timezone', 'Mars/Base');
    expect(tz.code).toBe(2);
    expect(tz.stderr).toMatch(
      /^--timezone Mars\/Base: unknown time zone \(e\.g\. Europe\/Madrid\)\n/,
    );
    const handle = await create('--handle', 'tiktok:acme');
    expect(handle.code).toBe(2);
    expect(handle.stderr).toMatch(
      /^--handle tiktok:acme: the channel is one of twitter, facebook, /,
    );
    const dir = await cli(['workspace', 'create', tmp.path('nueva/b.atalaya'), '--brand', 'B']);
    expect(dir.code).toBe(1);
    expect(dir.stderr).toMatch(
      /^The folder \S+nueva does not exist: create it first or choose another place\n$/,
    );
  });

  it('a workspace that does not exist yet says how to make one (serve, import)', async () => {
    const missing = tmp.path('tienda.atalaya');
    for (const args of [
      ['serve', '--workspace', missing, '--port', '0'],
      ['import', tmp.path('x.csv'), '--workspace', missing],
    ]) {
      const r = await cli(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toBe(
        `No workspace file at ${missing}: check the path, or make one with workspace create ${missing} --brand NAME\n`,
      );
    }
  });

  it('a file that is not an export is named once, with its reason, on one line', async () => {
    writeFileSync(tmp.path('notes.txt'), 'hello world, my notes\n');
    const r = await cli(['import', tmp.path('notes.txt'), '--workspace', ws]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^notes\.txt: could not tell the format/);
  });

  it('--map with a field Atalaya does not know is bad usage that lists the fields', async () => {
    writeFileSync(tmp.path('semi.csv'), 'when;who;what\n2026-11-20;bob;acme is slow\n');
    const r = await cli([
      'import',
      tmp.path('semi.csv'),
      '--workspace',
      ws,
      '--map',
      'txt=what,date=when',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--map: unknown field "txt"; the fields are id, date, text, /);
  });

  it('authors says when there is nobody yet, and when the list stops at 50', async () => {
    const none = await cli(['authors', '--workspace', ws]);
    expect(none).toMatchObject({ code: 0, stdout: '' });
    expect(none.stderr).toMatch(/^No authors yet: import an export or poll a feed first/);
    const rows = Array.from(
      { length: 53 },
      (_, i) =>
        `2026-11-${String((i % 28) + 1).padStart(2, '0')} 10:00,@user${i},acme tarda mucho con el pedido ${i}`,
    );
    writeFileSync(tmp.path('many.csv'), `Fecha,Autor,Texto\n${rows.join('\n')}\n`);
    expect((await cli(['import', tmp.path('many.csv'), '--workspace', ws])).code).toBe(0);
    const many = await cli(['authors', '--workspace', ws]);
    expect(many.stdout.trim().split('\n')).toHaveLength(50);
    expect(many.stderr).toMatch(/^… and 3 more: --json lists them all/);
  });

  it('report refuses a period that ends before it starts', async () => {
    const out = tmp.path('informe.html');
    const r = await cli([
      'report',
      '--workspace',
      ws,
      '--from',
      '2026-02-20',
      '--to',
      '2026-02-10',
      '--out',
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--from \(2026-02-20\) must be before --to \(2026-02-10\)/);
    expect(existsSync(out)).toBe(false);
  });

  describe('poll --once with nothing due', () => {
    let server: Server;
    beforeEach(async () => {
      server = createServer((_req, res) =>
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(FEED),
      );
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    });
    afterEach(() => new Promise<void>((r) => server.close(() => r())));

    it('says when the next feed is due and how to poll now, instead of "0 feeds polled"', async () => {
      expect((await cli(['poll', '--workspace', ws, '--once'])).stderr).toMatch(
        /^No feeds to poll: add one with feeds add/,
      );
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
      expect((await cli(['feeds', 'add', url, '--workspace', ws])).code).toBe(0);
      const first = await cli(['poll', '--workspace', ws, '--once']);
      expect(first.stderr).toMatch(/^1 feeds polled: 1 new mentions/);
      const again = await cli(['poll', '--workspace', ws, '--once']);
      expect(again.code).toBe(0);
      expect(again.stderr).toMatch(
        /^No feed is due yet \(1 feeds; the next at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\): --all polls them all now/,
      );
      const json = await cli(['poll', '--workspace', ws, '--once', '--json']);
      expect(JSON.parse(json.stdout)).toMatchObject({
        feeds: 0,
        new: 0,
        notModified: 0,
        failed: 0,
      });
    });
  });
});
