import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'atalaya_token';

/** CSP for the UI in browser mode; the Electron shell uses the same policy. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export type AuthVerdict =
  | { ok: true; via: 'cookie' | 'header' | 'query' }
  | { ok: false; status: 401 | 403; reason: string };

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

/**
 * Decides whether a request may reach the UI or the API. The Host and Origin checks stop
 * DNS-rebinding pages (which reach 127.0.0.1 under a foreign host name); the token stops
 * every other local process and page from using the API.
 */
export function authorize(req: IncomingMessage, token: string, port: number): AuthVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host.toLowerCase())) {
    return { ok: false, status: 403, reason: 'foreign Host header' };
  }
  const origin = req.headers.origin;
  if (
    origin !== undefined &&
    !allowedHosts.map((h) => `http://${h}`).includes(origin.toLowerCase())
  ) {
    return { ok: false, status: 403, reason: 'foreign Origin' };
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') {
    return { ok: false, status: 403, reason: 'cross-site request' };
  }
  const url = new URL(req.url ?? '/', `http://${host}`);
  const q = url.searchParams.get('token');
  if (q !== null && sameToken(q, token)) return { ok: true, via: 'query' };
  const header = req.headers['x-atalaya-token'];
  if (typeof header === 'string' && sameToken(header, token)) return { ok: true, via: 'header' };
  const cookie = cookieValue(req.headers.cookie, TOKEN_COOKIE);
  if (cookie !== null && sameToken(cookie, token)) return { ok: true, via: 'cookie' };
  return { ok: false, status: 401, reason: 'missing or wrong token' };
}
