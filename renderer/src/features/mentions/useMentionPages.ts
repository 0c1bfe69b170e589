import { useInfiniteQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../main/core/api/contract';
import { invoke } from '../../api/client';

export type MentionFilters = Omit<InputOf<'mentions.search'>, 'beforeId' | 'limit'>;

const PAGE = 200;

/** Newest-first pages of mentions, fetched as the list scrolls (keyset pagination by id). */
export function useMentionPages(filters: MentionFilters) {
  return useInfiniteQuery({
    queryKey: ['mentions.search', filters],
    queryFn: ({ pageParam }) =>
      invoke('mentions.search', {
        ...filters,
        limit: PAGE,
        ...(pageParam ? { beforeId: pageParam } : {}),
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBeforeId ?? undefined,
  });
}
