// The bell in the header of a signed-in user: the unread count (asked every 30 s and whenever the window regains
// focus), a badge hidden at 0 and "99+" above 99, and the count in words for a screen reader. It opens the inbox.
import { ActionIcon } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { badgeText, unreadCountQuery } from '../api/notifications';
import { useT } from '../i18n';
import classes from './notification-bell.module.css';

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function NotificationBell() {
  const t = useT('notifications');
  const unread = useQuery(unreadCountQuery());
  const count = unread.data?.count ?? 0;
  const badge = badgeText(count);
  return (
    <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray.8" size={40} radius="xl" aria-label={t.bell(count)}
      className={classes.bell} data-testid="notification-bell">
      <BellIcon />
      {badge && <span className={classes.badge} aria-hidden data-testid="notification-badge">{badge}</span>}
    </ActionIcon>
  );
}
