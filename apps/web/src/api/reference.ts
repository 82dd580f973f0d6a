import { queryOptions } from '@tanstack/react-query';
import type { Criterion, Direction, Region } from '@konkurs/shared';
import { api } from './client';

// Reference data changes only with a migration: cache it for the session.
const forever = { staleTime: Infinity, gcTime: Infinity } as const;

export const regionsQuery = () => queryOptions({ queryKey: ['regions'], queryFn: () => api<Region[]>('/regions'), ...forever });
export const directionsQuery = () => queryOptions({ queryKey: ['directions'], queryFn: () => api<Direction[]>('/directions'), ...forever });
export const defaultCriteriaQuery = () =>
  queryOptions({ queryKey: ['criteria', 'default'], queryFn: () => api<Criterion[]>('/criteria/default'), ...forever });
