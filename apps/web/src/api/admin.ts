// Operators: the bodies that run competitions (list is public, creation is the admin's).
import { queryOptions } from '@tanstack/react-query';
import type { Operator, OperatorLevel } from '@konkurs/shared';
import { api, type Page } from './client';

export const operatorKeys = { all: ['operators'] as const };

export const operatorsQuery = () =>
  queryOptions({ queryKey: operatorKeys.all, queryFn: () => api<Page<Operator>>('/operators'), staleTime: 5 * 60_000 });

export const createOperator = (body: { name: string; level: OperatorLevel; regionCode?: string }) =>
  api<Operator>('/operators', { method: 'POST', body });
