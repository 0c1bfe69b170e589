import { useEffect, useState } from 'react';

export const PAGES = [
  'overview',
  'mentions',
  'people',
  'responses',
  'crises',
  'reports',
  'sources',
  'settings',
] as const;
export type Page = (typeof PAGES)[number];

function pageFromHash(): Page {
  // a page may carry parameters after '?' (#/crises?episode=c123)
  const h = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (PAGES as readonly string[]).includes(h) ? (h as Page) : 'overview';
}

/** The current page lives in the URL hash, so reloads and back/forward keep it. */
export function usePage(): [Page, (p: Page) => void] {
  const [page, setPage] = useState<Page>(pageFromHash);
  useEffect(() => {
    const on = (): void => setPage(pageFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [page, (p) => (window.location.hash = `/${p}`)];
}
