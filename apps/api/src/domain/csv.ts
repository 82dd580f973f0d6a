// What each CSV shows: its columns as data, each written once with its header in Russian and English, the cell a
// row becomes, and, for the exports PostgreSQL can write itself (COPY), the same cell as SQL beside it. They use
// the shared labels and formatting, so that exports speak the words of GLOSSARY.md.
import {
  APPLICATION_STATUS_LABELS, DIRECTIONS, REGIONS, WINNER_REPORT_STATUSES, WINNER_REPORT_STATUS_LABELS, formatDateTime, formatMoneyPlain, formatScore,
  type ApplicationStatus, type WinnerReportStatus, type Lang, type OpenDataTableSchema, type OpenDataWinner, type Totals, type TotalsGroup,
} from '@konkurs/shared';
import type { CsvCell } from '../lib/csv.js';
import type { SheetColumn, SheetKind, SheetValue } from '../lib/xlsx.js';

/** A competition as the exports show it: read once per export, not carried by every row. */
export interface ExportCompetition { code: string; title: string; timezone: string }

/** An application as the applications export and the winners registry read it (queries/exports.ts produces it). */
export interface ApplicationExportRow {
  number: string;
  competitionId: string;
  status: ApplicationStatus;
  title: string | null;
  directionCode: string | null;
  regionCode: string;
  organization: string;
  inn: string;
  ogrn: string;
  kpp: string;
  totalCostKopecks: number;
  cofinancingKopecks: number;
  requestedKopecks: number;
  awardedKopecks: number | null;
  finalScore: number | null;
  submittedAt: Date | null;
}
/** What an application cell's SQL may name: the row's fields and its competition's, which the server joins. */
export interface ApplicationSqlFields extends ApplicationExportRow { competitionCode: string; competitionTitle: string; competitionTimezone: string }

/** A submitted review as the reviews export reads it. */
export interface ReviewExportRow {
  id: string;
  number: string;
  title: string | null;
  expertId: string;
  expertName: string;
  scores: readonly { criterionCode: string; score: number | null }[];
  total: number | null;
  comment: string;
  submittedAt: Date | null;
  isExtra: boolean;
}

export interface CellContext {
  lang: Lang;
  decimal: ',' | '.';
  /** The competitions the rows belong to (for applications exports). */
  competitions?: ReadonlyMap<string, ExportCompetition>;
}

/**
 * A cell as PostgreSQL writes it: SQL text around the query's fields (`F`) and constants (strings and numbers,
 * bound as values). Data rather than a query, so that domain/ needs no database layer: queries/exports.ts builds it.
 */
export interface CellSql<F> { readonly text: readonly string[]; readonly values: readonly CellSqlValue<F>[] }
export type CellSqlValue<F> = { readonly field: keyof F & string } | string | number | CellSql<F>;

/**
 * How a row becomes a cell: `cell` in JavaScript, and `sql`, where the export can be written by the database,
 * the same text character for character (the COPY test holds the two together).
 */
export interface Cell<R, F = Record<never, never>> {
  readonly cell: (row: R, ctx: CellContext) => CsvCell;
  readonly sql?: (ctx: CellContext) => CellSql<F>;
  /**
   * The cell in an XLSX sheet: its kind (text unless said; identifiers such as ИНН and region codes stay text, so
   * "01" keeps its zero) and its typed value (money in roubles, a score, a date); without `value`, the CSV text.
   */
  readonly sheet?: SheetCell<R>;
}
export interface SheetCell<R> { readonly kind: SheetKind; readonly value?: (row: R, ctx: CellContext) => SheetValue; readonly width?: number }
export interface Column<R, F = Record<never, never>> extends Cell<R, F> { ru: string; en: string }

export const header = (columns: readonly { ru: string; en: string }[], lang: Lang) => columns.map((c) => c[lang]);
export const cells = <R>(columns: readonly Pick<Cell<R>, 'cell'>[], row: R, ctx: CellContext): CsvCell[] => columns.map((c) => c.cell(row, ctx));

/** The sheet columns of an XLSX export: the CSV's headers, each column's kind and width. */
export const sheetColumns = <R, F>(columns: readonly Column<R, F>[], lang: Lang): SheetColumn[] =>
  columns.map((c) => ({ header: c[lang], kind: c.sheet?.kind ?? 'text', width: c.sheet?.width }));
/** A row's typed cells for an XLSX sheet (the CSV's text where a column has no typed value). */
export const sheetCells = <R, F>(columns: readonly Cell<R, F>[], row: R, ctx: CellContext): SheetValue[] =>
  columns.map((c) => (c.sheet?.value ? c.sheet.value(row, ctx) : c.cell(row, ctx)));

/** Money as a sheet holds it: roubles, a number (kopecks / 100 is exact to the kopeck for any budget). */
const roubles = (kopecks: number | null) => (kopecks === null ? null : kopecks / 100);
/** A wall time as a sheet keeps dates (no zone): the Date whose UTC fields are the `DD.MM.YYYY HH:MM` given. */
export function wallTime(text: string): Date | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5]))) : null;
}
/** An instant as a sheet holds it: the wall time in the zone, to the minute, as the CSV shows it. */
const sheetDate = (at: Date | null, timezone: string) => (at ? wallTime(dateTimeText(at, timezone)) : null);

const REGION_NAMES = new Map(REGIONS.map(([code, name]) => [code, name]));
const DIRECTION_NAMES = { ru: new Map(DIRECTIONS.map(([code, ru]) => [code, ru])), en: new Map(DIRECTIONS.map(([code, , en]) => [code, en])) };
export const regionName = (code: string) => REGION_NAMES.get(code) ?? code;
export const directionName = (code: string | null, lang: Lang) => (code === null ? '' : (DIRECTION_NAMES[lang].get(code) ?? code));

// The same labels for SQL: one jsonb constant per query (parsed once), a lookup per row.
const REGION_JSON = JSON.stringify(Object.fromEntries(REGION_NAMES));
const DIRECTION_JSON = { ru: JSON.stringify(Object.fromEntries(DIRECTION_NAMES.ru)), en: JSON.stringify(Object.fromEntries(DIRECTION_NAMES.en)) };
const STATUS_JSON = { ru: JSON.stringify(APPLICATION_STATUS_LABELS.ru), en: JSON.stringify(APPLICATION_STATUS_LABELS.en) };

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

const money = (kopecks: number | null, ctx: CellContext) => (kopecks === null ? '' : formatMoneyPlain(kopecks, ctx.decimal));

// ---- Applications: the cells of the applications export and of the winners registry, each once.

type Application = ApplicationExportRow;
type ApplicationCell = Required<Omit<Cell<Application, ApplicationSqlFields>, 'sheet'>> & Pick<Cell<Application, ApplicationSqlFields>, 'sheet'>;
/** A cell's SQL over the application fields (a tagged template), and a reference to one of them. */
const sqlCell = (text: TemplateStringsArray, ...values: CellSqlValue<ApplicationSqlFields>[]): CellSql<ApplicationSqlFields> => ({ text, values });
const ref = (field: keyof ApplicationSqlFields & string) => ({ field });

const competitionOf = (r: Application, c: CellContext): ExportCompetition =>
  c.competitions?.get(r.competitionId) ?? { code: '', title: '', timezone: 'Europe/Moscow' };

/** A field shown as stored (NULL is an empty cell either way). */
const stored = (field: 'number' | 'organization' | 'inn' | 'ogrn' | 'kpp' | 'regionCode' | 'title' | 'directionCode', width?: number): ApplicationCell =>
  ({ cell: (r) => r[field], sql: () => sqlCell`${ref(field)}`, sheet: { kind: 'text', width } });
/** formatMoneyPlain in SQL: roubles, the decimal separator, two digits of kopecks; integer arithmetic on the bigint. */
const moneySql = (kopecks: CellSqlValue<ApplicationSqlFields>, decimal: string) =>
  sqlCell`case when ${kopecks} < 0 then '-' else '' end || (abs(${kopecks}) / 100)::text || ${decimal} || lpad((abs(${kopecks}) % 100)::text, 2, '0')`;
const moneyOf = (field: 'totalCostKopecks' | 'cofinancingKopecks' | 'requestedKopecks'): ApplicationCell =>
  ({ cell: (r, c) => money(r[field], c), sql: (c) => moneySql(ref(field), c.decimal), sheet: { kind: 'money', value: (r) => roubles(r[field]) } });

const APPLICATION = {
  number: stored('number', 16),
  competitionCode: { cell: (r, c) => competitionOf(r, c).code, sql: () => sqlCell`${ref('competitionCode')}` },
  competition: { cell: (r, c) => competitionOf(r, c).title, sql: () => sqlCell`${ref('competitionTitle')}`, sheet: { kind: 'text', width: 36 } },
  status: { cell: (r, c) => APPLICATION_STATUS_LABELS[c.lang][r.status], sql: (c) => sqlCell`(${STATUS_JSON[c.lang]}::jsonb ->> ${ref('status')})` },
  organization: stored('organization', 36),
  inn: stored('inn'),
  ogrn: stored('ogrn', 17),
  kpp: stored('kpp', 12),
  regionCode: stored('regionCode'),
  region: {
    cell: (r) => regionName(r.regionCode), sql: () => sqlCell`coalesce(${REGION_JSON}::jsonb ->> ${ref('regionCode')}, ${ref('regionCode')})`,
    sheet: { kind: 'text', width: 28 },
  },
  project: stored('title', 44),
  directionCode: stored('directionCode'),
  direction: {
    cell: (r, c) => directionName(r.directionCode, c.lang),
    sql: (c) => sqlCell`coalesce(${DIRECTION_JSON[c.lang]}::jsonb ->> ${ref('directionCode')}, ${ref('directionCode')})`,
    sheet: { kind: 'text', width: 36 },
  },
  totalCost: moneyOf('totalCostKopecks'),
  cofinancing: moneyOf('cofinancingKopecks'),
  requested: moneyOf('requestedKopecks'),
  // The grant of a winner only.
  awarded: {
    cell: (r, c) => money(r.status === 'winner' ? r.awardedKopecks : null, c),
    sql: (c) => sqlCell`case when ${ref('status')} = 'winner' then ${moneySql(ref('awardedKopecks'), c.decimal)} end`,
    sheet: { kind: 'money', value: (r) => (r.status === 'winner' ? roubles(r.awardedKopecks) : null) },
  },
  // numeric(6,2) prints two decimals, as formatScore's toFixed(2).
  finalScore: {
    cell: (r, c) => formatScore(r.finalScore, c.decimal), sql: (c) => sqlCell`replace(${ref('finalScore')}::text, '.', ${c.decimal})`,
    sheet: { kind: 'score', value: (r) => r.finalScore },
  },
  // In the competition's time zone, to the minute: the deadline the applicant saw was stated in it.
  submittedAt: {
    cell: (r, c) => (r.submittedAt ? dateTimeText(r.submittedAt, competitionOf(r, c).timezone) : ''),
    sql: () => sqlCell`to_char(${ref('submittedAt')} at time zone ${ref('competitionTimezone')}, 'DD.MM.YYYY HH24:MI')`,
    sheet: { kind: 'dateTime', value: (r, c) => sheetDate(r.submittedAt, competitionOf(r, c).timezone) },
  },
} satisfies Record<string, ApplicationCell>;

export type ApplicationColumn = Column<Application, ApplicationSqlFields> & ApplicationCell;

export const APPLICATION_COLUMNS: readonly ApplicationColumn[] = [
  { ru: 'Номер заявки', en: 'Application number', ...APPLICATION.number },
  { ru: 'Код конкурса', en: 'Competition code', ...APPLICATION.competitionCode },
  { ru: 'Конкурс', en: 'Competition', ...APPLICATION.competition },
  { ru: 'Статус', en: 'Status', ...APPLICATION.status },
  { ru: 'Организация', en: 'Organisation', ...APPLICATION.organization },
  { ru: 'ИНН', en: 'INN', ...APPLICATION.inn },
  { ru: 'ОГРН', en: 'OGRN', ...APPLICATION.ogrn },
  { ru: 'КПП', en: 'KPP', ...APPLICATION.kpp },
  { ru: 'Код региона', en: 'Region code', ...APPLICATION.regionCode },
  { ru: 'Регион', en: 'Region', ...APPLICATION.region },
  { ru: 'Название проекта', en: 'Project title', ...APPLICATION.project },
  { ru: 'Направление', en: 'Direction', ...APPLICATION.direction },
  { ru: 'Общая стоимость, руб.', en: 'Total cost, RUB', ...APPLICATION.totalCost },
  { ru: 'Софинансирование, руб.', en: 'Co-financing, RUB', ...APPLICATION.cofinancing },
  { ru: 'Запрошено, руб.', en: 'Requested, RUB', ...APPLICATION.requested },
  { ru: 'Размер гранта, руб.', en: 'Awarded, RUB', ...APPLICATION.awarded },
  { ru: 'Итоговый балл', en: 'Final score', ...APPLICATION.finalScore },
  { ru: 'Дата подачи', en: 'Submitted at', ...APPLICATION.submittedAt },
];

/**
 * The open data registry of winners: one field list for the CSV and its Table Schema (schema.json). Names are
 * Latin and stable (they are the columns of a published dataset); the CSV uses `,` and a decimal point, as
 * open-data portals expect, and Russian labels.
 */
/** A winner as the registry reads it: an application, and how its reporting stands (queries/report-figures.ts). */
export interface WinnerExportRow extends ApplicationExportRow { reportStatus: WinnerReportStatus }
export interface WinnerSqlFields extends ApplicationSqlFields { reportStatus: WinnerReportStatus }
type WinnerCell = Required<Omit<Cell<WinnerExportRow, WinnerSqlFields>, 'sheet'>>;
const REPORT_STATUS_JSON = JSON.stringify(WINNER_REPORT_STATUS_LABELS.ru);
const winnerSql = (text: TemplateStringsArray, ...values: CellSqlValue<WinnerSqlFields>[]): CellSql<WinnerSqlFields> => ({ text, values });

export interface OpenDataField extends WinnerCell {
  name: string;
  type: 'string' | 'number';
  title: string;
  pattern?: string;
  /** The values a cell may take. */
  enum?: readonly string[];
  /** A cell that may be empty. */
  optional?: true;
}
export const OPEN_DATA_FIELDS: readonly OpenDataField[] = [
  { name: 'applicationNumber', type: 'string', title: 'Номер заявки', ...APPLICATION.number },
  { name: 'competitionCode', type: 'string', title: 'Код конкурса', ...APPLICATION.competitionCode },
  { name: 'competition', type: 'string', title: 'Конкурс', ...APPLICATION.competition },
  { name: 'organization', type: 'string', title: 'Организация', ...APPLICATION.organization },
  { name: 'inn', type: 'string', title: 'ИНН', pattern: '^[0-9]{10}$', ...APPLICATION.inn },
  { name: 'regionCode', type: 'string', title: 'Код региона', ...APPLICATION.regionCode },
  { name: 'region', type: 'string', title: 'Регион', ...APPLICATION.region },
  { name: 'project', type: 'string', title: 'Название проекта', optional: true, ...APPLICATION.project },
  { name: 'directionCode', type: 'string', title: 'Код направления', optional: true, ...APPLICATION.directionCode },
  { name: 'direction', type: 'string', title: 'Направление', optional: true, ...APPLICATION.direction },
  { name: 'amountRub', type: 'number', title: 'Размер гранта, руб.', ...APPLICATION.awarded },
  { name: 'finalScore', type: 'number', title: 'Итоговый балл', optional: true, ...APPLICATION.finalScore },
  // After the award: the code (stable, as in the JSON) and its words in Russian, as the open data's other labels.
  { name: 'reportStatus', type: 'string', title: 'Код статуса отчётности', enum: WINNER_REPORT_STATUSES,
    cell: (r) => r.reportStatus, sql: () => winnerSql`${{ field: 'reportStatus' }}` },
  { name: 'reportStatusLabel', type: 'string', title: 'Статус отчётности',
    cell: (r, c) => WINNER_REPORT_STATUS_LABELS[c.lang][r.reportStatus],
    sql: (c) => winnerSql`(${c.lang === 'en' ? JSON.stringify(WINNER_REPORT_STATUS_LABELS.en) : REPORT_STATUS_JSON}::jsonb ->> ${{ field: 'reportStatus' }})` },
];

/** A winner of the registry as JSON: the facts of its CSV row, money in kopecks and the score as a number. */
export function winnerOf(r: WinnerExportRow, ctx: CellContext): OpenDataWinner {
  const comp = competitionOf(r, ctx);
  return {
    applicationNumber: r.number, competitionCode: comp.code, competition: comp.title, organization: r.organization, inn: r.inn,
    regionCode: r.regionCode, region: regionName(r.regionCode), project: r.title, directionCode: r.directionCode,
    direction: r.directionCode ? directionName(r.directionCode, 'ru') : null, amountKopecks: r.awardedKopecks ?? 0, finalScore: r.finalScore,
    reportStatus: r.reportStatus,
  };
}

/** A Frictionless Table Schema of the registry CSV (https://specs.frictionlessdata.io/table-schema/). */
export function winnersTableSchema(): OpenDataTableSchema {
  return {
    title: 'Реестр победителей конкурсов',
    description: 'Победители конкурсов, итоги которых опубликованы: организация, ИНН, регион, проект, направление, размер гранта, итоговый балл, конкурс, статус отчётности.',
    fields: OPEN_DATA_FIELDS.map((f) => ({
      name: f.name, type: f.type, title: f.title,
      ...(f.type === 'number' ? { decimalChar: '.', bareNumber: true } : {}),
      constraints: { required: !f.optional, ...(f.pattern ? { pattern: f.pattern } : {}), ...(f.enum ? { enum: [...f.enum] } : {}) },
    })),
    primaryKey: ['applicationNumber'],
    missingValues: [''],
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    encoding: 'utf-8',
  };
}

// ---- Totals: the figures of stats, grouped (a few hundred rows at most, formatted here).

// The first columns name the group as a reader knows it: a region or direction by its code and name, a
// competition by its code and title (its id last, for joining with other exports), an operator by its name (id last).
type TotalsRow = Totals['rows'][number];
type TotalsColumn = Column<TotalsRow>;
const text = (ru: string, en: string, cell: TotalsColumn['cell'], width?: number): TotalsColumn => ({ ru, en, cell, sheet: { kind: 'text', width } });
const competitionCode = (r: TotalsRow, c: CellContext) => (r.key ? (c.competitions?.get(r.key)?.code ?? '') : '');

const GROUP_COLUMNS: Record<TotalsGroup, { first: TotalsColumn[]; last: TotalsColumn[] }> = {
  region: { first: [text('Код региона', 'Region code', (r) => r.key), text('Регион', 'Region', (r) => r.label, 32)], last: [] },
  direction: { first: [text('Код направления', 'Direction code', (r) => r.key, 18), text('Направление', 'Direction', (r) => r.label, 44)], last: [] },
  competition: {
    first: [text('Код конкурса', 'Competition code', competitionCode), text('Конкурс', 'Competition', (r) => r.label, 40)],
    last: [text('Идентификатор конкурса', 'Competition id', (r) => r.key, 38)],
  },
  operator: { first: [text('Оператор', 'Operator', (r) => r.label, 40)], last: [text('Идентификатор оператора', 'Operator id', (r) => r.key, 38)] },
};

export function totalsColumns(groupBy: TotalsGroup): Column<TotalsRow>[] {
  const g = GROUP_COLUMNS[groupBy];
  const count = (ru: string, en: string, field: 'submitted' | 'admitted' | 'winners' | 'reportsAccepted' | 'reportsOverdue'): TotalsColumn =>
    ({ ru, en, cell: (r) => String(r[field]), sheet: { kind: 'integer', value: (r) => r[field] } });
  const sum = (ru: string, en: string, field: 'requestedKopecks' | 'awardedKopecks' | 'spentKopecks'): TotalsColumn =>
    ({ ru, en, cell: (r, c) => money(r[field], c), sheet: { kind: 'money', value: (r) => roubles(r[field]) } });
  return [
    ...g.first,
    count('Подано заявок', 'Submitted', 'submitted'),
    count('Допущено', 'Admitted', 'admitted'),
    count('Победителей', 'Winners', 'winners'),
    sum('Запрошено, руб.', 'Requested, RUB', 'requestedKopecks'),
    sum('Выделено, руб.', 'Awarded, RUB', 'awardedKopecks'),
    // After the award: the grant spent by the latest accepted reports, the reports accepted and those overdue.
    sum('Израсходовано (грант), руб.', 'Spent (grant), RUB', 'spentKopecks'),
    count('Отчётов принято', 'Reports accepted', 'reportsAccepted'),
    count('Отчётов просрочено', 'Reports overdue', 'reportsOverdue'),
    ...g.last,
  ];
}

/** The totals' rows: the groups, then the totals row (its label in the group's name column, its key empty). */
export function totalsRows(totals: Totals, lang: Lang): TotalsRow[] {
  return [...totals.rows, { key: '', label: lang === 'en' ? 'Total' : 'Итого', ...totals.total }];
}

/** The totals as CSV rows: the groups, then the totals row. */
export function totalsCells(totals: Totals, groupBy: TotalsGroup, ctx: CellContext): CsvCell[][] {
  const columns = totalsColumns(groupBy);
  return totalsRows(totals, ctx.lang).map((r) => cells(columns, r, ctx));
}

// ---- Reviews: one competition's, read through the cursor (its expert numbering is kept as the rows go by).

/**
 * The reviews of a competition: experts appear as "Эксперт 1", "Эксперт 2"… numbered in order of first
 * appearance in this export (stable within it), and by name too — the organiser assigned them and may know them.
 */
export function reviewColumns(criteria: readonly { code: string; title: string }[], timezone: string): Column<ReviewExportRow>[] {
  const codes = new Map<string, number>();
  const expertCode = (r: ReviewExportRow, lang: Lang) => {
    let n = codes.get(r.expertId);
    if (n === undefined) codes.set(r.expertId, (n = codes.size + 1));
    return `${lang === 'en' ? 'Expert' : 'Эксперт'} ${n}`;
  };
  return [
    { ru: 'Номер заявки', en: 'Application number', cell: (r) => r.number, sheet: { kind: 'text', width: 16 } },
    { ru: 'Название проекта', en: 'Project title', cell: (r) => r.title, sheet: { kind: 'text', width: 44 } },
    { ru: 'Эксперт', en: 'Expert', cell: (r, c) => expertCode(r, c.lang) },
    { ru: 'ФИО эксперта', en: 'Expert name', cell: (r) => r.expertName, sheet: { kind: 'text', width: 30 } },
    { ru: 'Дополнительный эксперт', en: 'Extra expert', cell: (r, c) => (r.isExtra ? (c.lang === 'en' ? 'yes' : 'да') : '') },
    ...criteria.map((k): Column<ReviewExportRow> => ({
      ru: `${k.code} ${k.title}`, en: `${k.code} ${k.title}`,
      cell: (r) => {
        const score = r.scores.find((s) => s.criterionCode === k.code)?.score;
        return score === null || score === undefined ? '' : String(score);
      },
      sheet: { kind: 'number', value: (r) => r.scores.find((s) => s.criterionCode === k.code)?.score ?? null },
    })),
    { ru: 'Оценка эксперта (из 100)', en: 'Expert total (of 100)', cell: (r, c) => formatScore(r.total, c.decimal), sheet: { kind: 'score', value: (r) => r.total } },
    { ru: 'Комментарий', en: 'Comment', cell: (r) => r.comment, sheet: { kind: 'text', width: 50 } },
    {
      ru: 'Дата отправки', en: 'Submitted at', cell: (r) => (r.submittedAt ? dateTimeText(r.submittedAt, timezone) : ''),
      sheet: { kind: 'dateTime', value: (r) => sheetDate(r.submittedAt, timezone) },
    },
  ];
}
