import type { Channel } from '../../model/channels';
import { normaliseHeader } from './mapping';

/**
 * Why a generic file's (CSV, TSV, JSON) rows get a channel when no row column says so: its
 * columns are ones only that network's exports have (then every row is that network), or
 * its links point to networks (then each row takes the network of its own link).
 */
export type ChannelHint =
  | { channel: Channel; from: 'urls'; domain: string; matching: number; sampled: number }
  | { channel: Channel; from: 'columns'; columns: string[] };

/** Hosts (and their subdomains) whose post links name the channel. */
const DOMAINS: Array<[string, Channel]> = [
  ['twitter.com', 'twitter'],
  ['x.com', 'twitter'],
  ['facebook.com', 'facebook'],
  ['fb.com', 'facebook'],
  ['instagram.com', 'instagram'],
  ['reddit.com', 'reddit'],
  ['youtube.com', 'youtube'],
  ['youtu.be', 'youtube'],
];

/**
 * Column names (normalised as for the mapping) that the Twitter/X API and the tools built
 * on it write and no other network's export does: `tweet_id`, `id_str`, `screen_name`…
 * Generic names such as `text`, `id` or `likes` prove nothing.
 */
const TWEET_COLUMNS = new Set([
  'tweet',
  'tweet id',
  'tweet url',
  'tweet text',
  'id str',
  'screen name',
  'user screen name',
  'retweet count',
  'retweets',
  'retweeted',
  'favorite count',
  'quote count',
  'in reply to status id',
  'in reply to status id str',
  'in reply to screen name',
  'in reply to user id str',
]);

function networkOfUrl(value: string): [string, Channel] | null {
  let host: string;
  try {
    host = new URL(value.trim()).hostname.toLowerCase();
  } catch {
    return null;
  }
  return DOMAINS.find(([d]) => host === d || host.endsWith(`.${d}`)) ?? null;
}

/**
 * The network a post's own link names, or null. Decided row by row, never from the rest of
 * the file: the channel is part of the natural key, so the same post must get the same
 * channel in whichever export it arrives (a file-wide share of links would key an
 * overlapping post differently in next week's export with more news links in it).
 */
export function channelOfUrl(value: unknown): Channel | null {
  return typeof value === 'string' && value !== '' ? (networkOfUrl(value)?.[1] ?? null) : null;
}

/**
 * What decides the channel of a generic file's rows that carry no channel of their own, with
 * the evidence, or null (they stay `other`). `urls` are sample values of the mapped url
 * column. Tweet-only columns come first: they hold for every row of the file, while a link
 * column is read row by row (the hint names the network most sampled links point to).
 */
export function channelHint(headers: string[], urls: string[]): ChannelHint | null {
  const columns = headers.filter((h) =>
    TWEET_COLUMNS.has(normaliseHeader(h.split('.').pop() ?? h)),
  );
  if (columns.length > 0) return { channel: 'twitter', from: 'columns', columns };
  const links = urls.filter((u) => u.trim() !== '');
  if (links.length > 0) {
    const counts = new Map<string, { channel: Channel; n: number }>();
    for (const u of links) {
      const hit = networkOfUrl(u);
      if (!hit) continue;
      const c = counts.get(hit[0]) ?? { channel: hit[1], n: 0 };
      c.n++;
      counts.set(hit[0], c);
    }
    const byChannel = new Map<Channel, number>();
    for (const { channel, n } of counts.values())
      byChannel.set(channel, (byChannel.get(channel) ?? 0) + n);
    const top = [...byChannel].sort((a, b) => b[1] - a[1])[0];
    if (top) {
      const [channel, n] = top;
      const domain =
        [...counts]
          .filter(([, c]) => c.channel === channel)
          .sort((a, b) => b[1].n - a[1].n)[0]?.[0] ?? '';
      return { channel, from: 'urls', domain, matching: n, sampled: links.length };
    }
  }
  return null;
}
