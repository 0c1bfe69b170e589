/**
 * The one definition of a hashtag, shared by the rollups (Overview's emerging hashtags), the
 * crisis detector, the report and the people fingerprints, so every place counts the same tags.
 *
 * A hashtag is `#` followed by 2–60 letters, digits or underscores with at least one letter,
 * not glued to a word, a `&` or a `/` before it: "foo#bar", HTML entities ("&#39;") and URL
 * fragments ("…/page#top") are not hashtags, nor are numbers ("#1"). Longer runs are dropped,
 * not cut: a 61-letter run is noise, and its first 60 letters are not a tag anyone wrote.
 */
const HASHTAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_]+)/gu;
const LETTER = /\p{L}/u;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
/** At most this many distinct tags per post: a wall of tags is one spammer, not ten trends. */
export const MAX_TAGS = 10;

/** Lower-cased distinct hashtags of a text, with the `#`, in order of first use (at most ten). */
export function extractHashtags(text: string): string[] {
  if (!text.includes('#')) return [];
  const body = text.includes('://') || text.includes('www.') ? text.replace(URL, ' ') : text;
  const out: string[] = [];
  for (const m of body.matchAll(HASHTAG)) {
    const tag = m[1] as string;
    if (tag.length < 2 || tag.length > 60 || !LETTER.test(tag)) continue;
    const lower = `#${tag.toLowerCase()}`;
    if (!out.includes(lower)) out.push(lower);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}
