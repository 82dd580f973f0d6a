// Problem-level messages (`code` of a whole problem, the `detail` a person reads), and the rule messages
// the domain attaches to fields (submit problems, frozen settings, account and organisation rules).
// Parameters carry ids, instants (ISO, shown in `timezone`), kopecks and enum codes; the texts render them.
// A status move's wrong-status and status-changed are in review.ts, beside the other lifecycles'.
import { APPLICATION_STATUS_LABELS, ATTACHMENT_KIND_LABELS, COMPETITION_STATUS_LABELS, ROLE_LABELS, type Lang } from '../labels.js';
import { REGIONS } from '../reference.js';
import { formatDate } from '../format.js';
import { formatFileSize } from '../attachments.js';
import type { ApplicationStatus, AttachmentKind, CompetitionStatus, Role } from '../enums.js';
import type { Message, MessageContext, MessageParams } from './index.js';
import { messageParams } from './params.js';

const { instant, money, list } = messageParams;
const same = (text: string) => () => text;
const appStatus = (s: unknown, lang: Lang) => APPLICATION_STATUS_LABELS[lang][s as ApplicationStatus] ?? String(s);
const compStatus = (s: unknown, lang: Lang) => COMPETITION_STATUS_LABELS[lang][s as CompetitionStatus] ?? String(s);
const kindLabel = (k: unknown, lang: Lang) => ATTACHMENT_KIND_LABELS[lang][k as AttachmentKind] ?? String(k);
const regionName = (code: unknown) => REGIONS.find((r) => r[0] === code)?.[1] ?? String(code);
const day = (d: unknown) => (typeof d === 'string' ? formatDate(d) : '');
/** 1 заявку, 2 заявки, 5 заявок. */
function applicationsRu(n: unknown) {
  const k = Number(n);
  const [one, few, many] = ['заявку', 'заявки', 'заявок'];
  const word = k % 10 === 1 && k % 100 !== 11 ? one : k % 10 >= 2 && k % 10 <= 4 && (k % 100 < 12 || k % 100 > 14) ? few : many;
  return `${k} ${word}`;
}

/** What was not found, as a Russian sentence (the noun's gender decides the verb). */
const NOT_FOUND: Record<string, [ru: string, en: string]> = {
  application: ['Заявка не найдена', 'Application not found'],
  competition: ['Конкурс не найден', 'Competition not found'],
  organization: ['Организация не найдена', 'Organisation not found'],
  user: ['Пользователь не найден', 'User not found'],
  attachment: ['Документ не найден', 'Document not found'],
  operator: ['Оператор не найден', 'Operator not found'],
  assignment: ['Назначение эксперта не найдено', 'Assignment not found'],
  review: ['Оценка эксперта не найдена', 'Review not found'],
  expert: ['Эксперт не найден', 'Expert not found'],
  results: ['Итоги конкурса не найдены', 'Results not found'],
  email: ['Письмо не найдено', 'E-mail not found'],
  notification: ['Уведомление не найдено', 'Notification not found'],
  report: ['Отчёт не найден', 'Report not found'],
};

const submissionWindow = (p: MessageParams, ctx: MessageContext) => ctx.lang === 'ru'
  ? `Конкурс ${p.code} принимает заявки с ${instant(p.opensAt, ctx)} до ${instant(p.closesAt, ctx)}; сейчас заявку подать нельзя`
  : `Competition ${p.code} accepts applications from ${instant(p.opensAt, ctx)} until ${instant(p.closesAt, ctx)}; not now`;

export const PROBLEM_MESSAGES: Record<string, Message> = {
  // ---- General ----
  'invalid-request': { ru: same('Запрос заполнен с ошибками'), en: same('The request has errors') },
  internal: { ru: same('Что-то пошло не так на нашей стороне; запрос не выполнен'), en: same('Something went wrong on our side; the request was not completed') },
  unauthorized: { ru: same('Войдите в систему'), en: same('Sign in first') },
  'session-ended': { ru: same('Сеанс завершён или истёк; войдите снова'), en: same('The session has ended or expired; sign in again') },
  forbidden: { ru: same('Вашей роли это действие недоступно'), en: same('Your role may not do this') },
  'not-found': {
    ru: (p) => NOT_FOUND[String(p.entity)]?.[0] ?? 'Не найдено',
    en: (p) => NOT_FOUND[String(p.entity)]?.[1] ?? 'Not found',
  },
  'stale-version': {
    ru: same('Пока вы работали, данные изменили в другом окне или другой пользователь; обновите страницу и внесите изменения снова'),
    en: (p) => `A newer version${p.current ? ` (${p.current})` : ''} was saved in the meantime; reload it and apply your changes again`,
  },
  'invalid-cursor': { ru: same('Ссылка на следующую страницу списка недействительна; откройте список заново'), en: same('Not a cursor this server issued') },
  'cursor-other-list': { ru: same('Эта ссылка на страницу относится к другому списку'), en: same('Not a cursor for this list') },
  'rate-limited': {
    // Sign-in, sign-up, adding members, reset and confirmation e-mails share it (apps/api/src/lib/limits.ts).
    ru: (p) => `Слишком много попыток; попробуйте снова через ${p.retryAfterSeconds} с`,
    en: (p) => `Too many attempts; try again in ${p.retryAfterSeconds} s`,
  },

  // ---- Accounts and users ----
  'invalid-credentials': { ru: same('Неверный адрес электронной почты или пароль'), en: same('Wrong e-mail or password') },
  'email-taken': { ru: same('Пользователь с таким адресом электронной почты уже зарегистрирован'), en: same('A user with this e-mail already exists') },
  'wrong-password': { ru: same('Текущий пароль указан неверно'), en: same('The current password is wrong') },
  // Links from account e-mails (services/accounts.ts): the SPA offers to request a new one.
  'token-invalid': {
    ru: same('Ссылка недействительна или уже использована; запросите новую'),
    en: same('The link is not valid or has already been used; request a new one'),
  },
  'token-expired': { ru: same('Срок действия ссылки истёк; запросите новую'), en: same('The link has expired; request a new one') },
  'consent-outdated': {
    ru: same('Текст согласия на обработку персональных данных обновился; прочитайте новый текст и дайте согласие снова'),
    en: same('The consent text has changed; read the new text and give consent again'),
  },
  'operator-required': {
    ru: (p) => `Для роли «${ROLE_LABELS.ru[p.role as Role] ?? p.role}» укажите оператора конкурса`,
    en: (p) => `Required for the role ${ROLE_LABELS.en[p.role as Role] ?? p.role}`,
  },
  'unknown-operator': { ru: same('Такого оператора конкурса нет'), en: same('No such operator') },
  'directions-for-experts': { ru: same('Направления указываются только для экспертов'), en: same('Only experts have directions') },
  'experts-only': { ru: same('Организатор конкурса может создавать только экспертов'), en: same('An organiser may create experts only') },
  'own-operator-only': { ru: same('Можно указать только своего оператора конкурса'), en: same('Must be your own operator') },

  // ---- Organisations ----
  'inn-taken': { ru: same('Организация с таким ИНН уже зарегистрирована'), en: same('An organisation with this ИНН is already registered') },
  'owner-only': { ru: same('Это может сделать только владелец организации'), en: same('Only the owner of the organisation may do this') },
  'already-member': { ru: same('Этот пользователь уже состоит в организации'), en: same('This user is already a member of the organisation') },
  'not-a-member': { ru: same('Вы не состоите в этой организации'), en: same('Not an organisation you are a member of') },

  // ---- Competitions ----
  'code-taken': { ru: same('Конкурс с таким кодом уже есть'), en: same('A competition with this code already exists') },
  'own-operator-competitions': {
    ru: same('Организатор создаёт конкурсы только своего оператора'), en: same('An organiser creates competitions of its own operator only'),
  },
  frozen: {
    ru: (p) => `Конкурс ${p.code} в статусе «${compStatus(p.status, 'ru')}»: некоторые поля уже нельзя изменить`,
    en: (p) => `Competition ${p.code} is ${compStatus(p.status, 'en')}: some fields can no longer change`,
  },
  'field-frozen': {
    ru: (p) => `В статусе «${compStatus(p.status, 'ru')}» это поле изменить нельзя`,
    en: (p) => `Cannot change once the competition is ${compStatus(p.status, 'en')}`,
  },
  'criteria-frozen': { ru: same('Критерии оценки нельзя менять после того, как конкурс вышел из черновика'), en: same('Criteria are frozen once the competition has left draft') },
  'closes-at-only-later': { ru: same('Пока идёт приём заявок, срок окончания можно только продлить'), en: same('While applications are accepted the closing time may only be extended') },
  'closes-at-past': { ru: same('Срок окончания приёма заявок должен быть в будущем'), en: same('Must be in the future') },
  'closes-at-passed': {
    ru: (p, ctx) => `Срок приёма заявок на конкурс ${p.code} (до ${instant(p.closesAt, ctx)}) уже прошёл; сначала перенесите его на более позднее время`,
    en: (p, ctx) => `The closing time of competition ${p.code} (${instant(p.closesAt, ctx)}) has already passed; move it later first`,
  },
  'review-too-early': {
    ru: (p, ctx) => `Приём заявок идёт до ${instant(p.closesAt, ctx)}; экспертизу можно начать после этого`,
    en: (p, ctx) => `Applications are accepted until ${instant(p.closesAt, ctx)}; the review starts after that`,
  },

  // ---- Applications ----
  'submission-closed': {
    ru: (p, ctx) => p.status === 'open' ? submissionWindow(p, ctx) : `Конкурс ${p.code} сейчас не принимает заявки (статус «${compStatus(p.status, 'ru')}»)`,
    en: (p, ctx) => p.status === 'open' ? submissionWindow(p, ctx) : `Competition ${p.code} is not accepting applications now (${compStatus(p.status, 'en')})`,
  },
  'deadline-passed': {
    ru: (p, ctx) => `Приём заявок на конкурс ${p.code} завершён ${instant(p.closesAt, ctx)}`,
    en: (p, ctx) => `Applications to competition ${p.code} closed at ${instant(p.closesAt, ctx)}`,
  },
  'region-not-allowed': {
    ru: (p) => `Конкурс ${p.code} принимает заявки только от организаций из регионов: ${((p.regions ?? []) as string[]).map(regionName).join(', ')}`,
    en: (p) => `Competition ${p.code} accepts organisations of regions ${list(p.regions)} only`,
  },
  'not-a-draft': {
    ru: (p) => `Заявка № ${p.number} в статусе «${appStatus(p.status, 'ru')}»: изменять можно только черновик`,
    en: (p) => `Application ${p.number} is ${appStatus(p.status, 'en')}; only a draft can be changed`,
  },
  'sums-too-large': { ru: same('Суммы по смете слишком велики, чтобы их посчитать'), en: same('The sums of the lines are too large to be counted') },
  'rule-check-failed': {
    ru: (p) => `Заявку пока нельзя подать: исправьте замечания (${p.count ?? 0})`,
    en: (p) => `The application cannot be submitted yet: ${p.count ?? 0} problem(s)`,
  },
  'direction-not-in-competition': { ru: same('Это направление не входит в направления конкурса'), en: same('Not among the directions of the competition') },
  'list-empty': { ru: same('Добавьте хотя бы одну запись'), en: same('At least one is required') },
  'item-empty': { ru: same('Заполните пункт или удалите его'), en: same('Must not be empty') },
  'start-before-closing-day': {
    ru: (p) => `Проект может начаться не раньше дня окончания приёма заявок, ${day(p.closingDay)}`,
    en: (p) => `Must be no earlier than the competition's closing day, ${day(p.closingDay)}`,
  },
  'end-before-start': { ru: same('Дата окончания не может быть раньше даты начала'), en: same('Must not be before the start date') },
  'project-too-long': {
    ru: (p) => `Проект может длиться не больше ${p.months} мес.: до ${day(p.lastDay)}`,
    en: (p) => `The project may last at most ${p.months} months: until ${day(p.lastDay)}`,
  },
  'task-not-found': { ru: same('Выберите одну из задач проекта'), en: same('Must point to one of the tasks') },
  'before-project-start': { ru: same('Мероприятие начинается раньше начала проекта'), en: same('Before the project starts') },
  'after-project-end': { ru: same('Мероприятие заканчивается позже окончания проекта'), en: same('After the project ends') },
  'must-be-positive': { ru: same('Должно быть больше нуля'), en: same('Must be greater than 0') },
  'cofinancing-exceeds-line': { ru: same('Софинансирование не может быть больше стоимости строки'), en: same("Must not exceed the line's total") },
  'requested-out-of-range': {
    ru: (p, ctx) => `Запрашиваемая сумма должна быть от ${money(p.min, ctx)} до ${money(p.max, ctx)}`,
    en: (p, ctx) => `The requested amount must be between ${money(p.min, ctx)} and ${money(p.max, ctx)}`,
  },
  'cofinancing-too-low': {
    ru: (p) => `Софинансирование должно составлять не меньше ${p.percent}% общей стоимости проекта`,
    en: (p) => `Co-financing must be at least ${p.percent}% of the total cost`,
  },
  'attachment-required': {
    ru: (p) => `Приложите документ «${kindLabel(p.kind, 'ru')}»`,
    en: (p) => `A document "${kindLabel(p.kind, 'en')}" is required`,
  },
  'delete-not-draft': {
    ru: (p) => `Заявка № ${p.number} в статусе «${appStatus(p.status, 'ru')}»: удалить можно только черновик`,
    en: (p) => `Application ${p.number} is ${appStatus(p.status, 'en')}; only a draft can be deleted`,
  },
  'not-hideable': {
    ru: (p) => `Заявка № ${p.number} в статусе «${appStatus(p.status, 'ru')}»: скрыть из списка можно только отозванную`,
    en: (p) => `Application ${p.number} is ${appStatus(p.status, 'en')}; only a withdrawn one can be hidden`,
  },
  'limit-reached': {
    ru: (p) => `Организация уже подала ${applicationsRu(p.submitted)}: больше этот конкурс от одной организации не принимает`,
    en: (p) => `The organisation has already submitted ${p.submitted} application(s), the most this competition accepts`,
  },

  // ---- Attachments ----
  'too-many-attachments': {
    ru: (p) => `К заявке можно приложить не больше ${p.max} документов`, en: (p) => `An application carries at most ${p.max} documents`,
  },
  'storage-quota-exceeded': {
    ru: (p) => `Документы организации заняли бы больше отведённого места${p.quotaBytes ? ` (занято ${formatFileSize(Number(p.usedBytes ?? 0), 'ru')} из ${formatFileSize(Number(p.quotaBytes), 'ru')})` : ''}: удалите ненужные документы старых черновиков и загрузите файл снова`,
    en: (p) => `The organisation's documents would exceed its storage${p.quotaBytes ? ` (${formatFileSize(Number(p.usedBytes ?? 0), 'en')} of ${formatFileSize(Number(p.quotaBytes), 'en')} used)` : ''}: delete documents of old drafts you no longer need, then upload again`,
  },
  'storage-full': {
    ru: same('На сервере заканчивается место: файл не сохранён. Попробуйте позже; если не получится, сообщите оператору конкурса'),
    en: same('The server is running out of disk space: the file was not stored. Try again later, or tell the competition operator'),
  },
  'too-large': {
    ru: (p) => `Файл больше допустимого размера${p.maxBytes ? `: не больше ${formatFileSize(Number(p.maxBytes), 'ru')}` : ''}`,
    en: (p) => `The file is larger than allowed${p.maxBytes ? `: at most ${formatFileSize(Number(p.maxBytes), 'en')}` : ''}`,
  },
  'file-type-not-allowed': { ru: same('Этот файл нельзя принять'), en: same('The file cannot be accepted') },
  'file-type-unknown': {
    ru: same('Файл не похож ни на один из принимаемых форматов: PDF, PNG, JPEG, документы Word, Excel, PowerPoint и OpenDocument'),
    en: (p) => `The file's contents are ${p.detected ? `of type ${p.detected}` : 'of no recognised type'}; accepted are PDF, PNG, JPEG and office documents`,
  },
  'file-extension-mismatch': {
    ru: (p) => `Файл назван .${p.extension}, но по содержимому это ${p.actual}`,
    en: (p) => `The file is named .${p.extension} but its contents are ${p.actual}`,
  },
  'multipart-required': {
    ru: same('Документ отправляется формой multipart/form-data: сначала поле kind (вид документа), затем поле file'),
    en: same('Send multipart/form-data: a kind field, then a file field'),
  },
  'malformed-multipart': { ru: same('Форма с документом пришла повреждённой или не целиком; отправьте её ещё раз'), en: same('The multipart body is malformed') },
  'kind-invalid': {
    ru: same(`Выберите вид документа: ${Object.values(ATTACHMENT_KIND_LABELS.ru).join(', ')}`),
    en: same(`One of ${Object.keys(ATTACHMENT_KIND_LABELS.en).join(', ')}`),
  },
  'kind-before-file': { ru: same('Укажите вид документа до файла'), en: same('The kind is required before the file') },
  'file-required': { ru: same('Приложите файл в поле file'), en: same('Required: send the document in the field "file"') },
};
