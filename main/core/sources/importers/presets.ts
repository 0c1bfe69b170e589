import type { Channel } from '../../model/channels';
import type { MentionInput } from '../../model/mention';
import { htmlToText } from '../html-text';
import { parseDate } from './dates';
import { normaliseHeader } from './mapping';
import { str } from './types';

export type PresetFormat = 'reddit' | 'youtube' | 'trustpilot';

/**
 * A CSV export whose header is known (SCHEMA_NOTES.md). `columns` lists, per mapping field,
 * the header names seen for it (matched ignoring case and punctuation); `finish` adjusts the
 * generic mention and may add a second one (the company's answer to a review).
 */
export interface Preset {
  channel: Channel;
  columns: Record<string, string[]>;
  textTransform?: (s: string) => string;
  titleAsText?: boolean;
  finish?: (rec: Record<string, string>, m: MentionInput) => MentionInput | MentionInput[];
}

/** Reddit fullnames (`t1_abc` comment, `t3_xyz` post) → the bare id the rows are keyed by. */
export function redditId(v: string | null | undefined): string | null {
  const s = v?.trim();
  if (!s) return null;
  const fromUrl = /\/comments\/([a-z0-9]+)/i.exec(s);
  if (fromUrl?.[1]) return fromUrl[1];
  return s.replace(/^t\d_/, '');
}

/**
 * YouTube Takeout comment text: recent exports write JSON segments (`{"text":"a"}` or
 * several, comma-separated, with mentions and links as their own segments); older ones HTML.
 */
export function youtubeText(s: string): string {
  const t = s.trim();
  if (t.startsWith('{')) {
    try {
      const parsed = JSON.parse(`[${t}]`) as unknown[];
      const parts = parsed.flatMap((p) => {
        if (!p || typeof p !== 'object') return [];
        const o = p as { text?: unknown; takeoutSegments?: Array<{ text?: unknown }> };
        if (Array.isArray(o.takeoutSegments))
          return o.takeoutSegments.map((seg) => (typeof seg.text === 'string' ? seg.text : ''));
        return typeof o.text === 'string' ? [o.text] : [];
      });
      if (parts.length) return parts.join('');
    } catch {
      // not JSON after all: read it as HTML
    }
  }
  return htmlToText(t);
}

export const PRESETS: Record<PresetFormat, Preset> = {
  reddit: {
    channel: 'reddit',
    columns: {
      id: ['id'],
      date: ['date'],
      text: ['body'],
      title: ['title'],
      url: ['permalink'],
      reply_to: ['parent'],
      thread: ['link'],
    },
    titleAsText: true,
    finish: (rec, m) => ({
      ...m,
      replyToId: redditId(m.replyToId),
      // posts.csv has no link column: a post is its own thread.
      threadId: redditId(m.threadId) ?? (rec['link'] === undefined ? m.externalId : null),
    }),
  },
  youtube: {
    channel: 'youtube',
    columns: {
      id: ['Comment ID'],
      date: ['Comment Create Timestamp', 'Comment Created Timestamp'],
      text: ['Comment Text'],
      author: ['Channel ID'],
      reply_to: ['Parent Comment ID'],
      thread: ['Video ID', 'Post ID'],
    },
    textTransform: youtubeText,
    finish: (rec, m) => {
      const video = str(rec['Video ID'])?.trim();
      return video && m.externalId
        ? { ...m, url: `https://www.youtube.com/watch?v=${video}&lc=${m.externalId}` }
        : m;
    },
  },
  trustpilot: {
    channel: 'reviews',
    columns: {
      id: ['Review Id', 'Review ID'],
      date: ['Review Created (UTC)', 'Review Date', 'Date'],
      text: ['Review Content', 'Review Text'],
      title: ['Review Title'],
      rating: ['Review Stars', 'Stars', 'Rating'],
      author: ['Review Consumer User Id', 'Consumer User Id', 'Review Consumer User ID'],
      author_name: ['Review Consumer Name', 'Consumer Name'],
      lang: ['Review Language', 'Language'],
      url: ['Review Url', 'Review URL'],
    },
    finish: (rec, m) => {
      // The company's public answer is a brand post replying to the review.
      const col = (name: string): string | undefined =>
        Object.keys(rec).find((k) => normaliseHeader(k) === normaliseHeader(name));
      const replyCol = col('Reply Content') ?? col('Company Reply');
      const replyDateCol = col('Reply Date (UTC)') ?? col('Company Reply Date (UTC)');
      const text = replyCol ? str(rec[replyCol])?.trim() : null;
      const at = replyDateCol ? parseDate(rec[replyDateCol]) : null;
      if (!text || at === null || !m.externalId) return m;
      return [
        m,
        {
          channel: m.channel,
          externalId: `${m.externalId}/reply`,
          postedAt: at,
          text,
          authorHandle: null,
          fromBrand: true,
          replyToId: m.externalId,
          threadId: m.externalId,
          raw: {
            [replyCol as string]: text,
            [replyDateCol as string]: rec[replyDateCol as string],
          },
        },
      ];
    },
  },
};

/** The preset's columns as found in this file's header (case and punctuation ignored). */
export function presetMap(preset: Preset, headers: string[]): Record<string, string> {
  const byNorm = new Map(headers.map((h) => [normaliseHeader(h), h]));
  const map: Record<string, string> = {};
  for (const [field, names] of Object.entries(preset.columns)) {
    for (const n of names) {
      const h = byNorm.get(normaliseHeader(n));
      if (h) {
        map[field] = h;
        break;
      }
    }
  }
  return map;
}
