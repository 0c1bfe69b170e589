import { useInfiniteQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../main/core/api/contract';
import { invoke } from '../../api/client';

export type MentionFilters = Omit<InputOf<'mentions.search'>, 'beforeId' | 'limit'>;

/** Rows per request: small enough to parse within a frame, large enough to stay ahead of scrolling. */
export const PAGE_SIZE = 100;

/** Newest-first pages of mentions, fetched as the list scrolls (keyset pagination by id). */
export function useMentionPages(filters: MentionFilters) {
  return useInfiniteQuery({
    queryKey: ['mentions.search', filters],
    queryFn: ({ pageParam }) =>
      invoke('mentions.search', {
        ...filters,
        limit: PAGE_SIZE,
        ...(pageParam ? { beforeId: pageParam } : {}),
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
    // Pages never change once fetched: comparing every earlier page on each fetch (structural
    // sharing) cost more script time than the new page itself once thousands of rows were loaded.
    structuralSharing: false,
  });
}
