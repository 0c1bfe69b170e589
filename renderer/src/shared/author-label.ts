import type { TFunction } from 'i18next';

/** How a post's author is named in lists: '@handle', else the display name, else 'anonymous'. */
export function authorLabel(
  t: TFunction,
  m: { authorHandle: string | null; authorName?: string | null },
): string {
  return m.authorHandle ? `@${m.authorHandle}` : (m.authorName ?? t('mentions.anonymous'));
}
