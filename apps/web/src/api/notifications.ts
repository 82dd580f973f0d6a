// The signed-in user's notifications: the inbox (newest first, paged by cursor, unread only on request), the
// unread count behind the bell, marking read, the e-mail settings per kind and their language, and the public
// one-click unsubscribe of an e-mail's link.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { unsubscribeTokenParts, type Notification, type NotificationKind, type NotificationSettings } from '@konkurs/shared';
import { api, queryString, type Page } from './client';

/** How often the bell asks for the unread count (and on every return to the window). */
export const UNREAD_POLL_MS = 30_000;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unread: boolean) => ['notifications', 'list', unread ? 'unread' : 'all'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  settings: ['notification-settings'] as const,
};

export const notificationsQuery = (unread: boolean) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(unread),
    queryFn: ({ pageParam }) => api<Page<Notification>>(`/notifications${queryString({ unread: unread ? 'true' : undefined, limit: 30, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const unreadCountQuery = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount,
    queryFn: () => api<{ count: number }>('/notifications/unread-count'),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: 'always',
  });

export const markRead = (id: string) => api<unknown>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
export const markAllRead = () => api<unknown>('/notifications/read-all', { method: 'POST' });

export const notificationSettingsQuery = () =>
  queryOptions({ queryKey: notificationKeys.settings, queryFn: () => api<NotificationSettings>('/notification-settings') });
export const saveNotificationSettings = (body: { email?: Partial<Record<NotificationKind, boolean>>; language?: NotificationSettings['language'] }) =>
  api<NotificationSettings>('/notification-settings', { method: 'PUT', body });

export const unsubscribe = (token: string) => api<unknown>('/notifications/unsubscribe', { method: 'POST', body: { token } });

/** The kind an unsubscribe token is for (`<userId>.<kind>.<signature>`), if it names one; the server checks the rest. */
export function unsubscribeKind(token: string): NotificationKind | undefined {
  return unsubscribeTokenParts(token)?.kind;
}

/** The text badge of the bell: nothing at 0, "99+" above 99. */
export const badgeText = (count: number) => (count <= 0 ? '' : count > 99 ? '99+' : String(count));
