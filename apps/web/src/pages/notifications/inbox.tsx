// The inbox of any signed-in user: newest first, unread ones marked, "unread only", mark all as read; opening an
// item marks it read and goes to what it is about. Paged by cursor ("Показать ещё").
import { useState } from 'react';
import { Anchor, Box, Button, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Notification } from '@konkurs/shared';
import { markAllRead, markRead, notificationKeys, notificationsQuery, unreadCountQuery } from '../../api/notifications';
import { DateText } from '../../components/date-text';
import { FormProblem } from '../../components/field-error';
import { LoadMore, useCursorList } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useT } from '../../i18n';
import { notify } from '../../lib/notify';

/** Only a path of this SPA is followed: a notice never sends anyone off the site. */
const spaPath = (link: string) => (link.startsWith('/') && !link.startsWith('//') ? link : null);

function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (n: Notification) => void }) {
  const t = useT('notifications').inbox;
  const unread = !item.readAt;
  const path = spaPath(item.link);
  return (
    <Card withBorder padding="sm" component="li" data-testid="notification" data-unread={unread || undefined}
      style={{ listStyle: 'none', minWidth: 0, borderLeft: unread ? '4px solid var(--mantine-primary-color-filled)' : undefined }}>
      <Group gap="xs" wrap="wrap" mb={4}>
        {unread && <Box component="span" aria-hidden w={8} h={8} bg="var(--mantine-primary-color-filled)" style={{ borderRadius: 4, flexShrink: 0 }} />}
        <Text size="xs" c="dimmed"><DateText value={item.createdAt} withTime /></Text>
        {unread && <Text size="xs" fw={600} c="var(--mantine-primary-color-filled)">{t.unread}</Text>}
      </Group>
      <Text fw={unread ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
        {path ? <Anchor component={Link} to={path} onClick={() => onOpen(item)} c="inherit" underline="hover">{item.title}</Anchor> : item.title}
      </Text>
      <Text size="sm" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>{item.body}</Text>
    </Card>
  );
}

export function InboxPage() {
  const t = useT('notifications').inbox;
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { query, items, more } = useCursorList(notificationsQuery(unreadOnly));
  const count = useQuery(unreadCountQuery()).data?.count ?? 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const read = useMutation({ mutationFn: (n: Notification) => markRead(n.id), onSettled: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: () => notify(t.markedAll), onSettled: refresh });
  const open = (n: Notification) => { if (!n.readAt) read.mutate(n); };
  return (
    <>
      <PageTitle title={t.title} actions={<Button component={Link} to="/notifications/settings" variant="default">{t.settings}</Button>} />
      <Stack>
        <Group justify="space-between" gap="sm">
          <Checkbox label={t.onlyUnread} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
          {count > 0 && <Button variant="light" onClick={() => readAll.mutate()} loading={readAll.isPending}>{t.markAll}</Button>}
        </Group>
        <FormProblem error={readAll.error ?? read.error} />
        {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : items.length === 0 ? (
          unreadOnly ? <EmptyState title={t.emptyUnread} /> : <EmptyState title={t.empty}>{t.emptyHint}</EmptyState>
        ) : (
          <>
            <Stack component="ol" gap="xs" p={0} m={0} aria-label={t.listLabel}>
              {items.map((n) => <NotificationItem key={n.id} item={n} onOpen={open} />)}
            </Stack>
            <LoadMore {...more} />
          </>
        )}
      </Stack>
    </>
  );
}
