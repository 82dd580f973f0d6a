// The ranking of a competition (organiser), a page at a time: ranked rows first, then the ones still waiting for a
// review. Filters, search and order are the server's (`?sort=&status=&divergent=&q=`); the awards screen reads it whole.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { RankingPage, RankingQuery, RankingRow } from '@konkurs/shared';
import { api, queryString } from './client';

export type RankingFilter = Partial<Pick<RankingQuery, 'sort' | 'status' | 'divergent' | 'q'>>;

export const rankingKeys = {
  one: (competitionId: string) => ['ranking', competitionId] as const,
  page: (competitionId: string, filter: RankingFilter) => ['ranking', competitionId, 'page', filter] as const,
  all: (competitionId: string) => ['ranking', competitionId, 'all'] as const,
};

const rankingPage = (competitionId: string, query: RankingFilter & { limit?: number; cursor?: string }) =>
  api<RankingPage>(`/competitions/${competitionId}/ranking${queryString(query)}`);

/** The ranking as the organiser browses it: "Показать ещё" asks for the next page of the same filter. */
export const rankingPagesQuery = (competitionId: string, filter: RankingFilter) =>
  infiniteQueryOptions({
    queryKey: rankingKeys.page(competitionId, filter),
    queryFn: ({ pageParam }) => rankingPage(competitionId, { ...filter, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Every row of the ranking, in its order (the award proposal is made over all of them). */
export const rankingQuery = (competitionId: string) =>
  queryOptions({
    queryKey: rankingKeys.all(competitionId),
    queryFn: async () => {
      const rows: RankingRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await rankingPage(competitionId, { limit: 500, cursor });
        rows.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return rows;
    },
  });
