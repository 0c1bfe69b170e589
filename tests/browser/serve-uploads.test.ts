import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, startServe } from './harness';

describe('serve leaves no upload folder behind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-serve-tmp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('files dropped but not imported, and a half-sent one, go when serve stops', async () => {
    requireBuild();
    const ws = join(dir, 'shop.atalaya');
    expect(runCli(['workspace', 'create', ws, '--brand', 'Acme']).code).toBe(0);
    // serve's temp folder is this test's (os.tmpdir() follows TMPDIR)
    const serve = await startServe(ws, { TMPDIR: dir });
    const upload = async (body: object) => {
      const r = await fetch(`http://127.0.0.1:${serve.port}/api/call/sources.upload`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-atalaya-token': new URL(serve.url).searchParams.get('token') ?? '',
        },
        body: JSON.stringify(body),
      });
      return (await r.json()) as { ok: boolean; value: { uploadId: string } };
    };
    const data = Buffer.from('date,text\n2026-11-20,hola\n').toString('base64');
    expect((await upload({ name: 'dropped.csv', data, last: true })).ok).toBe(true);
    expect((await upload({ name: 'half.csv', data, last: false })).ok).toBe(true);
    const uploads = () => readdirSync(dir).filter((n) => n.startsWith('atalaya-uploads-'));
    expect(uploads()).toEqual([`atalaya-uploads-${serve.proc.pid}`]);
    const exited = new Promise<number | null>((done) => serve.proc.once('exit', done));
    serve.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(uploads()).toEqual([]);
  });
});
