// Messages of the review-to-award path: assignments, reviews, the ranking, awards, results, and the status moves
// of services/transitions.ts (every lifecycle's wrong-status and status-changed).
import type { Lang } from '../labels.js';
import { APPLICATION_STATUS_LABELS, ASSIGNMENT_STATUS_LABELS, COMPETITION_STATUS_LABELS, REPORT_STATUS_LABELS } from '../labels.js';
import type { Message, MessageParams } from './index.js';
import { messageParams } from './params.js';

const REVIEW_STATUS_WORDS: Record<Lang, Record<string, string>> = {
  ru: { draft: 'Черновик', submitted: 'Отправлена' },
  en: { draft: 'Draft', submitted: 'Submitted' },
};

/** A status in the words of the glossary, for the lifecycle the params name (`entity`). */
function statusWord(p: MessageParams, key: 'from' | 'to' | 'status', lang: Lang): string {
  const s = String(p[key] ?? '');
  const labels: Record<string, string> = p.entity === 'competition' ? COMPETITION_STATUS_LABELS[lang]
    : p.entity === 'assignment' ? ASSIGNMENT_STATUS_LABELS[lang]
      : p.entity === 'review' ? REVIEW_STATUS_WORDS[lang]
        : p.entity === 'report' ? REPORT_STATUS_LABELS[lang]
          : APPLICATION_STATUS_LABELS[lang];
  return labels[s] ?? s;
}

/** What the move is about: «Заявка № …», «Конкурс …», the expert's assignment or review. */
function subject(p: MessageParams, lang: Lang): string {
  if (lang === 'ru') {
    if (p.entity === 'competition') return `Конкурс ${p.code}`;
    if (p.entity === 'assignment') return 'Назначение на экспертизу';
    if (p.entity === 'review') return 'Экспертная оценка';
    if (p.entity === 'report') return `Отчёт по заявке № ${p.number}`;
    return `Заявка № ${p.number}`;
  }
  if (p.entity === 'competition') return `Competition ${p.code}`;
  if (p.entity === 'assignment') return 'The assignment';
  if (p.entity === 'review') return 'The review';
  if (p.entity === 'report') return `The report on application ${p.number}`;
  return `Application ${p.number}`;
}

const competitionStatus = (p: MessageParams, lang: Lang) => COMPETITION_STATUS_LABELS[lang][p.status as keyof (typeof COMPETITION_STATUS_LABELS)['ru']] ?? String(p.status);
const applicationStatus = (p: MessageParams, lang: Lang) => APPLICATION_STATUS_LABELS[lang][p.status as keyof (typeof APPLICATION_STATUS_LABELS)['ru']] ?? String(p.status);

export const REVIEW_MESSAGES: Record<string, Message> = {
  // Status moves (services/transitions.ts): params entity (application, competition, assignment, review), number or code, from, to.
  'wrong-status': {
    ru: (p) => `${subject(p, 'ru')} в статусе «${statusWord(p, 'from', 'ru')}»: перевести в статус «${statusWord(p, 'to', 'ru')}» нельзя`,
    en: (p) => `${subject(p, 'en')} is ${statusWord(p, 'from', 'en')}; it cannot become ${statusWord(p, 'to', 'en')}`,
  },
  'status-changed': {
    ru: (p) => `${subject(p, 'ru')}: статус тем временем изменил кто-то другой. Обновите страницу`,
    en: (p) => `${subject(p, 'en')} was changed by someone else in the meantime; reload it`,
  },

  // Competition stages.
  'competition-not-in-review': {
    ru: (p) => `Конкурс ${p.code} в статусе «${competitionStatus(p, 'ru')}»: это делается только на этапе экспертизы`,
    en: (p) => `Competition ${p.code} is ${competitionStatus(p, 'en')}: this is done while it is in review`,
  },
  'pool-closed': {
    ru: (p) => `Конкурс ${p.code} в статусе «${competitionStatus(p, 'ru')}»: состав экспертов больше не меняется`,
    en: (p) => `Competition ${p.code} is ${competitionStatus(p, 'en')}: its expert pool no longer changes`,
  },
  'already-decided': {
    ru: (p) => `Итоги конкурса ${p.code} уже подведены`,
    en: (p) => `The awards of competition ${p.code} are already decided`,
  },
  'results-not-published': {
    ru: () => 'Итоги этого конкурса ещё не опубликованы',
    en: () => 'The results of this competition are not published yet',
  },

  // The expert pool.
  'not-active-expert': { ru: () => 'Это не действующий эксперт', en: () => 'Not an active expert' },
  'expert-has-assignments': {
    ru: () => 'У эксперта есть назначения в этом конкурсе; он остаётся в составе экспертов',
    en: () => 'The expert has assignments in this competition; they stay in the pool',
  },

  // Assignments.
  'application-not-assignable': {
    ru: (p) => `Заявка № ${p.number} в статусе «${applicationStatus(p, 'ru')}»: экспертов назначают на заявки, допущенные к экспертизе или находящиеся на ней`,
    en: (p) => `Application ${p.number} is ${applicationStatus(p, 'en')}: experts are assigned to admitted applications and those under review`,
  },
  'not-in-pool': { ru: () => 'Эксперт не входит в состав экспертов этого конкурса', en: () => 'The expert is not in this competition\'s pool' },
  'duplicate-assignment': { ru: () => 'Этот эксперт уже назначен на заявку', en: () => 'The expert is already assigned to this application' },
  'conflict-of-interest': {
    ru: () => 'У эксперта конфликт интересов с организацией-заявителем',
    en: () => 'The expert has a conflict of interest with the applicant organisation',
  },
  'assignment-declined': { ru: () => 'От этой экспертизы вы отказались', en: () => 'This assignment was declined' },
  // Why automatic assignment left an application short (params of the solver's shortfall).
  'pool-empty': { ru: () => 'В составе экспертов конкурса никого нет', en: () => 'The expert pool is empty' },
  'no-eligible-expert': {
    ru: (p) => `Назначено экспертов: ${p.assigned} из ${p.needed}. Других подходящих экспертов нет: в составе ${p.pool}, ` +
      `из них с конфликтом интересов с организацией — ${p.conflicted}, уже назначены на эту заявку — ${p.already}`,
    en: (p) => `${p.assigned} of ${p.needed} experts assigned: no other eligible expert in the pool of ${p.pool} ` +
      `(${p.conflicted} in conflict of interest with the organisation, ${p.already} already on this application)`,
  },

  // Reviews.
  'already-submitted': {
    ru: () => 'Экспертная оценка уже отправлена; отправленную оценку изменить нельзя',
    en: () => 'This review has been submitted; a submitted review is final',
  },
  'review-incomplete': { ru: () => 'Оценка заполнена не полностью', en: () => 'The review is not complete' },
  'scores-not-saved': { ru: () => 'Сначала сохраните оценки', en: () => 'Save the scores first' },
  'score-required': { ru: () => 'Поставьте оценку', en: () => 'A score is required' },
  'comment-required': { ru: () => 'Для этого критерия нужен комментарий', en: () => 'A comment is required for this criterion' },
  'unknown-criterion': {
    ru: (p) => `В конкурсе нет критерия ${p.criterionCode}`,
    en: (p) => `No criterion ${p.criterionCode} in this competition`,
  },
  'scored-twice': { ru: (p) => `Критерий ${p.criterionCode} оценён дважды`, en: (p) => `Criterion ${p.criterionCode} is scored twice` },
  'score-out-of-range': {
    ru: (p) => `Балл — целое число от 0 до ${p.max}`,
    en: (p) => `Must be an integer from 0 to ${p.max}`,
  },

  // Awards.
  'reviews-pending': {
    ru: (p) => `Решение о грантах пока нельзя утвердить: ещё не завершена экспертиза заявок № ${messageParams.list(p.numbers)}`,
    en: (p) => `The awards cannot be confirmed yet: applications ${messageParams.list(p.numbers)} still wait for a review`,
  },
  'not-in-ranking': { ru: () => 'Этой заявки нет в рейтинге конкурса', en: () => 'Not an application in this competition\'s ranking' },
  'overridden-twice': { ru: () => 'Размер гранта для этой заявки изменён дважды', en: () => 'Overridden twice' },
  'override-raises': {
    ru: (p, ctx) => `Размер гранта можно только уменьшить: от ${messageParams.money(1, ctx)} до ${messageParams.money(p.max, ctx)}`,
    en: (p, ctx) => `The amount may only be lowered: from ${messageParams.money(1, ctx)} to ${messageParams.money(p.max, ctx)}`,
  },
};
