import { extractHashtags } from '../analysis/hashtags';

/**
 * What two posts share when accounts coordinate: the same text once links, mentions,
 * punctuation and case are gone, or the same set of hashtags and links. Keys are 53-bit
 * hashes so that the store can index them as integers.
 */

/**
 * Texts shorter than this after normalising ("gracias @acme") say nothing about coordination;
 * without a hashtag or link a text needs more: "¿abrís el domingo?" or "any offers for
 * Easter?" are what many people ask at the same time on their own.
 */
export const MIN_TEXT_CHARS = 20;
export const MIN_PLAIN_TEXT_CHARS = 40;
/** A hashtag+link set needs this many items: one campaign hashtag alone is just a topic. */
export const MIN_TAG_ITEMS = 2;

/**
 * Lower case, without links, @handles and punctuation. Digits go too when `digits` is false
 * (repetition: the same message with another number); coordination keeps them, since an
 * order number is what makes two customers' similar complaints their own.
 */
export function normaliseText(text: string, digits = false): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, '')
    .replace(/@[\w.]+/g, '')
    .replace(digits ? /[^\p{L}\p{N}\s#]/gu : /[^\p{L}\s#]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sorted hashtags and links (without query strings) of a post. */
export function sharedItems(text: string): string[] {
  const tags = extractHashtags(text);
  const links = (text.match(/https?:\/\/[^\s?#]+/g) ?? []).map((u) =>
    u.replace(/^https?:\/\/(www\.)?/, '').replace(/[/.,;:!)]+$/, ''),
  );
  return [...new Set([...tags, ...links])].sort();
}

/** FNV-1a over UTF-16 code units, folded to 53 bits (exact in a JS number and in SQLite). */
export function hashKey(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

export interface Fingerprint {
  textKey: number | null;
  tagsKey: number | null;
}

/** A retweet copies text by design: sharing is not coordination, so it gets no keys. */
export function fingerprint(text: string): Fingerprint {
  if (/^RT @/.test(text)) return { textKey: null, tagsKey: null };
  const n = normaliseText(text, true);
  const items = sharedItems(text);
  return {
    textKey:
      n.length >= (items.length > 0 ? MIN_TEXT_CHARS : MIN_PLAIN_TEXT_CHARS) ? hashKey(n) : null,
    tagsKey: items.length >= MIN_TAG_ITEMS ? hashKey(items.join(' ')) : null,
  };
}
