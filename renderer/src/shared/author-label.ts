import type { TFunction } from 'i18next';

/**
 * How a post's author is named in lists: '@handle', else the display name, else the feed it
 * came from (a news item without an author), else 'anonymous'.
 */
export function authorLabel(
  t: TFunction,
  m: { authorHandle: string | null; authorName?: string | null; sourceName?: string | null },
): string {
  return m.authorHandle
    ? `@${m.authorHandle}`
    : (m.authorName ?? m.sourceName ?? t('mentions.anonymous'));
}
