// The audit log (newest first, paged by cursor; filtered by object, action and time), the check of its hash chain
// and its latest published checkpoint.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AuditCheckpoint, AuditEvent, AuditQuery, AuditVerification } from '@konkurs/shared';
import { api, queryString, type Page } from './client';

export type AuditFilter = Pick<AuditQuery, 'entityType' | 'entityId' | 'action' | 'from' | 'to'>;

export const auditKeys = { list: (f: AuditFilter) => ['audit', 'list', f] as const, verify: ['audit', 'verify'] as const, checkpoint: ['audit', 'checkpoint'] as const };

export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam }) => api<Page<AuditEvent>>(`/audit${queryString({ ...filter, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Against a checkpoint too, when given: the chain must still extend it. */
export const verifyAudit = (against?: Pick<AuditCheckpoint, 'events' | 'headHash'>) =>
  api<AuditVerification>(`/audit/verify${against ? queryString({ events: against.events, headHash: against.headHash }) : ''}`);
export const verifyAuditQuery = () => queryOptions({ queryKey: auditKeys.verify, queryFn: () => verifyAudit(), enabled: false, staleTime: 0 });

/** The latest checkpoint published as open data (signed; anyone may keep it). */
export const auditCheckpointQuery = () => queryOptions({ queryKey: auditKeys.checkpoint, queryFn: () => api<AuditCheckpoint>('/open-data/audit-checkpoint') });
