/** Channel names shared by the store, the CLI contract and the UI (PRODUCT.md). */
export const CHANNELS = [
  'twitter',
  'facebook',
  'instagram',
  'reviews',
  'reddit',
  'youtube',
  'mastodon',
  'news',
  'blog',
  'forum',
  'other',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
