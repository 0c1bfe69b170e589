import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { EventHub } from '../api/event-hub';
import type { Deps } from '../api/deps';
import { callMethod } from '../api/router';
import { authorize, CONTENT_SECURITY_POLICY, TOKEN_COOKIE } from './security';

export interface ServeOptions {
  deps: Deps;
  hub: EventHub;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest accepted API request body. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return; // keep draining so the 413 can be delivered
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function serveStatic(rendererDir: string, pathname: string, res: ServerResponse): void {
  const root = resolve(rendererDir);
  let rel = decodeURIComponent(pathname);
  if (rel === '/' || !extname(rel)) rel = '/index.html'; // client-side routes get the app shell
  const file = resolve(join(root, rel));
  if (!file.startsWith(root + sep)) {
    res.writeHead(403).end('Forbidden');
    return;
  }
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': isHtml ? 'no-store' : 'private, max-age=3600',
  });
  createReadStream(file).pipe(res);
}

/**
 * Browser mode: the built renderer and the API contract over HTTP, on 127.0.0.1 only,
 * behind a random token handed over in the printed URL.
 */
export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  // Uploads arrive in chunks of up to 4 MiB of base64 text; nothing legitimate is larger.
  const maxBody = opts.maxBodyBytes ?? 5 * 1024 * 1024;
  let port = 0;
  const server = createServer((req, res) => {
    baseHeaders(res);
    const verdict = authorize(req, token, port);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(
        verdict.status === 401
          ? 'Unauthorized: open the URL Atalaya printed (it carries the token)'
          : 'Forbidden',
      );
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (verdict.via === 'query' && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      // Trade the token in the URL for a cookie, then drop it from the address bar.
      url.searchParams.delete('token');
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: `${url.pathname}${url.search}` }).end();
      return;
    }
    if (url.pathname.startsWith('/api/call/')) {
      void handleCall(url.pathname.slice('/api/call/'.length), req, res);
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const unsubscribe = opts.hub.subscribe((event, payload) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      req.on('close', unsubscribe);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(opts.rendererDir, url.pathname, res);
  });

  async function handleCall(
    method: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'method', message: 'POST only' } });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, {
        ok: false,
        error: { code: 'validation', message: 'JSON body expected' },
      });
    }
    const body = await readBody(req, maxBody);
    if (body === 'too_large') {
      return sendJson(res, 413, {
        ok: false,
        error: { code: 'validation', message: `Request larger than ${maxBody} bytes` },
      });
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'validation', message: 'Body is not valid JSON' },
      });
    }
    const result = await callMethod(opts.deps, decodeURIComponent(method), input);
    const status = result.ok
      ? 200
      : result.error.code === 'validation' || result.error.code === 'unknown_method'
        ? 400
        : 200;
    sendJson(res, status, result);
  }

  server.requestTimeout = 60_000;
  server.headersTimeout = 15_000;
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolveStart({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
