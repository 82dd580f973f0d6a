// The CSV exports and the open data, read from the database. exportCsv is the one place an export becomes CSV:
// on a PostgreSQL server the database writes it (COPY of the cells' SQL) when every cell has its SQL; otherwise
// its rows are read and the cells format them. A client that reads slowly, or not at all, waits on its own socket
// and never holds a database connection: COPY is spooled to a temporary file at the database's pace, and rows are
// read in keyset batches, each a short query taken whole, so that memory holds one batch at a time.
import type { Readable } from 'node:stream';
import { and, asc, eq, inArray, sql, type GetColumnData, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import { escapeLiteral } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { RESULTS_PUBLIC, type ApplicationStatus, type Lang, type OpenDataWinner, type TotalsGroup } from '@konkurs/shared';
import type { Database, Executor } from '../db/client.js';
import { applications, assignments, competitions, criteria, organizations, reviews, users } from '../db/schema/index.js';
import {
  APPLICATION_COLUMNS, OPEN_DATA_FIELDS, header, reviewColumns, sheetCells, sheetColumns, totalsCells, totalsColumns, totalsRows, winnerOf,
  type ApplicationExportRow, type ApplicationSqlFields, type Cell, type CellContext, type CellSql, type Column, type ExportCompetition,
} from '../domain/csv.js';
import { csvDialect, csvStream, csvTextStream, FORMULA_START_CODES, inBatches, type CsvDialect } from '../lib/csv.js';
import { xlsxStream } from '../lib/xlsx.js';
import { spool } from '../lib/spool.js';
import { DomainError } from '../domain/errors.js';
import { SUBMITTED_ONCE } from './scope.js';
import { totals } from './stats.js';
import { winnerReportStatusSql } from './report-figures.js';

/** Rows per keyset batch (the heap holds one batch, and the cells of what waits on the socket). */
export const EXPORT_BATCH = 1000;

/** Where rows are read from: the app's database (its pool, when on a server). */
export type RowSource = Pick<Database, 'db' | 'pool'>;

type Selection = Record<string, PgColumn | SQL>;
/** The row a selection reads, typed by the columns' own data types (and an expression's declared type). */
type RowOf<T extends Selection> = { [K in keyof T]: T[K] extends PgColumn ? GetColumnData<T[K]> : T[K] extends SQL<infer U> ? U : never };
/** The values of a row's key, in the order of the key's columns. */
type Key = unknown[];

/**
 * What an export reads: one query over a selection (the row's columns for the rows, the cells' SQL for COPY), with
 * the same joins and filter, in the order of the key.
 */
interface ExportTable<T extends Selection, F> {
  row: T;
  /** What a cell's SQL may name (the fields of domain/csv.ts's CellSql). */
  sqlFields: { readonly [P in keyof F]: PgColumn | SQL };
  /** The fields of the row that order the export and are unique together: a batch continues after the last key. */
  key: readonly (keyof T & string)[];
  /** The rows `range` (keyRange) admits, in any order (`inKeyOrder` orders them). */
  query(db: Executor, selection: Selection, range: SQL | undefined): PgSelect;
  /** What the cells read beyond the row (the rows' competitions), read before the first row. */
  context?(db: Executor): Promise<Partial<CellContext>>;
}

const keyColumns = <T extends Selection, F>(table: ExportTable<T, F>) => table.key.map((k) => table.row[k]);
const keyOf = <T extends Selection, F>(table: ExportTable<T, F>, row: Partial<RowOf<T>>): Key => table.key.map((k) => row[k]);
const tuple = (items: readonly unknown[]) => sql`(${sql.join(items.map((i) => sql`${i}`), sql`, `)})`;

/** The rows whose key comes after `after` (all when undefined). */
const keyRange = (columns: readonly (PgColumn | SQL)[], after: Key | undefined): SQL | undefined =>
  (after ? sql`${tuple(columns)} > ${tuple(after)}` : undefined);

/** A table's rows in `range`, ordered by the key, at most `limit`. */
function inKeyOrder<T extends Selection, F>(table: ExportTable<T, F>, db: Executor, selection: Selection, range: SQL | undefined, limit?: number) {
  const q = table.query(db, selection, range).orderBy(...keyColumns(table).map((c) => asc(c)));
  return limit === undefined ? q : q.limit(limit);
}

/**
 * Every row of a table, in keyset batches after the last row's key: each batch one query, read whole, so that the
 * connection goes back before the rows are formatted and sent (on PGlite, its one connection is free meanwhile).
 */
function readRows<T extends Selection, F>(source: RowSource, table: ExportTable<T, F>): AsyncGenerator<RowOf<T>> {
  const columns = keyColumns(table);
  const batch = (after: Key | undefined) => inKeyOrder(table, source.db, table.row, keyRange(columns, after), EXPORT_BATCH) as unknown as Promise<RowOf<T>[]>;
  return inBatches(batch, (row) => keyOf(table, row), EXPORT_BATCH);
}

/**
 * The CSV of an export, the same bytes whichever way it is written: on a server, when every cell has its SQL, by
 * PostgreSQL (COPY … TO STDOUT of the cells' SQL: about twice the ~60,000 rows/s formatted here); else from the
 * rows, by the cells' JavaScript.
 */
async function exportCsv<T extends Selection, F>(
  source: RowSource, table: ExportTable<T, F>, columns: readonly Cell<RowOf<T>, F>[], head: readonly string[], ctx: CellContext, dialect: CsvDialect,
): Promise<Readable> {
  const sqlCells = columns.map((c) => c.sql?.(ctx));
  if (source.pool && sqlCells.every((c) => c !== undefined)) {
    const selection = Object.fromEntries(sqlCells.map((c, i) => [`c${i}`, copyCell(c, table.sqlFields)]));
    const query = inlineParams(inKeyOrder(table, source.db, selection, undefined).toSQL());
    return csvTextStream(head, await copyOut(source.pool, query, dialect.delimiter), dialect);
  }
  const full: CellContext = { ...ctx, ...(await table.context?.(source.db)) };
  async function* rows() {
    for await (const row of readRows(source, table)) yield columns.map((c) => c.cell(row, full));
  }
  return csvStream(head, rows(), dialect);
}

/**
 * The XLSX of an export: the same rows as the CSV (read the same way, one batch in memory at a time), as typed
 * cells under the CSV's headers.
 */
async function exportXlsx<T extends Selection, F>(
  source: RowSource, table: ExportTable<T, F>, columns: readonly Column<RowOf<T>, F>[], sheetName: string, ctx: CellContext,
): Promise<Readable> {
  const full: CellContext = { ...ctx, ...(await table.context?.(source.db)) };
  async function* rows() {
    for await (const row of readRows(source, table)) yield sheetCells(columns, row, full);
  }
  return xlsxStream(sheetName, sheetColumns(columns, ctx.lang), rows());
}

/** The sheets' names (the file's tab), as the exports' headers, in the export's language. */
const SHEET_NAMES = { applications: { ru: 'Заявки', en: 'Applications' }, totals: { ru: 'Итоги', en: 'Totals' }, reviews: { ru: 'Оценки', en: 'Reviews' } };
/** XLSX cells are typed: the decimal separator is the reader's Excel's. */
const sheetContext = (lang: Lang): CellContext => ({ lang, decimal: ',' });

/** A cell's SQL with its fields and constants bound. */
function boundSql<F>(cell: CellSql<F>, fields: { readonly [P in keyof F]: PgColumn | SQL }): SQL {
  const chunks: SQL[] = [];
  cell.text.forEach((text, i) => {
    chunks.push(sql.raw(text));
    if (i === cell.values.length) return;
    const value = cell.values[i];
    chunks.push(typeof value !== 'object' ? sql`${value}` : 'field' in value ? sql`${fields[value.field]}` : boundSql(value, fields));
  });
  return sql.join(chunks);
}

// COPY writes what csv-stringify writes once the cell is neutralised as lib/csv's neutraliseCell does, and an
// empty cell is NULL, since COPY quotes an empty string ("") where csv-stringify writes nothing.
const FORMULA_START_SQL = sql.raw(FORMULA_START_CODES.join(', '));
function copyCell<F>(cell: CellSql<F>, fields: { readonly [P in keyof F]: PgColumn | SQL }): SQL {
  const value = boundSql(cell, fields);
  return sql`nullif(case when ascii(${value}) in (${FORMULA_START_SQL}) then '''' || ${value} else ${value} end, '')`;
}

/** A query's text with its (string, number or boolean) parameters inlined as literals: COPY takes no parameters. */
function inlineParams({ sql: text, params }: { sql: string; params: unknown[] }): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number' || typeof value === 'bigint') return `(${String(value)})`;
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'string') return escapeLiteral(value);
    throw new Error(`Cannot inline a parameter of type ${typeof value}`);
  });
}

/**
 * The data rows as CSV text written by PostgreSQL (FORMAT csv: quoted only when a cell holds the delimiter, a
 * quote, CR or LF, as csv-stringify does; LF line ends). One query, the planner free to hash-join, on a pooled
 * connection, spooled to a file at the database's pace: the connection goes back when PostgreSQL is done, however
 * slowly the client reads.
 */
async function copyOut(pool: NonNullable<RowSource['pool']>, query: string, delimiter: string): Promise<Readable> {
  const client = await pool.connect();
  try {
    const { stream, written } = await spool(client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv, DELIMITER ${escapeLiteral(delimiter)})`)));
    // A COPY that failed, or was left half-read (the client went first), leaves the connection in an unknown state: dropped.
    written.then(() => client.release(), () => client.release(true));
    return stream;
  } catch (err) {
    client.release(true);
    throw err;
  }
}

// ---- Applications: the reporting export and the winners registry.

// Only what varies per row crosses the wire: labels of regions and directions come from the shared reference
// data, competitions from one small query (exportCompetitions), which halves the bytes of a national export.
// COPY joins the competition's fields instead, as the cells' SQL names them.
const APPLICATION_ROW = {
  number: applications.number,
  competitionId: applications.competitionId,
  status: applications.status,
  title: applications.title,
  directionCode: applications.directionCode,
  regionCode: applications.regionCode,
  organization: organizations.fullName,
  inn: organizations.inn,
  ogrn: organizations.ogrn,
  kpp: organizations.kpp,
  totalCostKopecks: applications.totalCostKopecks,
  cofinancingKopecks: applications.cofinancingKopecks,
  requestedKopecks: applications.requestedKopecks,
  awardedKopecks: applications.awardedKopecks,
  finalScore: applications.finalScore,
  submittedAt: applications.submittedAt,
};
const APPLICATION_SQL_FIELDS: Record<keyof ApplicationSqlFields, PgColumn> = {
  ...APPLICATION_ROW, competitionCode: competitions.code, competitionTitle: competitions.title, competitionTimezone: competitions.timezone,
};

/** The competitions an export may show (a condition on competitions; undefined: all), by id. */
export async function exportCompetitions(db: Executor, where: SQL | undefined): Promise<Map<string, ExportCompetition>> {
  const rows = await db.select({ id: competitions.id, code: competitions.code, title: competitions.title, timezone: competitions.timezone })
    .from(competitions).where(where);
  return new Map(rows.map(({ id, ...c }) => [id, c]));
}

/** The applications `where` selects, by number; `competitionsShown` the competitions their cells may show. */
function applicationTable(where: SQL | undefined, competitionsShown: SQL | undefined): ExportTable<typeof APPLICATION_ROW, ApplicationSqlFields> {
  return {
    row: APPLICATION_ROW,
    sqlFields: APPLICATION_SQL_FIELDS,
    key: ['number'],
    query: (db, selection, range) => db.select(selection).from(applications)
      .innerJoin(competitions, eq(competitions.id, applications.competitionId))
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(and(where, range))
      .$dynamic(),
    context: async (db) => ({ competitions: await exportCompetitions(db, competitionsShown) }),
  };
}

export interface ApplicationExportFilter {
  /** A condition on competitions (figuresScope); undefined: every competition. */
  scope: SQL | undefined;
  competitionId?: string;
  status?: ApplicationStatus;
}

function exportableApplications(filter: ApplicationExportFilter) {
  return applicationTable(and(
    SUBMITTED_ONCE, // reporting shows what was once submitted: never a draft, nor one withdrawn unsubmitted
    filter.scope,
    filter.competitionId ? eq(applications.competitionId, filter.competitionId) : undefined,
    filter.status ? eq(applications.status, filter.status) : undefined,
  ), filter.scope);
}

/** Every exportable application the filter selects, by number (the rows of the applications export). */
export function applicationExportRows(source: RowSource, filter: ApplicationExportFilter): AsyncGenerator<ApplicationExportRow> {
  return readRows(source, exportableApplications(filter));
}

/** The applications export: every exportable application the filter selects, by number. */
export function applicationsCsv(source: RowSource, filter: ApplicationExportFilter, lang: Lang, dialect: CsvDialect): Promise<Readable> {
  return exportCsv(source, exportableApplications(filter), APPLICATION_COLUMNS, header(APPLICATION_COLUMNS, lang),
    { lang, decimal: dialect.decimal }, dialect);
}

/** The applications export as XLSX: the same rows and columns, typed. */
export function applicationsXlsx(source: RowSource, filter: ApplicationExportFilter, lang: Lang): Promise<Readable> {
  return exportXlsx(source, exportableApplications(filter), APPLICATION_COLUMNS, SHEET_NAMES.applications[lang], sheetContext(lang));
}

/** The competitions whose results are public (the workflow's RESULTS_PUBLIC). */
const RESULTS_ARE_PUBLIC = inArray(competitions.status, [...RESULTS_PUBLIC]);

/**
 * The published winners registry: the winners of competitions whose results are public (or of the one asked for),
 * each with how its reporting stands at `now`.
 */
function winnersTable(competitionId: string | undefined, now: Date) {
  const table = applicationTable(and(
    eq(applications.status, 'winner'),
    RESULTS_ARE_PUBLIC,
    competitionId ? eq(applications.competitionId, competitionId) : undefined,
  ), RESULTS_ARE_PUBLIC);
  const reportStatus = winnerReportStatusSql(applications.id, now);
  return { ...table, row: { ...table.row, reportStatus }, sqlFields: { ...table.sqlFields, reportStatus } };
}

/** Machines read open data: `,` and a decimal point, no byte order mark; labels in Russian. */
const OPEN_DATA_DIALECT = csvDialect('comma', false);
const OPEN_DATA_CONTEXT: CellContext = { lang: 'ru', decimal: OPEN_DATA_DIALECT.decimal };

/** The registry as CSV: the columns of schema.json. */
export function winnersCsv(source: RowSource, now: Date, competitionId?: string): Promise<Readable> {
  return exportCsv(source, winnersTable(competitionId, now), OPEN_DATA_FIELDS, OPEN_DATA_FIELDS.map((f) => f.name), OPEN_DATA_CONTEXT, OPEN_DATA_DIALECT);
}

/** The registry as JSON items, the facts of the CSV rows. */
export async function winners(source: RowSource, now: Date, competitionId?: string): Promise<OpenDataWinner[]> {
  const table = winnersTable(competitionId, now);
  const ctx: CellContext = { ...OPEN_DATA_CONTEXT, ...(await table.context?.(source.db)) };
  const items: OpenDataWinner[] = [];
  for await (const row of readRows(source, table)) items.push(winnerOf(row, ctx));
  return items;
}

/** The competitions whose results are public, by code (or the one asked for, when public). */
export async function publishedCompetitions(db: Executor, competitionId?: string) {
  return db.select({ id: competitions.id, code: competitions.code, title: competitions.title, publishedAt: competitions.publishedAt })
    .from(competitions)
    .where(and(RESULTS_ARE_PUBLIC, competitionId ? eq(competitions.id, competitionId) : undefined))
    .orderBy(asc(competitions.code));
}

/** A competition whose results are public; an unknown one and one not published yet are both a 404. */
export async function publishedCompetition(db: Executor, id: string) {
  const [comp] = await publishedCompetitions(db, id);
  if (!comp) throw new DomainError('not-found', 'published-competition-not-found');
  return comp;
}

// ---- Totals: the figures of stats (a few hundred groups at most), formatted here.

/** The totals export: the groups of the figures in scope, then the totals row. */
export async function totalsCsv(db: Executor, groupBy: TotalsGroup, scope: SQL | undefined, now: Date, lang: Lang, dialect: CsvDialect): Promise<Readable> {
  const figures = await totals(db, groupBy, scope, now, lang);
  const ctx = await totalsContext(db, groupBy, scope, { lang, decimal: dialect.decimal });
  return csvStream(header(totalsColumns(groupBy), lang), totalsCells(figures, groupBy, ctx), dialect);
}

/** The totals export as XLSX: the same rows and columns, typed. */
export async function totalsXlsx(db: Executor, groupBy: TotalsGroup, scope: SQL | undefined, now: Date, lang: Lang): Promise<Readable> {
  const figures = await totals(db, groupBy, scope, now, lang);
  const ctx = await totalsContext(db, groupBy, scope, sheetContext(lang));
  const columns = totalsColumns(groupBy);
  return xlsxStream(SHEET_NAMES.totals[lang], sheetColumns(columns, lang), totalsRows(figures, lang).map((r) => sheetCells(columns, r, ctx)));
}

/** By competition, the rows show the competitions' codes: those in scope, read once. */
async function totalsContext(db: Executor, groupBy: TotalsGroup, scope: SQL | undefined, ctx: CellContext): Promise<CellContext> {
  return groupBy === 'competition' ? { ...ctx, competitions: await exportCompetitions(db, scope) } : ctx;
}

// ---- Reviews: the submitted (final) reviews of one competition, by application number.

/** The criteria of a competition in order: the score columns of its reviews export. */
export function competitionCriteria(db: Executor, competitionId: string) {
  return db.select({ code: criteria.code, title: criteria.title }).from(criteria)
    .where(eq(criteria.competitionId, competitionId)).orderBy(asc(criteria.position));
}

const REVIEW_ROW = {
  id: reviews.id,
  number: applications.number,
  title: applications.title,
  expertId: reviews.expertId,
  expertName: users.fullName,
  scores: reviews.scores,
  total: reviews.total,
  comment: reviews.comment,
  submittedAt: reviews.submittedAt,
  isExtra: assignments.isExtra,
};

function reviewTable(competitionId: string): ExportTable<typeof REVIEW_ROW, Record<never, never>> {
  return {
    row: REVIEW_ROW,
    sqlFields: {},
    key: ['number', 'id'],
    query: (db, selection, range) => db.select(selection).from(reviews)
      .innerJoin(applications, eq(applications.id, reviews.applicationId))
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .innerJoin(users, eq(users.id, reviews.expertId))
      .where(and(eq(applications.competitionId, competitionId), eq(reviews.status, 'submitted'), range))
      .$dynamic(),
  };
}

/** The reviews export of a competition (its criteria are its score columns). */
export async function reviewsCsv(source: RowSource, competition: { id: string; timezone: string }, lang: Lang, dialect: CsvDialect): Promise<Readable> {
  const columns = reviewColumns(await competitionCriteria(source.db, competition.id), competition.timezone);
  return exportCsv(source, reviewTable(competition.id), columns, header(columns, lang), { lang, decimal: dialect.decimal }, dialect);
}

/** The reviews export of a competition as XLSX: the same rows and columns, typed (scores as numbers). */
export async function reviewsXlsx(source: RowSource, competition: { id: string; timezone: string }, lang: Lang): Promise<Readable> {
  const columns = reviewColumns(await competitionCriteria(source.db, competition.id), competition.timezone);
  return exportXlsx(source, reviewTable(competition.id), columns, SHEET_NAMES.reviews[lang], sheetContext(lang));
}
