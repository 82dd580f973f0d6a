// The ranking of a competition (organiser): a plain array, the whole list the committee decides on.
import { queryOptions } from '@tanstack/react-query';
import type { RankingRow } from '@konkurs/shared';
import { api } from './client';

export const rankingKeys = { one: (competitionId: string) => ['ranking', competitionId] as const };

export const rankingQuery = (competitionId: string) =>
  queryOptions({ queryKey: rankingKeys.one(competitionId), queryFn: () => api<RankingRow[]>(`/competitions/${competitionId}/ranking`) });
