// The notifications: the bell, the inbox, the e-mail settings per kind, the unsubscribe page. Loaded with the common
// words: the bell is in the header of every page, the unsubscribe page is public.
import type { NotificationKind } from '@konkurs/shared';
import { pluralRu } from '../plural';

const notifications = {
  bell: (n: number) => (n > 0 ? `Уведомления: ${n} ${pluralRu(n, ['непрочитанное', 'непрочитанных', 'непрочитанных'])}` : 'Уведомления: нет непрочитанных'),
  /** Each kind as the settings and the unsubscribe page name it. */
  kinds: {
    'application-submitted': 'Заявка подана',
    'screening-decision': 'Решение о допуске к экспертизе',
    'assignment-created': 'Назначение на экспертизу',
    'review-due': 'Напоминание о сроке экспертизы',
    'draft-deadline': 'Напоминание о неподанном черновике',
    'results-published': 'Итоги конкурса опубликованы',
    'report-due': 'Срок сдачи отчёта',
    'report-returned': 'Отчёт возвращён на доработку',
    'report-accepted': 'Отчёт принят',
    'question-answered': 'Ответ на вопрос организатору',
    'consultation-message': 'Сообщение в консультации',
    'conflict-declared': 'Эксперт сообщил о конфликте интересов',
    'reviews-completed': 'Экспертиза завершена',
    'report-submitted': 'Сдан отчёт победителя',
  } satisfies Record<NotificationKind, string> as Record<NotificationKind, string>,
  inbox: {
    title: 'Уведомления',
    listLabel: 'Уведомления, новые сверху',
    onlyUnread: 'Только непрочитанные',
    markAll: 'Отметить все как прочитанные',
    markedAll: 'Все уведомления отмечены как прочитанные',
    unread: 'Не прочитано',
    empty: 'Уведомлений пока нет',
    emptyHint: 'Здесь появятся сообщения о ваших заявках, экспертизе и конкурсах.',
    emptyUnread: 'Непрочитанных уведомлений нет',
    settings: 'Настройки уведомлений',
  },
  settings: {
    title: 'Настройки уведомлений',
    subtitle: 'В разделе «Уведомления» сообщения появляются всегда. Здесь можно выбрать, о чём писать ещё и на электронную почту.',
    kindsLabel: 'Уведомления по электронной почте',
    kind: 'Уведомление',
    byEmail: 'Письмом',
    byEmailOf: (kind: string) => `Письмом: ${kind}`,
    language: 'Язык писем и уведомлений',
    languages: { ru: 'Русский', en: 'English' },
    saved: 'Настройки сохранены',
    back: 'К уведомлениям',
  },
  unsubscribe: {
    title: 'Отписка от писем',
    pending: 'Отписываем…',
    done: (kind: string) => `Письма «${kind}» больше не будут приходить.`,
    doneAny: 'Письма этого вида больше не будут приходить.',
    inboxStill: 'В разделе «Уведомления» такие сообщения по-прежнему появляются. Вернуть письма можно в настройках.',
    noToken: 'В ссылке нет ключа отписки. Откройте ссылку из письма целиком или измените настройки уведомлений.',
    failed: 'Не удалось отписаться',
    settings: 'Настройки уведомлений',
  },
};
export default notifications;
export type NotificationsDict = typeof notifications;
