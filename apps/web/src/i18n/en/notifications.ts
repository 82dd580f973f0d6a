import type { NotificationsDict } from '../ru/notifications';
import { pluralEn } from '../plural';

const notifications: NotificationsDict = {
  bell: (n: number) => (n > 0 ? `Notifications: ${n} ${pluralEn(n, 'unread', 'unread')}` : 'Notifications: none unread'),
  kinds: {
    'application-submitted': 'Application submitted',
    'screening-decision': 'Screening decision',
    'assignment-created': 'Review assignment',
    'review-due': 'Review due reminder',
    'draft-deadline': 'Unsubmitted draft reminder',
    'results-published': 'Competition results published',
    'report-due': 'Report due',
    'question-answered': 'Answer to a question',
    'consultation-message': 'Consultation message',
    'conflict-declared': 'An expert declared a conflict of interest',
    'reviews-completed': 'Review completed',
  },
  inbox: {
    title: 'Notifications',
    listLabel: 'Notifications, newest first',
    onlyUnread: 'Unread only',
    markAll: 'Mark all as read',
    markedAll: 'All notifications marked as read',
    unread: 'Unread',
    empty: 'No notifications yet',
    emptyHint: 'Messages about your applications, reviews and competitions will appear here.',
    emptyUnread: 'No unread notifications',
    settings: 'Notification settings',
  },
  settings: {
    title: 'Notification settings',
    subtitle: 'The notifications page always gets every message. Choose here which of them also come by e-mail.',
    kindsLabel: 'E-mail notifications',
    kind: 'Notification',
    byEmail: 'By e-mail',
    byEmailOf: (kind: string) => `By e-mail: ${kind}`,
    language: 'Language of e-mails and notifications',
    languages: { ru: 'Русский', en: 'English' },
    saved: 'Settings saved',
    back: 'Back to notifications',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    pending: 'Unsubscribing…',
    done: (kind: string) => `You will no longer receive “${kind}” e-mails.`,
    doneAny: 'You will no longer receive e-mails of this kind.',
    inboxStill: 'Such messages still appear on the notifications page. You can turn the e-mails back on in the settings.',
    noToken: 'The link has no unsubscribe key. Open the whole link from the e-mail, or change your notification settings.',
    failed: 'Could not unsubscribe',
    settings: 'Notification settings',
  },
};
export default notifications;
