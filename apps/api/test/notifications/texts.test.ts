// The words of every kind: a Russian and an English title and body, filled from the parameters the events give
// (never "undefined" or an empty sentence), instants in the competition's zone, money as roubles, Russian plurals;
// account e-mails say what to do and for how long the link works.
import { describe, expect, it } from 'vitest';
import { ACCOUNT_EMAIL_KINDS, NOTIFICATION_KINDS, type EmailKind, type MessageParams } from '@konkurs/shared';
import { noticeText } from '../../src/services/notifications.js';

const AT = '2027-02-01T15:00:00.000Z';
/** Latin-only values, so that any Cyrillic in an English text is the template's own. */
const PARAMS: Record<EmailKind, MessageParams> = {
  'application-submitted': { number: 'K1-000001', title: 'Volunteers', competitionTitle: 'Good deeds', submittedAt: AT },
  'screening-decision': { number: 'K1-000001', title: 'Volunteers', decision: 'reject', reason: 'No charter' },
  'assignment-created': { number: 'K1-000001', competitionTitle: 'Good deeds', dueAt: AT },
  'review-due': { number: 'K1-000001', competitionTitle: 'Good deeds', dueAt: AT, step: '1d' },
  'draft-deadline': { number: 'K1-000001', title: 'Volunteers', competitionTitle: 'Good deeds', closesAt: AT, step: '3d' },
  'results-published': { number: 'K1-000001', title: 'Volunteers', competitionTitle: 'Good deeds', outcome: 'winner', awardedKopecks: 150_000_000 },
  'report-due': { number: 'K1-000001', title: 'Volunteers', dueAt: AT, step: '14d' },
  'report-returned': { number: 'K1-000001', title: 'Volunteers', kind: 'interim' },
  'report-accepted': { number: 'K1-000001', title: 'Volunteers', kind: 'final' },
  'report-submitted': { number: 'K1-000001', title: 'Volunteers', kind: 'interim', organizationName: 'Good people', competitionTitle: 'Good deeds' },
  'question-answered': { competitionTitle: 'Good deeds' },
  'consultation-message': { number: 'K1-000001', centreName: 'Centre' },
  'conflict-declared': { number: 'K1-000001', competitionTitle: 'Good deeds', expertName: 'Ivanov' },
  'reviews-completed': { competitionTitle: 'Good deeds', competitionCode: 'K1', count: 21 },
  'password-reset': {},
  'email-verification': {},
  'password-changed': { at: AT },
};

describe('notice texts', () => {
  it('exist for every kind in both languages, filled from the parameters', () => {
    for (const kind of [...NOTIFICATION_KINDS, ...ACCOUNT_EMAIL_KINDS]) {
      const ru = noticeText(kind, PARAMS[kind], 'ru');
      const en = noticeText(kind, PARAMS[kind], 'en');
      for (const [lang, text] of [['ru', ru], ['en', en]] as const) {
        expect(text.title.length, `${kind} ${lang}`).toBeGreaterThan(5);
        expect(text.body.length, `${kind} ${lang}`).toBeGreaterThan(30);
        expect(`${text.title} ${text.body}`, `${kind} ${lang}`).not.toMatch(/undefined|null|NaN|\[object|\$\{/);
      }
      expect(`${ru.title} ${ru.body}`, kind).toMatch(/[А-Яа-яЁё]{4}/);
      expect(`${en.title} ${en.body}`.replace(/\(МСК\)/g, ''), kind).not.toMatch(/[А-Яа-яЁё]/);
    }
  });

  it('show instants in the given zone and money in roubles', () => {
    expect(noticeText('review-due', PARAMS['review-due'], 'ru').body).toBe('Оценку заявки № K1-000001 конкурса «Good deeds» нужно отправить до 01.02.2027 18:00 (МСК).');
    expect(noticeText('review-due', PARAMS['review-due'], 'ru', 'Asia/Vladivostok').body).toContain('02.02.2027 01:00 (Asia/Vladivostok)');
    expect(noticeText('review-due', PARAMS['review-due'], 'ru').title).toBe('Срок экспертизы заявки № K1-000001 — через 1 день');
    expect(noticeText('draft-deadline', PARAMS['draft-deadline'], 'en').title).toBe('The call closes in 3 days');
    expect(noticeText('results-published', PARAMS['results-published'], 'ru').body).toContain('размер гранта — 1\u00a0500\u00a0000,00\u00a0₽');
    expect(noticeText('report-due', { ...PARAMS['report-due'], step: 'overdue' }, 'ru').title).toBe('Отчёт по заявке № K1-000001 просрочен');
    // An admitted application's decision has no reason; an absent due date is left out.
    expect(noticeText('screening-decision', { number: 'K1', title: 'T', decision: 'admit' }, 'ru').body).not.toContain('Причина');
    expect(noticeText('assignment-created', { number: 'K1', competitionTitle: 'C' }, 'ru').body).not.toContain('Срок');
  });

  it('use the Russian plural forms', () => {
    const counted = (count: number) => noticeText('reviews-completed', { ...PARAMS['reviews-completed'], count }, 'ru').body.match(/получен\S* \d+ \S+/)![0];
    expect([1, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(counted)).toEqual([
      'получена 1 оценка.', 'получено 2 оценки.', 'получено 5 оценок.', 'получено 11 оценок.', 'получено 12 оценок.', 'получено 14 оценок.',
      'получена 21 оценка.', 'получено 22 оценки.', 'получено 25 оценок.', 'получена 101 оценка.', 'получено 111 оценок.',
    ]);
    expect(noticeText('reviews-completed', PARAMS['reviews-completed'], 'ru').body).toContain('получена 21 оценка');
    expect(noticeText('reviews-completed', { ...PARAMS['reviews-completed'], count: 3 }, 'ru').body).toContain('получено 3 оценки');
    expect(noticeText('reviews-completed', { ...PARAMS['reviews-completed'], count: 1 }, 'en').body).toContain('1 review in all');
  });

  it('tell what to do with an account e-mail and for how long its link works', () => {
    // The reset link lasts an hour, the confirmation link a week (services/accounts.ts RESET_TTL_MS, VERIFY_TTL_MS).
    for (const [kind, ru, en] of [['password-reset', '1 час', '1 hour'], ['email-verification', '7 дней', '7 days']] as const) {
      expect(noticeText(kind, {}, 'ru').body).toContain(`действует ${ru}`);
      expect(noticeText(kind, {}, 'ru').body).toContain('нажмите на кнопку');
      expect(noticeText(kind, {}, 'en').body).toContain(`valid for ${en}`);
    }
    expect(noticeText('password-changed', PARAMS['password-changed'], 'ru').body).toContain('01.02.2027 18:00 (МСК)');
  });
});
