// Messages of the after-the-award work: reports, their schedule, the commission and the printable documents.
import type { Message } from './index.js';

export const REPORT_MESSAGES: Record<string, Message> = {
  // The commission (PUT /competitions/:id/commission).
  'commission-one-chair': {
    ru: () => 'У комиссии может быть только один председатель',
    en: () => 'The commission may have one chair only',
  },
  'commission-one-secretary': {
    ru: () => 'У комиссии может быть только один секретарь',
    en: () => 'The commission may have one secretary only',
  },
  'competition-archived': {
    ru: () => 'Конкурс в архиве: его уже нельзя изменить',
    en: () => 'The competition is archived and can no longer be changed',
  },
  // The printable documents.
  'not-submitted': {
    ru: () => 'Заявка ещё не подана: печатная форма появится после подачи',
    en: () => 'The application has not been submitted yet; its printed form exists after submission',
  },
  'awards-not-decided': {
    ru: () => 'Решение о грантах ещё не принято: протокол появится после решения',
    en: () => 'The awards have not been decided yet; the protocol exists after the decision',
  },
  'agreement-not-available': {
    ru: () => 'Соглашение есть только у заявки-победителя после публикации итогов',
    en: () => 'An agreement exists only for a winning application once the results are published',
  },
};
