// The printed application (GET /applications/:id/print.pdf): every section of the form as submitted, headed by its
// number, its submission time in the competition's timezone and the sha256 of its content.
import { createHash } from 'node:crypto';
import {
  ATTACHMENT_KIND_LABELS, BUDGET_CATEGORY_LABELS, DIRECTIONS, REGIONS, budgetLineTotal,
  type AttachmentKind, type DraftFields,
} from '@konkurs/shared';
import type { PdfContent, PdfDocument } from '../../lib/pdf.js';
import { canonical } from '../audit.js';
import { date, document, facts, heading, instant, money, orDash, paragraph, section, table } from './layout.js';

export interface ApplicationPrint {
  number: string;
  submittedAt: Date;
  timezone: string;
  competition: { code: string; title: string; operatorName: string };
  organization: { fullName: string; shortName: string; inn: string; ogrn: string; kpp: string; regionCode: string; address: string | null; email: string | null; phone: string | null; website: string | null };
  /** The form's fields as submitted (applications.content). */
  content: DraftFields;
  totals: { totalCostKopecks: number; cofinancingKopecks: number; requestedKopecks: number };
  attachments: { kind: AttachmentKind; fileName: string; sizeBytes: number; sha256: string }[];
}

/**
 * The fingerprint of a submitted application: sha256 (hex) over the canonical JSON of its content, the form's
 * fields as stored in applications.content (keys sorted at every level, absent fields left out, no whitespace:
 * domain/audit.ts `canonical`). Anyone holding the content can recompute it; the documents carry their own sha256.
 */
export const applicationContentSha256 = (content: DraftFields) => createHash('sha256').update(canonical(content)).digest('hex');

const regionName = (code: string) => REGIONS.find((r) => r[0] === code)?.[1] ?? code;
const directionName = (code: string | null | undefined) => (code ? DIRECTIONS.find((d) => d[0] === code)?.[1] ?? code : '—');
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ` : `${Math.max(1, Math.round(bytes / 1024))} КБ`);
const list = (items: readonly (string | null | undefined)[] | null | undefined): PdfContent =>
  (items?.length ? { ol: items.map((i) => orDash(i)), margin: [0, 0, 0, 4] } : { text: '—', margin: [0, 0, 0, 4] });
const longText = (label: string, value: string | null | undefined): PdfContent[] => [{ text: label, style: 'label', margin: [0, 4, 0, 1] }, paragraph(orDash(value))];

export function applicationDocument(a: ApplicationPrint): PdfDocument {
  const c = a.content;
  const sha = applicationContentSha256(c);
  const org = a.organization;
  const tasks = c.tasks ?? [];
  const content: PdfContent[] = [
    ...heading(`Заявка № ${a.number}`, [
      `на участие в конкурсе ${a.competition.code} «${a.competition.title}»`,
      `Оператор конкурса: ${a.competition.operatorName}`,
    ]),
    facts([
      ['Подана', instant(a.submittedAt, a.timezone)],
      ['SHA-256 содержания', { text: sha, fontSize: 8 }],
    ]),

    section('1. Организация-заявитель'),
    facts([
      ['Полное наименование', org.fullName],
      ['Краткое наименование', org.shortName],
      ['ИНН', org.inn], ['ОГРН', org.ogrn], ['КПП', org.kpp],
      ['Регион', `${org.regionCode} — ${regionName(org.regionCode)}`],
      ['Адрес', orDash(org.address)],
      ['Электронная почта', orDash(org.email)], ['Телефон', orDash(org.phone)], ['Сайт', orDash(org.website)],
    ]),

    section('2. Карточка проекта'),
    facts([
      ['Название проекта', orDash(c.title)],
      ['Направление', directionName(c.directionCode)],
      ['Сроки реализации', `${date(c.startDate)} — ${date(c.endDate)}`],
      ['География', c.geographyRegionCodes?.length ? c.geographyRegionCodes.map((r) => `${r} — ${regionName(r)}`).join('; ') : '—'],
    ]),
    ...longText('Краткое описание', c.summary),
    ...longText('Актуальность', c.relevance),
    ...longText('Цель', c.goal),
    { text: 'Задачи', style: 'label', margin: [0, 4, 0, 1] }, list(tasks),
    { text: 'Целевые группы', style: 'label', margin: [0, 4, 0, 1] }, list(c.targetGroups),

    section('3. Команда проекта'),
    table([{ header: '№', width: 18 }, { header: 'ФИО', width: 120 }, { header: 'Роль в проекте', width: 110 }, { header: 'Опыт', width: '*' }],
      (c.team ?? []).map((m, i) => [String(i + 1), orDash(m.fullName), orDash(m.role), orDash(m.experience)])),

    section('4. Календарный план'),
    table([
      { header: '№', width: 18 }, { header: 'Мероприятие', width: '*' }, { header: 'Задача', width: 40, align: 'center' },
      { header: 'Начало', width: 52 }, { header: 'Окончание', width: 52 }, { header: 'Ожидаемый результат', width: 150 },
    ], (c.calendarPlan ?? []).map((e, i) => [
      String(i + 1), orDash(e.title), e.taskIndex === null || e.taskIndex === undefined ? '—' : String(e.taskIndex + 1),
      date(e.startDate), date(e.endDate), orDash(e.expectedResult),
    ])),

    section('5. Смета расходов'),
    table([
      { header: '№', width: 16 }, { header: 'Статья', width: 80 }, { header: 'Наименование расхода', width: '*' },
      { header: 'Кол-во', width: 32, align: 'right' }, { header: 'Цена', width: 60, align: 'right' },
      { header: 'Сумма', width: 66, align: 'right' }, { header: 'Софинанси-\nрование', width: 62, align: 'right' },
    ], (c.budget ?? []).map((l, i) => [
      String(i + 1), l.category ? BUDGET_CATEGORY_LABELS.ru[l.category] : '—', orDash(l.item),
      orDash(l.quantity === null || l.quantity === undefined ? null : String(l.quantity).replace('.', ',')),
      money(l.unitCostKopecks), money(budgetLineTotal(l)), money(l.cofinancingKopecks),
    ]), { footerRows: [['', 'Итого', '', '', '', money(a.totals.totalCostKopecks), money(a.totals.cofinancingKopecks)]] }),
    facts([
      ['Общая стоимость проекта', money(a.totals.totalCostKopecks)],
      ['Софинансирование', money(a.totals.cofinancingKopecks)],
      ['Запрашиваемая сумма гранта', { text: money(a.totals.requestedKopecks), bold: true }],
    ]),

    section('6. Документы'),
    // A sha256 is 64 characters that do not break: its column keeps the 240 pt they take at 6.5 pt.
    table([{ header: '№', width: 16 }, { header: 'Вид', width: 80 }, { header: 'Файл', width: '*' }, { header: 'Размер', width: 42, align: 'right' }, { header: 'SHA-256', width: 240 }],
      a.attachments.map((f, i) => [String(i + 1), ATTACHMENT_KIND_LABELS.ru[f.kind], f.fileName, sizeText(f.sizeBytes), { text: f.sha256, fontSize: 6.5 }])),
  ];
  return document(content,
    `Заявка № ${a.number}. SHA-256 содержания — хеш SHA-256 канонического JSON полей формы (ключи по алфавиту): ${sha}`);
}
