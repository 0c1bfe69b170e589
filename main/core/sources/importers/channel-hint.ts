import type { Channel } from '../../model/channels';
import { normaliseHeader } from './mapping';

/**
 * Why a generic file (CSV, TSV, JSON) is taken to come from one channel when no row says so:
 * its links point to that network, or its columns are ones only that network's exports have.
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

/** Share of sampled links that must point to one network before the file is taken as it. */
const URL_SHARE = 0.8;

function channelOfUrl(value: string): [string, Channel] | null {
  let host: string;
  try {
    host = new URL(value.trim()).hostname.toLowerCase();
  } catch {
    return null;
  }
  return DOMAINS.find(([d]) => host === d || host.endsWith(`.${d}`)) ?? null;
}

/**
 * The channel a generic file's rows get when they carry no channel of their own, with the
 * evidence, or null (they stay `other`). `urls` are sample values of the mapped url column.
 */
export function channelHint(headers: string[], urls: string[]): ChannelHint | null {
  const links = urls.filter((u) => u.trim() !== '');
  if (links.length > 0) {
    const counts = new Map<string, { channel: Channel; n: number }>();
    for (const u of links) {
      const hit = channelOfUrl(u);
      if (!hit) continue;
      const c = counts.get(hit[0]) ?? { channel: hit[1], n: 0 };
      c.n++;
      counts.set(hit[0], c);
    }
    const byChannel = new Map<Channel, number>();
    for (const { channel, n } of counts.values())
      byChannel.set(channel, (byChannel.get(channel) ?? 0) + n);
    for (const [channel, n] of byChannel) {
      if (n / links.length < URL_SHARE) continue;
      const domain =
        [...counts]
          .filter(([, c]) => c.channel === channel)
          .sort((a, b) => b[1].n - a[1].n)[0]?.[0] ?? '';
      return { channel, from: 'urls', domain, matching: n, sampled: links.length };
    }
  }
  const columns = headers.filter((h) =>
    TWEET_COLUMNS.has(normaliseHeader(h.split('.').pop() ?? h)),
  );
  return columns.length > 0 ? { channel: 'twitter', from: 'columns', columns } : null;
}
