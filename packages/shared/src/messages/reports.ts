// Messages of the after-the-award work: reports, their schedule, the commission and the printable documents.
import type { Message } from './index.js';
import { REPORT_STATUS_LABELS } from '../labels.js';
import type { ReportStatus } from '../enums.js';

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
  // A report's supporting documents (POST /reports/:id/attachments) and a report no longer editable.
  'report-not-editable': {
    ru: (p) => `Отчёт по заявке № ${p.number} в статусе «${REPORT_STATUS_LABELS.ru[p.status as ReportStatus] ?? p.status}»: изменять можно только отчёт, который ещё не отправлен или возвращён на доработку`,
    en: (p) => `The report on application ${p.number} is ${REPORT_STATUS_LABELS.en[p.status as ReportStatus] ?? p.status}; only a report not yet submitted, or returned for changes, can be changed`,
  },
  'too-many-report-attachments': {
    ru: (p) => `К отчёту можно приложить не больше ${p.max} документов`, en: (p) => `A report carries at most ${p.max} documents`,
  },
  'budget-index-invalid': {
    ru: () => 'Строка сметы указывается номером: целым числом от 0', en: () => 'The budget line is given by its index: a whole number from 0',
  },
  'budget-index-unknown': {
    ru: (p) => `В смете заявки нет такой строки (строк в смете: ${p.lines ?? 0})`, en: (p) => `The application's budget has no such line (it has ${p.lines ?? 0})`,
  },
};
