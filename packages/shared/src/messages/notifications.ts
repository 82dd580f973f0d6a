// What a notice says, per kind: a title and a body in Russian and English, filled from the event's parameters
// (numbers, titles, instants in the competition's timezone, kopecks). The inbox, the e-mail subject and its text
// all come from here; account e-mails (reset, confirmation) too.
import type { EmailKind } from '../notifications.js';
import type { Message } from './index.js';

export interface NoticeText { title: Message; body: Message }

const same = (text: string) => () => text;

/** Filled in per kind by the notification texts (helper: every kind of NOTIFICATION_KINDS and ACCOUNT_EMAIL_KINDS). */
export const NOTICE_TEXTS: Record<EmailKind, NoticeText> = {
  'application-submitted': { title: { ru: same('Заявка подана'), en: same('Application submitted') }, body: { ru: same(''), en: same('') } },
  'screening-decision': { title: { ru: same('Решение по заявке'), en: same('Screening decision') }, body: { ru: same(''), en: same('') } },
  'assignment-created': { title: { ru: same('Новая заявка на экспертизу'), en: same('A new application to review') }, body: { ru: same(''), en: same('') } },
  'review-due': { title: { ru: same('Срок экспертизы'), en: same('Review due') }, body: { ru: same(''), en: same('') } },
  'draft-deadline': { title: { ru: same('Приём заявок заканчивается'), en: same('The call closes soon') }, body: { ru: same(''), en: same('') } },
  'results-published': { title: { ru: same('Итоги конкурса опубликованы'), en: same('Results published') }, body: { ru: same(''), en: same('') } },
  'report-due': { title: { ru: same('Срок отчёта'), en: same('Report due') }, body: { ru: same(''), en: same('') } },
  'question-answered': { title: { ru: same('Ответ на вопрос'), en: same('Your question was answered') }, body: { ru: same(''), en: same('') } },
  'consultation-message': { title: { ru: same('Сообщение консультанта'), en: same('A consultation message') }, body: { ru: same(''), en: same('') } },
  'conflict-declared': { title: { ru: same('Эксперт заявил конфликт интересов'), en: same('An expert declared a conflict of interest') }, body: { ru: same(''), en: same('') } },
  'reviews-completed': { title: { ru: same('Экспертиза завершена'), en: same('All reviews are in') }, body: { ru: same(''), en: same('') } },
  'password-reset': { title: { ru: same('Восстановление пароля'), en: same('Reset your password') }, body: { ru: same(''), en: same('') } },
  'email-verification': { title: { ru: same('Подтвердите адрес электронной почты'), en: same('Confirm your e-mail') }, body: { ru: same(''), en: same('') } },
  'password-changed': { title: { ru: same('Пароль изменён'), en: same('Your password was changed') }, body: { ru: same(''), en: same('') } },
};
