// What a notice says, per kind: a title and a body in Russian and English, filled from the event's parameters
// (numbers, titles, instants in the competition's timezone, kopecks). The inbox, the e-mail subject and its text
// all come from here; account e-mails (reset, confirmation) too. A body never names what its recipient may not see
// (an applicant never learns expert names, an expert never learns the other experts): the params carry none of it.
import type { EmailKind } from '../notifications.js';
import type { Message, MessageContext, MessageParams } from './index.js';
import { messageParams } from './params.js';

export interface NoticeText { title: Message; body: Message }

const same = (text: string) => () => text;
const when = (value: MessageParams[string], ctx: MessageContext) => messageParams.instant(value, ctx);

/** Russian plural forms: 1 оценка, 2 оценки, 5 оценок (11–14 take the third). */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(n) % 100;
  const last = abs % 10;
  if (abs >= 11 && abs <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

const inDaysRu = (step: MessageParams[string]) => (step === '1d' ? 'через 1 день' : 'через 3 дня');
const inDaysEn = (step: MessageParams[string]) => (step === '1d' ? 'in 1 day' : 'in 3 days');

const OUTCOME_RU: Record<string, string> = {
  winner: 'заявка стала победителем конкурса',
  not_supported: 'заявка не поддержана',
  rejected: 'заявка не допущена к экспертизе',
};
const OUTCOME_EN: Record<string, string> = {
  winner: 'the application is a winner',
  not_supported: 'the application was not supported',
  rejected: 'the application was not admitted to review',
};

export const NOTICE_TEXTS: Record<EmailKind, NoticeText> = {
  'application-submitted': {
    title: { ru: (p) => `Заявка № ${p.number} подана`, en: (p) => `Application ${p.number} submitted` },
    body: {
      ru: (p, c) => `Заявка № ${p.number} «${p.title}» на конкурс «${p.competitionTitle}» подана ${when(p.submittedAt, c)}. `
        + 'Изменить её больше нельзя; о решении о допуске к экспертизе мы сообщим.',
      en: (p, c) => `Application ${p.number} “${p.title}” to the competition “${p.competitionTitle}” was submitted on ${when(p.submittedAt, c)}. `
        + 'It can no longer be changed; we will tell you the screening decision.',
    },
  },
  'screening-decision': {
    title: {
      ru: (p) => (p.decision === 'admit' ? `Заявка № ${p.number} допущена к экспертизе` : `Заявка № ${p.number} не допущена к экспертизе`),
      en: (p) => (p.decision === 'admit' ? `Application ${p.number} admitted to review` : `Application ${p.number} not admitted`),
    },
    body: {
      ru: (p) => (p.decision === 'admit'
        ? `Заявка № ${p.number} «${p.title}» прошла проверку и допущена к экспертизе. Её оценят эксперты конкурса.`
        : `Заявка № ${p.number} «${p.title}» не допущена к экспертизе.${p.reason ? ` Причина: ${p.reason}` : ''}`),
      en: (p) => (p.decision === 'admit'
        ? `Application ${p.number} “${p.title}” passed screening and was admitted to review. The competition's experts will assess it.`
        : `Application ${p.number} “${p.title}” was not admitted to review.${p.reason ? ` Reason: ${p.reason}` : ''}`),
    },
  },
  'assignment-created': {
    title: { ru: (p) => `Новая заявка на экспертизу: № ${p.number}`, en: (p) => `A new application to review: ${p.number}` },
    body: {
      ru: (p, c) => `Вам назначена экспертиза заявки № ${p.number} конкурса «${p.competitionTitle}».`
        + `${p.dueAt ? ` Срок оценки — ${when(p.dueAt, c)}.` : ''} Если у вас конфликт интересов, откажитесь от экспертизы.`,
      en: (p, c) => `You have been assigned application ${p.number} of the competition “${p.competitionTitle}”.`
        + `${p.dueAt ? ` The review is due on ${when(p.dueAt, c)}.` : ''} If you have a conflict of interest, decline the review.`,
    },
  },
  'review-due': {
    title: {
      ru: (p) => `Срок экспертизы заявки № ${p.number} — ${inDaysRu(p.step)}`,
      en: (p) => `The review of application ${p.number} is due ${inDaysEn(p.step)}`,
    },
    body: {
      ru: (p, c) => `Оценку заявки № ${p.number} конкурса «${p.competitionTitle}» нужно отправить до ${when(p.dueAt, c)}.`,
      en: (p, c) => `Your review of application ${p.number} of the competition “${p.competitionTitle}” is due on ${when(p.dueAt, c)}.`,
    },
  },
  'draft-deadline': {
    title: {
      ru: (p) => `Приём заявок заканчивается ${inDaysRu(p.step)}`,
      en: (p) => `The call closes ${inDaysEn(p.step)}`,
    },
    body: {
      ru: (p, c) => `Заявка № ${p.number} «${p.title}» на конкурс «${p.competitionTitle}» ещё не подана. `
        + `Приём заявок заканчивается ${when(p.closesAt, c)}; черновик после этого подать нельзя.`,
      en: (p, c) => `Application ${p.number} “${p.title}” to the competition “${p.competitionTitle}” is not submitted yet. `
        + `The call closes on ${when(p.closesAt, c)}; a draft cannot be submitted after that.`,
    },
  },
  'results-published': {
    title: {
      ru: (p) => `Итоги конкурса «${p.competitionTitle}» опубликованы`,
      en: (p) => `The results of “${p.competitionTitle}” are published`,
    },
    body: {
      ru: (p, c) => {
        const outcome = OUTCOME_RU[String(p.outcome)];
        const head = `Итоги конкурса «${p.competitionTitle}» опубликованы. Заявка № ${p.number} «${p.title}»`;
        if (p.outcome === 'winner') {
          return `${head}: ${outcome}${typeof p.awardedKopecks === 'number' ? `, размер гранта — ${messageParams.money(p.awardedKopecks, c)}` : ''}.`;
        }
        return outcome ? `${head}: ${outcome}.` : `${head}: результаты — на странице заявки.`;
      },
      en: (p, c) => {
        const outcome = OUTCOME_EN[String(p.outcome)];
        const head = `The results of the competition “${p.competitionTitle}” are published. Application ${p.number} “${p.title}”`;
        if (p.outcome === 'winner') {
          return `${head}: ${outcome}${typeof p.awardedKopecks === 'number' ? `, the award is ${messageParams.money(p.awardedKopecks, c)}` : ''}.`;
        }
        return outcome ? `${head}: ${outcome}.` : `${head}: see the application's page for the outcome.`;
      },
    },
  },
  'report-due': {
    title: {
      ru: (p) => (p.step === 'overdue' ? `Отчёт по заявке № ${p.number} просрочен` : `Срок сдачи отчёта по заявке № ${p.number} — через 14 дней`),
      en: (p) => (p.step === 'overdue' ? `The report on application ${p.number} is overdue` : `The report on application ${p.number} is due in 14 days`),
    },
    body: {
      ru: (p, c) => (p.step === 'overdue'
        ? `Срок сдачи отчёта по проекту «${p.title}» (заявка № ${p.number}) истёк ${when(p.dueAt, c)}. Сдайте отчёт как можно скорее.`
        : `Отчёт по проекту «${p.title}» (заявка № ${p.number}) нужно сдать до ${when(p.dueAt, c)}.`),
      en: (p, c) => (p.step === 'overdue'
        ? `The report on the project “${p.title}” (application ${p.number}) was due on ${when(p.dueAt, c)}. Please submit it as soon as possible.`
        : `The report on the project “${p.title}” (application ${p.number}) is due on ${when(p.dueAt, c)}.`),
    },
  },
  'report-returned': {
    title: { ru: (p) => `Отчёт по заявке № ${p.number} возвращён на доработку`, en: (p) => `The report on application ${p.number} was returned` },
    body: {
      ru: (p) => `Организатор вернул отчёт по проекту «${p.title}» (заявка № ${p.number}) с замечаниями. Исправьте отчёт и отправьте его снова.`,
      en: (p) => `The organiser returned the report on the project “${p.title}” (application ${p.number}) with comments. Please correct it and submit it again.`,
    },
  },
  'report-accepted': {
    title: { ru: (p) => `Отчёт по заявке № ${p.number} принят`, en: (p) => `The report on application ${p.number} was accepted` },
    body: {
      ru: (p) => `Организатор принял ${p.kind === 'final' ? 'итоговый' : 'промежуточный'} отчёт по проекту «${p.title}» (заявка № ${p.number}).`,
      en: (p) => `The organiser accepted the ${p.kind === 'final' ? 'final' : 'interim'} report on the project “${p.title}” (application ${p.number}).`,
    },
  },
  'question-answered': {
    title: { ru: same('Организатор ответил на ваш вопрос'), en: same('The organiser answered your question') },
    body: {
      ru: (p) => `На ваш вопрос по конкурсу «${p.competitionTitle}» получен ответ организатора.`,
      en: (p) => `Your question about the competition “${p.competitionTitle}” has been answered by the organiser.`,
    },
  },
  'consultation-message': {
    title: { ru: (p) => `Сообщение консультанта по заявке № ${p.number}`, en: (p) => `A consultation message on application ${p.number}` },
    body: {
      ru: (p) => `В консультации по заявке № ${p.number} новое сообщение (ресурсный центр «${p.centreName}»).`,
      en: (p) => `There is a new message in the consultation on application ${p.number} (resource centre “${p.centreName}”).`,
    },
  },
  'conflict-declared': {
    title: { ru: (p) => `Конфликт интересов по заявке № ${p.number}`, en: (p) => `A conflict of interest on application ${p.number}` },
    body: {
      ru: (p) => `Эксперт ${p.expertName} отказался от экспертизы заявки № ${p.number} конкурса «${p.competitionTitle}» из-за конфликта интересов. `
        + 'Назначьте заявке другого эксперта.',
      en: (p) => `The expert ${p.expertName} declined to review application ${p.number} of the competition “${p.competitionTitle}” because of a conflict of interest. `
        + 'Assign another expert to it.',
    },
  },
  'reviews-completed': {
    title: { ru: (p) => `Экспертиза конкурса ${p.competitionCode} завершена`, en: (p) => `All reviews of ${p.competitionCode} are in` },
    body: {
      ru: (p) => {
        const n = Number(p.count ?? 0);
        return `Все эксперты конкурса «${p.competitionTitle}» отправили оценки: ${pluralRu(n, 'получена', 'получено', 'получено')} ${n} `
          + `${pluralRu(n, 'оценка', 'оценки', 'оценок')}. Можно сформировать рейтинг и подвести итоги.`;
      },
      en: (p) => {
        const n = Number(p.count ?? 0);
        return `Every expert of the competition “${p.competitionTitle}” has submitted: ${n} ${n === 1 ? 'review' : 'reviews'} in all. `
          + 'The ranking can be reviewed and the awards decided.';
      },
    },
  },
  'report-submitted': {
    title: { ru: (p) => `Отчёт по заявке № ${p.number} сдан`, en: (p) => `A report on application ${p.number} was submitted` },
    body: {
      ru: (p) => `${p.organizationName} ${p.kind === 'final' ? 'сдала итоговый' : 'сдала промежуточный'} отчёт по проекту «${p.title}» (заявка № ${p.number}, конкурс «${p.competitionTitle}»). Отчёт ждёт проверки.`,
      en: (p) => `${p.organizationName} submitted the ${p.kind === 'final' ? 'final' : 'interim'} report on the project “${p.title}” (application ${p.number}, competition “${p.competitionTitle}”). It awaits your review.`,
    },
  },
  'password-reset': {
    title: { ru: same('Восстановление пароля'), en: same('Reset your password') },
    body: {
      ru: same('Кто-то (возможно, вы) попросил сбросить пароль от Конкурса. Чтобы задать новый пароль, нажмите на кнопку ниже. '
        + 'Ссылка действует 1 час и только один раз. Если вы не просили сбросить пароль, ничего не делайте: пароль останется прежним.'),
      en: same('Someone (perhaps you) asked to reset the password of your Konkurs account. To set a new password, press the button below. '
        + 'The link is valid for 1 hour and only once. If you did not ask for it, do nothing: your password stays as it is.'),
    },
  },
  'email-verification': {
    title: { ru: same('Подтвердите адрес электронной почты'), en: same('Confirm your e-mail') },
    body: {
      ru: same('Чтобы получать уведомления Конкурса по электронной почте, подтвердите этот адрес: нажмите на кнопку ниже. '
        + 'Ссылка действует 7 дней и только один раз. Если вы не регистрировались в Конкурсе, просто удалите это письмо.'),
      en: same('To receive Konkurs notifications by e-mail, confirm this address: press the button below. '
        + 'The link is valid for 7 days and only once. If you did not sign up for Konkurs, just delete this e-mail.'),
    },
  },
  'password-changed': {
    title: { ru: same('Пароль изменён'), en: same('Your password was changed') },
    body: {
      ru: (p, c) => `Пароль от вашей учётной записи в Конкурсе изменён ${when(p.at, c)}. `
        + 'Если это сделали не вы, сразу восстановите пароль по ссылке «Забыли пароль?» и сообщите администратору.',
      en: (p, c) => `The password of your Konkurs account was changed on ${when(p.at, c)}. `
        + 'If it was not you, reset your password at once with “Forgot password?” and tell the administrator.',
    },
  },
};
