// What each CSV shows: its columns as data (header in Russian and English, and how a row becomes a cell),
// using the shared labels and formatting, so that exports speak the words of GLOSSARY.md.
import {
  APPLICATION_STATUS_LABELS, DIRECTIONS, REGIONS, formatDateTime, formatMoneyPlain, formatScore, type Lang, type Totals, type TotalsGroup,
} from '@konkurs/shared';
import type { CsvCell } from '../lib/csv.js';
import type { ApplicationExportRow, ExportCompetition, ReviewExportRow } from '../queries/exports.js';

export interface CellContext {
  lang: Lang;
  decimal: ',' | '.';
  /** The competitions the rows belong to (for applications exports). */
  competitions?: ReadonlyMap<string, ExportCompetition>;
}
export interface Column<R> { ru: string; en: string; cell(row: R, ctx: CellContext): CsvCell }

const REGION_NAMES = new Map(REGIONS.map(([code, name]) => [code, name]));
const DIRECTION_NAMES = { ru: new Map(DIRECTIONS.map(([code, ru]) => [code, ru])), en: new Map(DIRECTIONS.map(([code, , en]) => [code, en])) };
export const regionName = (code: string) => REGION_NAMES.get(code) ?? code;
export const directionName = (code: string | null, lang: Lang) => (code === null ? '' : (DIRECTION_NAMES[lang].get(code) ?? code));

// Formatting an instant costs microseconds; a national export has many in the same minute (the last-day rush).
// The shown value has minute precision, so one minute's text serves every instant in it.
const MINUTE_TEXTS = new Map<string, string>();
export function dateTimeText(at: Date, timezone: string): string {
  const key = `${timezone}|${Math.floor(at.getTime() / 60_000)}`;
  let text = MINUTE_TEXTS.get(key);
  if (text === undefined) {
    if (MINUTE_TEXTS.size > 50_000) MINUTE_TEXTS.clear();
    text = formatDateTime(at, timezone);
    MINUTE_TEXTS.set(key, text);
  }
  return text;
}

export const header = <R>(columns: readonly Column<R>[], lang: Lang) => columns.map((c) => c[lang]);
export const cells = <R>(columns: readonly Column<R>[], row: R, ctx: CellContext): CsvCell[] => columns.map((c) => c.cell(row, ctx));

const money = (kopecks: number | null, ctx: CellContext) => (kopecks === null ? '' : formatMoneyPlain(kopecks, ctx.decimal));

const competitionOf = (r: ApplicationExportRow, c: CellContext): ExportCompetition =>
  c.competitions?.get(r.competitionId) ?? { code: '', title: '', timezone: 'Europe/Moscow' };

export const APPLICATION_COLUMNS: readonly Column<ApplicationExportRow>[] = [
  { ru: 'Номер заявки', en: 'Application number', cell: (r) => r.number },
  { ru: 'Код конкурса', en: 'Competition code', cell: (r, c) => competitionOf(r, c).code },
  { ru: 'Конкурс', en: 'Competition', cell: (r, c) => competitionOf(r, c).title },
  { ru: 'Статус', en: 'Status', cell: (r, c) => APPLICATION_STATUS_LABELS[c.lang][r.status] },
  { ru: 'Организация', en: 'Organisation', cell: (r) => r.organization },
  { ru: 'ИНН', en: 'INN', cell: (r) => r.inn },
  { ru: 'Код региона', en: 'Region code', cell: (r) => r.regionCode },
  { ru: 'Регион', en: 'Region', cell: (r) => regionName(r.regionCode) },
  { ru: 'Название проекта', en: 'Project title', cell: (r) => r.title },
  { ru: 'Направление', en: 'Direction', cell: (r, c) => directionName(r.directionCode, c.lang) },
  { ru: 'Общая стоимость, руб.', en: 'Total cost, RUB', cell: (r, c) => money(r.totalCostKopecks, c) },
  { ru: 'Софинансирование, руб.', en: 'Co-financing, RUB', cell: (r, c) => money(r.cofinancingKopecks, c) },
  { ru: 'Запрошено, руб.', en: 'Requested, RUB', cell: (r, c) => money(r.requestedKopecks, c) },
  { ru: 'Размер гранта, руб.', en: 'Awarded, RUB', cell: (r, c) => money(r.status === 'winner' ? r.awardedKopecks : null, c) },
  { ru: 'Итоговый балл', en: 'Final score', cell: (r, c) => formatScore(r.finalScore, c.decimal) },
  // In the competition's time zone: the deadline the applicant saw was stated in it.
  { ru: 'Дата подачи', en: 'Submitted at', cell: (r, c) => (r.submittedAt ? dateTimeText(r.submittedAt, competitionOf(r, c).timezone) : '') },
];

const GROUP_HEADERS: Record<TotalsGroup, { ru: string; en: string; keyRu: string; keyEn: string }> = {
  region: { ru: 'Регион', en: 'Region', keyRu: 'Код региона', keyEn: 'Region code' },
  direction: { ru: 'Направление', en: 'Direction', keyRu: 'Код направления', keyEn: 'Direction code' },
  competition: { ru: 'Конкурс', en: 'Competition', keyRu: 'Идентификатор конкурса', keyEn: 'Competition id' },
  operator: { ru: 'Оператор', en: 'Operator', keyRu: 'Идентификатор оператора', keyEn: 'Operator id' },
};

type TotalsRow = Totals['rows'][number];

export function totalsColumns(groupBy: TotalsGroup): Column<TotalsRow>[] {
  const g = GROUP_HEADERS[groupBy];
  return [
    { ru: g.keyRu, en: g.keyEn, cell: (r) => r.key },
    { ru: g.ru, en: g.en, cell: (r) => r.label },
    { ru: 'Подано заявок', en: 'Submitted', cell: (r) => String(r.submitted) },
    { ru: 'Допущено', en: 'Admitted', cell: (r) => String(r.admitted) },
    { ru: 'Победителей', en: 'Winners', cell: (r) => String(r.winners) },
    { ru: 'Запрошено, руб.', en: 'Requested, RUB', cell: (r, c) => money(r.requestedKopecks, c) },
    { ru: 'Выделено, руб.', en: 'Awarded, RUB', cell: (r, c) => money(r.awardedKopecks, c) },
  ];
}

/** The totals as CSV rows: the groups, then the totals row. */
export function totalsCells(totals: Totals, groupBy: TotalsGroup, ctx: CellContext): CsvCell[][] {
  const columns = totalsColumns(groupBy);
  const totalRow: TotalsRow = { key: '', label: ctx.lang === 'en' ? 'Total' : 'Итого', ...totals.total };
  return [...totals.rows, totalRow].map((r) => cells(columns, r, ctx));
}

/**
 * The reviews of a competition: experts appear as "Эксперт 1", "Эксперт 2"… numbered in order of first
 * appearance in this export (stable within it), and by name too — the organiser assigned them and may know them.
 */
export function reviewColumns(criteria: readonly { code: string; title: string }[], timezone: string) {
  const codes = new Map<string, number>();
  const expertCode = (r: ReviewExportRow, lang: Lang) => {
    let n = codes.get(r.expertId);
    if (n === undefined) codes.set(r.expertId, (n = codes.size + 1));
    return `${lang === 'en' ? 'Expert' : 'Эксперт'} ${n}`;
  };
  const columns: Column<ReviewExportRow>[] = [
    { ru: 'Номер заявки', en: 'Application number', cell: (r) => r.number },
    { ru: 'Название проекта', en: 'Project title', cell: (r) => r.title },
    { ru: 'Эксперт', en: 'Expert', cell: (r, c) => expertCode(r, c.lang) },
    { ru: 'ФИО эксперта', en: 'Expert name', cell: (r) => r.expertName },
    { ru: 'Дополнительный эксперт', en: 'Extra expert', cell: (r, c) => (r.isExtra ? (c.lang === 'en' ? 'yes' : 'да') : '') },
    ...criteria.map((k): Column<ReviewExportRow> => ({
      ru: `${k.code} ${k.title}`, en: `${k.code} ${k.title}`,
      cell: (r) => {
        const score = r.scores.find((s) => s.criterionCode === k.code)?.score;
        return score === null || score === undefined ? '' : String(score);
      },
    })),
    { ru: 'Оценка эксперта (из 100)', en: 'Expert total (of 100)', cell: (r, c) => formatScore(r.total, c.decimal) },
    { ru: 'Комментарий', en: 'Comment', cell: (r) => r.comment },
    { ru: 'Дата отправки', en: 'Submitted at', cell: (r) => (r.submittedAt ? dateTimeText(r.submittedAt, timezone) : '') },
  ];
  return columns;
}

/**
 * The open data registry of winners: one field list for the CSV, its Table Schema (schema.json) and the JSON
 * items. Names are Latin and stable (they are the columns of a published dataset); the CSV uses `,` and a
 * decimal point, as open-data portals expect.
 */
type Row = ApplicationExportRow;
type Ctx = CellContext;
export const OPEN_DATA_FIELDS = [
  { name: 'applicationNumber', type: 'string', title: 'Номер заявки', cell: (r: Row) => r.number },
  { name: 'competitionCode', type: 'string', title: 'Код конкурса', cell: (r: Row, c: Ctx) => competitionOf(r, c).code },
  { name: 'competition', type: 'string', title: 'Конкурс', cell: (r: Row, c: Ctx) => competitionOf(r, c).title },
  { name: 'organization', type: 'string', title: 'Организация', cell: (r: Row) => r.organization },
  { name: 'inn', type: 'string', title: 'ИНН', pattern: '^[0-9]{10}$', cell: (r: Row) => r.inn },
  { name: 'regionCode', type: 'string', title: 'Код региона', cell: (r: Row) => r.regionCode },
  { name: 'region', type: 'string', title: 'Регион', cell: (r: Row) => regionName(r.regionCode) },
  { name: 'project', type: 'string', title: 'Название проекта', cell: (r: Row) => r.title },
  { name: 'directionCode', type: 'string', title: 'Код направления', cell: (r: Row) => r.directionCode },
  { name: 'direction', type: 'string', title: 'Направление', cell: (r: Row) => directionName(r.directionCode, 'ru') },
  { name: 'amountRub', type: 'number', title: 'Размер гранта, руб.', cell: (r: Row, c: Ctx) => money(r.awardedKopecks, c) },
  { name: 'finalScore', type: 'number', title: 'Итоговый балл', cell: (r: Row, c: Ctx) => formatScore(r.finalScore, c.decimal) },
] as const;

/** A Frictionless Table Schema of the registry CSV (https://specs.frictionlessdata.io/table-schema/). */
export function openDataTableSchema() {
  return {
    title: 'Реестр победителей конкурсов',
    description: 'Победители конкурсов, итоги которых опубликованы: организация, ИНН, регион, проект, направление, размер гранта, итоговый балл, конкурс.',
    fields: OPEN_DATA_FIELDS.map((f) => ({
      name: f.name, type: f.type, title: f.title,
      ...(f.type === 'number' ? { decimalChar: '.', bareNumber: true } : {}),
      constraints: { required: f.name !== 'project' && f.name !== 'directionCode' && f.name !== 'direction' && f.name !== 'finalScore',
        ...('pattern' in f ? { pattern: f.pattern } : {}) },
    })),
    primaryKey: ['applicationNumber'],
    missingValues: [''],
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    encoding: 'utf-8',
  };
}
