import { sentences } from '../sentences';

/**
 * Why a feed could not be fetched or read, as a key and the values it names. The CLI prints
 * and the feed's state stores the English sentence; the app reads the key back and says it in
 * the UI language with what to do (renderer `sources.feedErrors.<key>`).
 */
const TEXT = {
  // what came back is not a feed (parse-feed.ts)
  webPageTitled: 'Not a feed: the address returns a web page (“{title}”)',
  webPage: 'Not a feed: the address returns a web page',
  emptyDocument: 'Not a feed: the server returned an empty document',
  unreadable: 'Not a readable feed: {detail}',
  // the request (fetch-feed.ts)
  onlyHttp: 'Only http and https feeds can be fetched (got {protocol})',
  movedNowhere: 'The server answered {status} without saying where the feed moved',
  redirectLoop: 'Redirect loop: {chain}',
  tooManyRedirects: 'Too many redirects (more than {max})',
  needsLogin: 'The server answered {status}: the feed needs a login',
  forbidden: 'The server answered {status}: the server refused access',
  notFound: 'The server answered {status}: the feed address may have changed',
  gone: 'The server answered {status}: the feed was removed',
  slowDown: 'The server answered {status}: the server asks to slow down',
  serverError: 'The server answered {status}: the server had an internal error',
  badGateway: 'The server answered {status}: the server’s gateway failed',
  unavailable: 'The server answered {status}: the server is temporarily unavailable',
  otherStatus: 'The server answered {status}: the server did not return the feed',
  notModifiedFirst: 'The server answered 304 Not Modified to a first request',
  tooLarge: 'The feed is larger than {mb} MB ({bytes} bytes): not downloaded',
  tooLargeDecompressed: 'The feed is larger than {mb} MB once decompressed: stopped reading',
  // the connection (fetch-feed.ts)
  timedOut: 'Timed out after {seconds} s: the server is too slow or not answering',
  hostNotFound:
    'The server name could not be found (check the address, or the internet connection)',
  connectionRefused: 'The server refused the connection',
  connectionReset: 'The connection was cut by the server',
  connectionTimedOut: 'The connection timed out',
  certExpired: 'The server’s security certificate has expired',
  certSelfSigned: 'The server’s security certificate is not trusted (self-signed)',
  certOtherName: 'The server’s security certificate is for another name',
  certUnverified: 'The server’s security certificate cannot be verified',
  damagedCompression: 'The server sent a damaged compressed response',
  tlsFailed:
    'The secure connection (TLS) failed: the server does not speak https at this address (try http://) or its TLS is broken',
  network: 'Network error: {detail}',
} as const;

export type FeedErrorKey = keyof typeof TEXT;

/**
 * `feedError(key, params)`: the English sentence (what the CLI prints and the feed's state
 * keeps); `readFeedError(text)`: its key and values back, or null for words no template spells.
 */
export const {
  say: feedError,
  read: readFeedError,
  templates: FEED_ERROR_TEMPLATES,
} = sentences<FeedErrorKey>(TEXT);

/** The key an HTTP error status is said with (the words after "The server answered N:"). */
export const STATUS_KEYS: Readonly<Record<number, FeedErrorKey>> = {
  401: 'needsLogin',
  403: 'forbidden',
  404: 'notFound',
  410: 'gone',
  429: 'slowDown',
  500: 'serverError',
  502: 'badGateway',
  503: 'unavailable',
};
