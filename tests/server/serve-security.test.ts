import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../main/core/server/http-server';
import { workspaceDeps } from '../helpers/workspace';

/** Raw HTTP so that Host/Origin headers can be forged like a DNS-rebinding page would. */
function raw(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }),
      );
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('serve mode security', () => {
  let env: ReturnType<typeof workspaceDeps>;
  let s: RunningServer;
  let host: string;
  beforeAll(async () => {
    env = workspaceDeps();
    mkdirSync(env.tmp.path('ui/assets'), { recursive: true });
    writeFileSync(env.tmp.path('ui/index.html'), '<!doctype html><title>Atalaya</title>');
    writeFileSync(env.tmp.path('ui/assets/app.js'), 'console.log(1)');
    writeFileSync(env.tmp.path('secret.txt'), 'do not serve');
    s = await startServer({
      deps: env.deps,
      hub: env.hub,
      rendererDir: env.tmp.path('ui'),
      maxBodyBytes: 2048,
    });
    host = `127.0.0.1:${s.port}`;
  });
  afterAll(async () => {
    await s.close();
    env.cleanup();
  });

  it('prints a loopback URL with a long random token', () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses pages, assets and API calls without the token (401)', async () => {
    expect((await raw(s.port, '/', { Host: host })).status).toBe(401);
    expect((await raw(s.port, '/assets/app.js', { Host: host })).status).toBe(401);
    const api = await raw(
      s.port,
      '/api/call/workspace.get',
      { Host: host, 'Content-Type': 'application/json' },
      'POST',
      '{}',
    );
    expect(api.status).toBe(401);
    expect(api.body).not.toContain('Acme');
    expect((await raw(s.port, '/?token=wrong', { Host: host })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly SameSite cookie, then serves with it', async () => {
    const first = await raw(s.port, `/?token=${s.token}`, { Host: host });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await raw(s.port, '/', { Host: host, Cookie: cookie.split(';')[0] ?? '' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a foreign Host or Origin even with the token (403, DNS rebinding)', async () => {
    const auth = { 'x-atalaya-token': s.token };
    expect((await raw(s.port, '/', { ...auth, Host: `evil.example:${s.port}` })).status).toBe(403);
    expect(
      (await raw(s.port, '/', { ...auth, Host: host, Origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect(
      (await raw(s.port, '/', { ...auth, Host: host, 'Sec-Fetch-Site': 'cross-site' })).status,
    ).toBe(403);
    expect(
      (
        await raw(s.port, '/', {
          ...auth,
          Host: `localhost:${s.port}`,
          Origin: `http://localhost:${s.port}`,
        })
      ).status,
    ).toBe(200);
  });

  it('limits request bodies and requires JSON', async () => {
    const auth = { Host: host, 'x-atalaya-token': s.token };
    const big = await raw(
      s.port,
      '/api/call/workspace.update',
      { ...auth, 'Content-Type': 'application/json' },
      'POST',
      JSON.stringify({ brand: 'x'.repeat(5000) }),
    );
    expect(big.status).toBe(413);
    const form = await raw(
      s.port,
      '/api/call/workspace.get',
      { ...auth, 'Content-Type': 'text/plain' },
      'POST',
      '{}',
    );
    expect(form.status).toBe(415);
    const notJson = await raw(
      s.port,
      '/api/call/workspace.get',
      { ...auth, 'Content-Type': 'application/json' },
      'POST',
      '{oops',
    );
    expect(notJson.status).toBe(400);
  });

  it('never serves files outside the renderer folder', async () => {
    const auth = { Host: host, 'x-atalaya-token': s.token };
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await raw(s.port, p, auth);
      expect(r.body, p).not.toContain('do not serve');
    }
  });

  it('listens on loopback only', async () => {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no external interface on this machine: nothing to prove
    const r = await new Promise<string>((resolve) => {
      const req = request({ host: external.address, port: s.port, path: '/', timeout: 1000 }, () =>
        resolve('connected'),
      );
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      req.end();
    });
    expect(r).toBe('ECONNREFUSED');
  });
});
