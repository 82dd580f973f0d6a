// "Показать ещё" under a list: the next page of a cursor-paged list ({ items, nextCursor }), or the next slice
// of one already loaded.
import { useMemo } from 'react';
import { Button, Group } from '@mantine/core';
import { useInfiniteQuery, type QueryFunction, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/client';
import { useT } from '../i18n';

/** Hidden when there is nothing more to show. */
export function LoadMore({ hasMore, loading, onMore, label }: { hasMore: boolean; loading?: boolean; onMore: () => void; label?: string }) {
  const t = useT('common');
  if (!hasMore) return null;
  return (
    <Group justify="center" mt="md">
      <Button variant="default" onClick={onMore} loading={loading}>{label ?? t.loadMore}</Button>
    </Group>
  );
}

/**
 * Every item of a cursor-paged list loaded so far, and `more` for <LoadMore/>. The page query is asked with
 * `cursor` undefined first, then with each page's `nextCursor` until it is null.
 */
export function useCursorList<P extends Page<unknown>, K extends QueryKey>({ queryKey, queryFn }: {
  queryKey: K;
  /** Optional only as in TanStack's own options (so that `infiniteQueryOptions(…)` fits). A page may carry more than its items (P). */
  queryFn?: QueryFunction<P, K, string | undefined>;
}) {
  const query = useInfiniteQuery({
    queryKey, queryFn, initialPageParam: undefined as string | undefined, getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo((): P['items'] => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const more = { hasMore: query.hasNextPage, loading: query.isFetchingNextPage, onMore: () => void query.fetchNextPage() };
  return { query, items, more };
}
