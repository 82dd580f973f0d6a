// A competition's expert pool, with each expert's load in it.
import { queryOptions } from '@tanstack/react-query';
import type { PoolAddResult, PoolExpert } from '@konkurs/shared';
import { api, type Page } from './client';

export const poolKeys = { one: (competitionId: string) => ['expert-pool', competitionId] as const };

export const expertPoolQuery = (competitionId: string) =>
  queryOptions({ queryKey: poolKeys.one(competitionId), queryFn: () => api<Page<PoolExpert>>(`/competitions/${competitionId}/experts?limit=500`) });

export const addToPool = (competitionId: string, expertIds: string[]) =>
  api<PoolAddResult>(`/competitions/${competitionId}/experts`, { method: 'POST', body: { expertIds } });

export const removeFromPool = (competitionId: string, expertId: string) =>
  api<void>(`/competitions/${competitionId}/experts/${expertId}`, { method: 'DELETE' });
