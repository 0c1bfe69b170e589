import type { MentionInput } from '../../model/mention';
import { parseDate } from './dates';
import { jsonRecordsPath } from './generic';
import { streamJsonValues } from './json-stream';
import type { TextSource } from './text-source';
import { getPath, str, type ParsedRow } from './types';
import { rowReason } from './row-reasons';

/**
 * Facebook and Instagram exports write UTF-8 bytes as Latin-1 escapes ("Ã©" for "é"); undo it
 * when the string decodes cleanly that way, and leave genuine Latin-1 text alone.
 */
export function fixMojibake(s: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(s)) return s;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return s;
  const bytes = Buffer.from(s, 'latin1');
  const fixed = bytes.toString('utf8');
  return fixed.includes('\ufffd') ? s : fixed;
}

const fx = (v: unknown): string | null => {
  const s = str(v);
  return s === null ? null : fixMojibake(s);
};

/** Facebook posts files are an array; comments files hold `comments_v2` (older: `comments`). */
export function facebookRecordsPath(head: string): string {
  const t = head.trimStart();
  if (t.startsWith('[')) return '$.*';
  if (t.includes('"comments_v2"')) return '$.comments_v2.*';
  return /"comments"\s*:\s*\[/.test(t) ? '$.comments.*' : jsonRecordsPath(t);
}

/** Instagram files are an array, or an object holding one (`comments_media_comments`, `comments_reels_comments`…). */
export function instagramRecordsPath(head: string): string {
  return jsonRecordsPath(head);
}

/**
 * Facebook "Download your information": comments (`comments_v2`, older `comments`) and posts
 * (`your_posts_1.json`, an array of `{timestamp, data:[{post}], title}`). The export has no
 * ids, so the store keys these rows by a hash of their text, author and time (mention-key.ts).
 */
export async function* readFacebook(
  src: TextSource,
  signal?: AbortSignal,
): AsyncGenerator<ParsedRow> {
  const path = facebookRecordsPath(src.head);
  let index = 0;
  try {
    for await (const item of streamJsonValues(src.chunks(signal), path)) {
      index++;
      const e = item as Record<string, unknown>;
      const data = (e['data'] as Array<Record<string, unknown>> | undefined) ?? [];
      const comment = data
        .map((d) => d['comment'] as Record<string, unknown> | undefined)
        .find(Boolean);
      const post = data.map((d) => str(d['post'])).find((p) => p !== null && p !== undefined);
      const text = comment ? fx(comment['comment']) : post ? fixMojibake(post) : null;
      const postedAt = parseDate(comment?.['timestamp'] ?? e['timestamp']);
      if (!text || postedAt === null) {
        yield {
          ok: false,
          line: index,
          reason: rowReason(postedAt === null ? 'entryNoTimestamp' : 'entryNoText', { n: index }),
        };
        continue;
      }
      const author = comment ? fx(comment['author']) : null;
      yield {
        ok: true,
        line: index,
        mention: {
          channel: 'facebook',
          externalId: null,
          postedAt,
          text,
          title: fx(e['title']),
          authorHandle: author,
          authorName: author,
          raw: e,
        },
      };
    }
  } catch (err) {
    yield {
      ok: false,
      line: index + 1,
      reason: rowReason('jsonStopsAfterEntry', { n: index, message: (err as Error).message }),
    };
  }
}

/**
 * Instagram export: comments (`post_comments_1.json`, entries with `string_map_data`) and the
 * account's own posts (`posts_1.json`, entries with `media[]`: the caption is the post's or
 * its first medium's `title`). Neither carries an id: the store keys them by a hash of text,
 * author and time.
 */
export async function* readInstagram(
  src: TextSource,
  signal?: AbortSignal,
): AsyncGenerator<ParsedRow> {
  const path = instagramRecordsPath(src.head);
  let index = 0;
  try {
    for await (const item of streamJsonValues(src.chunks(signal), path)) {
      index++;
      const e = (item ?? {}) as Record<string, unknown>;
      const media = Array.isArray(e['media'])
        ? (e['media'] as Array<Record<string, unknown>>)
        : null;
      if (media) {
        const first = media[0] ?? {};
        const text = fx(e['title']) || fx(first['title']);
        const postedAt = parseDate(e['creation_timestamp'] ?? first['creation_timestamp']);
        if (!text || postedAt === null) {
          yield {
            ok: false,
            line: index,
            reason: rowReason(postedAt === null ? 'postNoCreationTime' : 'postNoCaption', {
              n: index,
            }),
          };
          continue;
        }
        yield {
          ok: true,
          line: index,
          mention: {
            channel: 'instagram',
            externalId: null,
            postedAt,
            text,
            authorHandle: null,
            raw: e,
          },
        };
        continue;
      }
      const m = e['string_map_data'] as Record<string, Record<string, unknown>> | undefined;
      const text = fx(m?.['Comment']?.['value']);
      const postedAt = parseDate(m?.['Time']?.['timestamp']);
      if (!text || postedAt === null) {
        yield {
          ok: false,
          line: index,
          reason: rowReason(!text ? 'entryNoCommentText' : 'entryNoTime', { n: index }),
        };
        continue;
      }
      const owner = fx(m?.['Media Owner']?.['value']);
      yield {
        ok: true,
        line: index,
        mention: {
          channel: 'instagram',
          externalId: null,
          postedAt,
          text,
          title: owner ? `@${owner}` : null,
          authorHandle: null,
          raw: item,
        },
      };
    }
  } catch (err) {
    yield {
      ok: false,
      line: index + 1,
      reason: rowReason('jsonStopsAfterEntry', { n: index, message: (err as Error).message }),
    };
  }
}

const STARS: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };

/** Google keeps the original beside its translation: analyse what the customer wrote. */
export function originalReviewText(comment: string): string {
  const m = /\(Original\)\s*([\s\S]*)$/.exec(comment);
  if (m?.[1]) return m[1].trim();
  return comment.replace(/^\(Translated by Google\)\s*/, '').trim();
}

/**
 * Google Business Profile reviews (`{"reviews":[…]}`): the star rating is kept (1–5); the
 * owner's reply becomes a brand post answering the review.
 */
export async function* readGoogleReviews(
  src: TextSource,
  signal?: AbortSignal,
): AsyncGenerator<ParsedRow> {
  let index = 0;
  try {
    for await (const item of streamJsonValues(src.chunks(signal), '$.reviews.*')) {
      index++;
      const r = item as Record<string, unknown>;
      const id = str(r['reviewId']) ?? str(r['name']);
      const postedAt = parseDate(r['createTime']);
      const rating = STARS[str(r['starRating']) ?? ''] ?? null;
      if (!id || postedAt === null) {
        yield {
          ok: false,
          line: index,
          reason: rowReason(!id ? 'reviewNoId' : 'reviewNoCreateTime', { n: index }),
        };
        continue;
      }
      const anonymous = getPath(r, 'reviewer.isAnonymous') === true;
      const name = anonymous ? null : str(getPath(r, 'reviewer.displayName'));
      const review: MentionInput = {
        channel: 'reviews',
        externalId: id,
        postedAt,
        // A rating without words is still a review: keep it with empty text.
        text: originalReviewText(str(r['comment']) ?? ''),
        authorHandle: name,
        authorName: name,
        rating,
        raw: r,
      };
      yield { ok: true, line: index, mention: review };
      const reply = r['reviewReply'] as Record<string, unknown> | undefined;
      const replyText = str(reply?.['comment']);
      const replyAt = parseDate(reply?.['updateTime']);
      if (reply && replyText && replyAt !== null) {
        yield {
          ok: true,
          line: index,
          mention: {
            channel: 'reviews',
            externalId: `${id}/reply`,
            postedAt: replyAt,
            text: replyText,
            authorHandle: null,
            fromBrand: true,
            replyToId: id,
            threadId: id,
            raw: reply,
          },
        };
      }
    }
  } catch (err) {
    yield {
      ok: false,
      line: index + 1,
      reason: rowReason('jsonStopsAfterReview', { n: index, message: (err as Error).message }),
    };
  }
}
