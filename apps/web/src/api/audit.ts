// The audit log (newest first, paged by cursor; filtered by object, action and time) and the check of its hash chain.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AuditEvent, AuditQuery, AuditVerification } from '@konkurs/shared';
import { api, queryString, type Page } from './client';

export type AuditFilter = Pick<AuditQuery, 'entityType' | 'entityId' | 'action' | 'from' | 'to'>;

export const auditKeys = { list: (f: AuditFilter) => ['audit', 'list', f] as const, verify: ['audit', 'verify'] as const };

export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) => api<Page<AuditEvent>>(`/audit${queryString({ ...filter, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const verifyAudit = () => api<AuditVerification>('/audit/verify');
export const verifyAuditQuery = () => queryOptions({ queryKey: auditKeys.verify, queryFn: verifyAudit, enabled: false, staleTime: 0 });
