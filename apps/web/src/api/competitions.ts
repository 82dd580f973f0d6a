import { queryOptions } from '@tanstack/react-query';
import type { Competition, CompetitionStatus, WinnersRegistry } from '@konkurs/shared';
import { api, queryString, type Page } from './client';

export type CompetitionsParams = { status?: CompetitionStatus; operatorId?: string; limit?: number; cursor?: string };

export const competitionKeys = {
  all: ['competitions'] as const,
  list: (p: CompetitionsParams) => ['competitions', 'list', p] as const,
  one: (id: string) => ['competitions', id] as const,
  results: (id: string) => ['competitions', id, 'public-results'] as const,
};

export const competitionsQuery = (params: CompetitionsParams = {}) =>
  queryOptions({ queryKey: competitionKeys.list(params), queryFn: () => api<Page<Competition>>(`/competitions${queryString(params)}`) });

export const competitionQuery = (id: string) =>
  queryOptions({ queryKey: competitionKeys.one(id), queryFn: () => api<Competition>(`/competitions/${id}`) });

/** The published winners registry (public; 404 before publication). */
export const publicResultsQuery = (id: string) =>
  queryOptions({
    queryKey: competitionKeys.results(id),
    queryFn: () => api<WinnersRegistry>(`/public/competitions/${id}/results`),
    retry: false,
  });
