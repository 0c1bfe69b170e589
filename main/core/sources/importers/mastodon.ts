import { htmlToText } from '../html-text';
import { parseDate } from './dates';
import { countTopLevelKey, streamJsonValues } from './json-stream';
import type { TextSource } from './text-source';
import { str, type ParsedRow } from './types';
import { rowReason } from './row-reasons';

/** `https://indieweb.social/users/dealingwith` → `dealingwith@indieweb.social` */
export function actorHandle(actor: string | null): string | null {
  if (!actor) return null;
  try {
    const u = new URL(actor);
    const name = u.pathname.split('/').filter(Boolean).pop()?.replace(/^@/, '');
    return name ? `${name}@${u.host}` : null;
  } catch {
    return actor;
  }
}

/**
 * Mastodon archive `outbox.json` (ActivityPub): each `Create` of a Note is a post; `Announce`
 * (a boost of someone else's post) is not a mention of its own. Mastodon writes the
 * `orderedItems` key twice (an empty array, then the posts): as with JSON.parse the last
 * one wins, found by a first tokenizer-only pass so the reading pass can stream.
 */
export async function* readMastodon(
  src: TextSource,
  signal?: AbortSignal,
): AsyncGenerator<ParsedRow> {
  let index = 0;
  try {
    const occurrences = await countTopLevelKey(
      src.chunks(signal, { track: false }),
      'orderedItems',
    );
    const only = { key: 'orderedItems', occurrence: Math.max(occurrences, 1) };
    for await (const item of streamJsonValues(src.chunks(signal), '$.orderedItems.*', { only })) {
      index++;
      const a = item as Record<string, unknown>;
      if (a['type'] !== 'Create') continue;
      const o = a['object'] as Record<string, unknown> | undefined;
      if (!o || typeof o !== 'object') {
        yield { ok: false, line: index, reason: rowReason('activityNoObject', { n: index }) };
        continue;
      }
      const postedAt = parseDate(o['published'] ?? a['published']);
      const content = str(o['content']);
      if (postedAt === null || content === null) {
        yield {
          ok: false,
          line: index,
          reason: rowReason(postedAt === null ? 'postNoDate' : 'postNoContent', { n: index }),
        };
        continue;
      }
      const summary = str(o['summary']);
      yield {
        ok: true,
        line: index,
        mention: {
          channel: 'mastodon',
          externalId: str(o['id']),
          postedAt,
          text: htmlToText(content),
          title: summary ? htmlToText(summary) : null,
          url: str(o['url']) ?? str(o['id']),
          authorHandle: actorHandle(str(a['actor']) ?? str(o['attributedTo'])),
          replyToId: str(o['inReplyTo']),
          threadId: str(o['conversation']),
          raw: o,
        },
      };
    }
  } catch (e) {
    yield {
      ok: false,
      line: index + 1,
      reason: rowReason('outboxStops', { n: index, message: (e as Error).message }),
    };
  }
}
