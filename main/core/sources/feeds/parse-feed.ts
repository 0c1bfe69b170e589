import Parser from 'rss-parser';
import type { Channel } from '../../model/channels';
import type { MentionInput } from '../../model/mention';
import { htmlToText } from '../html-text';
import { parseDate } from '../importers/dates';
import { decodeFeed } from './decode';
import { feedError } from './feed-errors';

export interface FeedItem {
  guid: string | null;
  link: string | null;
  title: string | null;
  text: string;
  author: string | null;
  publishedAt: number | null;
}

export interface ParsedFeed {
  title: string | null;
  link: string | null;
  items: FeedItem[];
  channelGuess: Channel;
  charset: string;
}

// A new parser per feed: rss-parser reuses one xml2js parser, whose state an earlier malformed
// document can leave broken. defaultRSS 2 reads <rss> documents that omit their version.
const newParser = (): Parser =>
  new Parser({ defaultRSS: 2, customFields: { item: [['dc:creator', 'creator']] } });

/** Google Alerts/News wrap links in google.com/url?q=… redirects: keep the real address. */
export function unwrapGoogleLink(link: string | null): string | null {
  if (!link) return null;
  try {
    const u = new URL(link);
    if (/(^|\.)google\.[a-z.]+$/.test(u.hostname) && u.pathname === '/url')
      return u.searchParams.get('url') ?? u.searchParams.get('q') ?? link;
  } catch {
    return link;
  }
  return link;
}

export function guessChannel(feedUrl: string, feedLink: string | null): Channel {
  const s = `${feedUrl} ${feedLink ?? ''}`.toLowerCase();
  if (s.includes('reddit.com')) return 'reddit';
  if (s.includes('youtube.com')) return 'youtube';
  if (/\/tags\/[^/]+\.rss|mastodon|\/@[\w.]+\.rss/.test(s)) return 'mastodon';
  if (s.includes('google.com/alerts') || s.includes('news.google.') || s.includes('/feeds/news'))
    return 'news';
  if (/blog|wordpress|blogspot|medium\.com|substack/.test(s)) return 'blog';
  if (/forum|forocoches|discourse/.test(s)) return 'forum';
  return 'news';
}

function jsonFeed(
  text: string,
): { title: string | null; link: string | null; items: FeedItem[] } | null {
  let j: Record<string, unknown>;
  try {
    j = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof j['version'] !== 'string' || !String(j['version']).includes('jsonfeed')) return null;
  const items = ((j['items'] as Array<Record<string, unknown>> | undefined) ?? []).map((it) => ({
    guid: typeof it['id'] === 'string' || typeof it['id'] === 'number' ? String(it['id']) : null,
    link: typeof it['url'] === 'string' ? it['url'] : null,
    title: typeof it['title'] === 'string' ? htmlToText(it['title']) : null,
    text: htmlToText(String(it['content_text'] ?? it['content_html'] ?? it['summary'] ?? '')),
    author:
      typeof (it['author'] as { name?: unknown } | undefined)?.name === 'string'
        ? String((it['author'] as { name: string }).name)
        : null,
    publishedAt: parseDate(it['date_published'] ?? it['date_modified']),
  }));
  return {
    title: typeof j['title'] === 'string' ? j['title'] : null,
    link: typeof j['home_page_url'] === 'string' ? j['home_page_url'] : null,
    items,
  };
}

function repairFeed(xml: string): string | null {
  const embedded = /<(feed|rss|rdf:RDF)\b[\s\S]*<\/\1>/.exec(xml);
  if (embedded && embedded.index > 0 && !/^<\?xml[^>]*\?>\s*<(feed|rss|rdf:RDF)\b/.test(xml))
    return embedded[0];
  const root = /<(rss|feed|rdf:RDF)\b/.exec(xml)?.[1];
  if (root && !new RegExp(`</${root}>\\s*$`).test(xml)) {
    const channel =
      root === 'rss' && /<channel\b/.test(xml) && !/<\/channel>/.test(xml) ? '</channel>' : '';
    return `${xml}${channel}</${root}>`;
  }
  return null;
}

/** Parses RSS 0.9x/1.0/2.0, Atom and JSON Feed bytes; throws a plain-words error otherwise. */
export async function parseFeed(
  body: Buffer,
  contentType: string | null,
  feedUrl: string,
): Promise<ParsedFeed> {
  const { text, charset } = decodeFeed(body, contentType);
  const start = text.trimStart();
  const asJson = start.startsWith('{') ? jsonFeed(start) : null;
  if (asJson) return { ...asJson, channelGuess: guessChannel(feedUrl, asJson.link), charset };
  if (/^<!doctype html|^<html/i.test(start)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(start)?.[1]?.trim();
    throw new Error(title ? feedError('webPageTitled', { title }) : feedError('webPage'));
  }
  if (!start) throw new Error(feedError('emptyDocument'));
  let feed: Awaited<ReturnType<Parser['parseString']>>;
  try {
    feed = await newParser().parseString(start);
  } catch (e) {
    // Be liberal in what we accept, like feed readers are: a feed wrapped in an XHTML page, or
    // one cut before its closing tag, still has readable items. Anything else is reported.
    const repaired = repairFeed(start);
    const reason = feedError('unreadable', { detail: (e as Error).message.split('\n')[0] ?? '' });
    if (!repaired) throw new Error(reason, { cause: e });
    try {
      feed = await newParser().parseString(repaired);
    } catch {
      throw new Error(reason, { cause: e });
    }
  }
  const items: FeedItem[] = (feed.items ?? []).map((it) => {
    const raw = it as unknown as Record<string, unknown>;
    const html = String(
      raw['content:encoded'] ?? it.content ?? it.contentSnippet ?? it.summary ?? '',
    );
    const author = (raw['creator'] ?? raw['author'] ?? null) as unknown;
    return {
      guid: it.guid
        ? String(it.guid)
        : typeof raw['id'] === 'string'
          ? (raw['id'] as string)
          : null,
      link: unwrapGoogleLink(it.link ?? null),
      title: it.title ? htmlToText(it.title) : null,
      text: htmlToText(html),
      author: typeof author === 'string' && author.trim() ? author.trim() : null,
      publishedAt: parseDate(it.isoDate ?? it.pubDate ?? raw['updated'] ?? null),
    };
  });
  return {
    title: feed.title ? htmlToText(feed.title) : null,
    link: feed.link ?? null,
    items,
    channelGuess: guessChannel(feedUrl, feed.link ?? null),
    charset,
  };
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whole-word, accent- and case-insensitive keyword match; exclusions veto. */
export function matchesKeywords(text: string, keywords: string[], excludes: string[]): boolean {
  const t = ` ${fold(text).replace(/[^\p{L}\p{N}#@]+/gu, ' ')} `;
  const has = (k: string): boolean => {
    const w = fold(k)
      .replace(/[^\p{L}\p{N}#@]+/gu, ' ')
      .trim();
    return w.length > 0 && (t.includes(` ${w} `) || t.includes(` #${w} `) || t.includes(` @${w} `));
  };
  if (excludes.some(has)) return false;
  return keywords.length === 0 || keywords.some(has);
}

/** Feed items → mentions. Items without text or title are skipped. */
export function itemsToMentions(
  items: FeedItem[],
  channel: Channel,
  fetchedAt: number,
): MentionInput[] {
  const out: MentionInput[] = [];
  for (const it of items) {
    const text = it.text || it.title || '';
    if (!text) continue;
    out.push({
      channel,
      // guid, else link; without both the store keys the item by a hash of its text, author
      // and date (mention-key.ts)
      externalId: it.guid ?? it.link ?? null,
      postedAt: it.publishedAt ?? fetchedAt,
      ...(it.publishedAt === null ? { undated: true } : {}),
      text,
      title: it.title,
      url: it.link,
      authorHandle: it.author,
      authorName: it.author,
    });
  }
  return out;
}
