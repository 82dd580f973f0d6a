// Messages of the after-the-award work: reports, their schedule, the commission and the printable documents.
import type { Lang } from '../labels.js';
import type { Message } from './index.js';
import { messageParams } from './params.js';
import { formatDate } from '../format.js';

const { money } = messageParams;
const day = (d: unknown) => (typeof d === 'string' ? formatDate(d) : '');
/** 12,5 % in Russian, 12.5% in English. */
const percent = (v: unknown, lang: Lang) => (lang === 'ru' ? `${String(v).replace('.', ',')} %` : `${String(v)}%`);
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
  // The reports core: a submit's problems (domain/report-rules.ts), the review, the schedule.
  'report-event-required': {
    ru: (p) => (p.title ? `Укажите, выполнено ли мероприятие «${p.title}»` : 'Укажите, выполнено ли мероприятие календарного плана'),
    en: (p) => (p.title ? `Say whether the event “${p.title}” was done` : 'Say whether this calendar-plan event was done'),
  },
  'no-such-calendar-event': {
    ru: (p) => `В календарном плане заявки нет такого мероприятия (мероприятий в плане: ${p.events ?? 0})`,
    en: (p) => `The application's calendar plan has no such event (it has ${p.events ?? 0})`,
  },
  'no-such-budget-line': {
    ru: (p) => `В смете заявки нет такой строки (строк в смете: ${p.lines ?? 0})`,
    en: (p) => `The application's budget has no such line (it has ${p.lines ?? 0})`,
  },
  'report-row-repeated': {
    ru: () => 'Эта строка плана указана в отчёте дважды: оставьте одну', en: () => 'This line of the plan appears twice in the report; keep one',
  },
  'over-budget-line': {
    ru: (p, c) => `Из гранта по этой строке израсходовано ${money(p.spentKopecks, c)} — больше предусмотренных сметой ${money(p.limitKopecks, c)}`,
    en: (p, c) => `${money(p.spentKopecks, c)} spent from the grant on this line, more than the budget's ${money(p.limitKopecks, c)}`,
  },
  'over-award': {
    ru: (p, c) => `Всего из гранта израсходовано ${money(p.spentKopecks, c)} — больше суммы гранта ${money(p.awardedKopecks, c)}`,
    en: (p, c) => `${money(p.spentKopecks, c)} spent from the grant in all, more than the grant of ${money(p.awardedKopecks, c)}`,
  },
  'cofinancing-explanation-required': {
    ru: (p) => `Доля софинансирования в расходах ${percent(p.actualPercent, 'ru')} ниже обещанной в заявке ${percent(p.promisedPercent, 'ru')}: объясните почему`,
    en: (p) => `Co-financing is ${percent(p.actualPercent, 'en')} of the spending, below the ${percent(p.promisedPercent, 'en')} the application promised: explain why`,
  },
  'return-comment-required': {
    ru: () => 'Чтобы вернуть отчёт на доработку, напишите комментарий: общий или к полям',
    en: () => 'To return the report, write a comment: a general one or on fields',
  },
  'no-such-report-field': {
    ru: (p) => `В отчёте нет поля «${p.path}», к которому можно оставить комментарий`,
    en: (p) => `The report has no field “${p.path}” to comment on`,
  },
  'duplicate-date': { ru: (p) => `Дата ${day(p.date)} указана дважды`, en: (p) => `The date ${day(p.date)} is given twice` },
  'report-schedule-fixed': {
    ru: (p) => `Итоги конкурса ${p.code} опубликованы, графики отчётов победителей уже составлены: даты промежуточных отчётов изменить нельзя`,
    en: (p) => `The results of competition ${p.code} are published and the winners' report schedules exist: the interim dates can no longer change`,
  },
};
