import { feedError, STATUS_KEYS, type FeedErrorKey } from './feed-errors';

/** Limits that keep one bad feed server from hanging or flooding the poller. */
export interface FetchLimits {
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  totalTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

export const USER_AGENT = 'Atalaya/0.1 (+offline reputation monitor)';

export type FetchOutcome =
  | {
      kind: 'ok';
      status: number;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
    }
  | { kind: 'not_modified'; status: 304; etag: string | null; lastModified: string | null };

export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly httpStatus: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/**
 * GETs a feed with conditional headers, following at most `maxRedirects` redirects (loops are
 * named), aborting after `totalTimeoutMs` (slow-drip servers) and past `maxBytes` of decoded
 * body (endless bodies, compression bombs). Only http and https are ever fetched.
 */
export async function fetchFeed(
  url: string,
  opts: {
    etag?: string | null;
    lastModified?: string | null;
    fetch?: typeof globalThis.fetch;
    limits?: Partial<FetchLimits>;
    now?: () => number;
  },
): Promise<FetchOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const doFetch = opts.fetch ?? globalThis.fetch;
  const now = opts.now ?? Date.now;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.totalTimeoutMs);
  const seen = [url];
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const u = new URL(current);
      if (u.protocol !== 'http:' && u.protocol !== 'https:')
        throw new FeedFetchError(feedError('onlyHttp', { protocol: u.protocol }));
      const headers: Record<string, string> = {
        'User-Agent': USER_AGENT,
        Accept:
          'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, application/feed+json, */*;q=0.5',
      };
      if (opts.etag) headers['If-None-Match'] = opts.etag;
      if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;
      let res: Response;
      try {
        res = await doFetch(current, { headers, redirect: 'manual', signal: controller.signal });
      } catch (e) {
        throw describeNetworkError(e, controller.signal.aborted, limits.totalTimeoutMs);
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const loc = res.headers.get('location');
        await res.body?.cancel();
        if (!loc)
          throw new FeedFetchError(feedError('movedNowhere', { status: res.status }), res.status);
        const next = new URL(loc, current).href;
        if (seen.includes(next))
          throw new FeedFetchError(
            feedError('redirectLoop', { chain: [...seen, next].join(' → ') }),
            res.status,
          );
        if (hop + 1 > limits.maxRedirects)
          throw new FeedFetchError(
            feedError('tooManyRedirects', { max: limits.maxRedirects }),
            res.status,
          );
        seen.push(next);
        current = next;
        continue;
      }
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (res.status === 304) {
        await res.body?.cancel();
        return {
          kind: 'not_modified',
          status: 304,
          etag: etag ?? opts.etag ?? null,
          lastModified: lastModified ?? opts.lastModified ?? null,
        };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel();
        const retry =
          res.status === 429 || res.status === 503
            ? parseRetryAfter(res.headers.get('retry-after'), now())
            : null;
        throw new FeedFetchError(
          feedError(STATUS_KEYS[res.status] ?? 'otherStatus', {
            status: `${res.status} ${res.statusText || ''}`.trim(),
          }),
          res.status,
          retry,
        );
      }
      const body = await readLimited(res, limits.maxBytes, controller, limits.totalTimeoutMs);
      return {
        kind: 'ok',
        status: res.status,
        body,
        contentType: res.headers.get('content-type'),
        etag,
        lastModified,
        finalUrl: current,
      };
    }
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(
  res: Response,
  max: number,
  controller: AbortController,
  timeoutMs: number,
): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max && !res.headers.get('content-encoding')) {
    await res.body?.cancel();
    throw new FeedFetchError(
      feedError('tooLarge', { mb: Math.round(max / 1024 / 1024), bytes: declared }),
    );
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        controller.abort();
        throw new FeedFetchError(
          feedError('tooLargeDecompressed', { mb: Math.round(max / 1024 / 1024) }),
        );
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof FeedFetchError) throw e;
    throw describeNetworkError(e, controller.signal.aborted, timeoutMs);
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks);
}

function describeNetworkError(e: unknown, aborted: boolean, timeoutMs: number): FeedFetchError {
  if (aborted)
    return new FeedFetchError(feedError('timedOut', { seconds: Math.round(timeoutMs / 1000) }));
  const err = e as { cause?: { code?: string; message?: string }; message?: string };
  const code = err.cause?.code ?? '';
  const map: Record<string, FeedErrorKey> = {
    ENOTFOUND: 'hostNotFound',
    ECONNREFUSED: 'connectionRefused',
    ECONNRESET: 'connectionReset',
    ETIMEDOUT: 'connectionTimedOut',
    UND_ERR_CONNECT_TIMEOUT: 'connectionTimedOut',
    CERT_HAS_EXPIRED: 'certExpired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'certSelfSigned',
    ERR_TLS_CERT_ALTNAME_INVALID: 'certOtherName',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certUnverified',
    Z_DATA_ERROR: 'damagedCompression',
  };
  const known = map[code];
  if (known) return new FeedFetchError(feedError(known));
  const detail = err.cause?.message ?? err.message ?? String(e);
  // OpenSSL's own text is several lines of library internals: say what it means instead.
  if (code.startsWith('ERR_SSL_') || /SSL routines|ssl3_|tls_/i.test(detail)) {
    return new FeedFetchError(feedError('tlsFailed'));
  }
  return new FeedFetchError(
    feedError('network', { detail: detail.split('\n')[0]?.slice(0, 300) ?? '' }),
  );
}
