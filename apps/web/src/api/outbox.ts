// The outgoing e-mails (admin): every message the server queued, sent or failed to send, and one message's text
// and link — with no SMTP server configured, this is where mail is read.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { OutboxItem, OutboxMessage, OutboxStatus } from '@konkurs/shared';
import { api, queryString, type Page } from './client';

export const outboxKeys = {
  all: ['outbox'] as const,
  list: (status: OutboxStatus | undefined) => ['outbox', 'list', status ?? 'all'] as const,
  anySent: ['outbox', 'any-sent'] as const,
  message: (id: string) => ['outbox', 'message', id] as const,
};

export const outboxQuery = (status?: OutboxStatus) =>
  infiniteQueryOptions({
    queryKey: outboxKeys.list(status),
    queryFn: ({ pageParam }) => api<Page<OutboxItem>>(`/admin/outbox${queryString({ status, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Whether any e-mail was ever sent: none while no SMTP server is configured. */
export const outboxAnySentQuery = () =>
  queryOptions({
    queryKey: outboxKeys.anySent,
    queryFn: async () => (await api<Page<OutboxItem>>(`/admin/outbox${queryString({ status: 'sent', limit: 1 })}`)).items.length > 0,
  });

export const outboxMessageQuery = (id: string) =>
  queryOptions({ queryKey: outboxKeys.message(id), queryFn: () => api<OutboxMessage>(`/admin/outbox/${encodeURIComponent(id)}`) });
