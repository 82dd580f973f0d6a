// The rows of the CSV exports and of the open data, streamed so that an export of any size holds one batch
// in memory at a time: on a PostgreSQL server one query read through a cursor (pg-query-stream on a pooled
// connection); on PGlite, which has no cursors over the wire, keyset-paginated batches of the same query.
import { and, asc, eq, gt, inArray, or, sql, type Column, type SQL } from 'drizzle-orm';
import { SUBMITTED_ONCE } from './scope.js';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { escapeLiteral } from 'pg';
import QueryStream from 'pg-query-stream';
import { to as copyTo } from 'pg-copy-streams';
import { APPLICATION_STATUS_LABELS, DIRECTIONS, REGIONS, type ApplicationStatus, type Lang } from '@konkurs/shared';
import type { Database, Executor } from '../db/client.js';
import { applications, assignments, competitions, criteria, organizations, reviews, users } from '../db/schema/index.js';
import { inBatches } from '../lib/csv.js';

/** Rows per keyset batch on PGlite (in-process: small batches cost little and keep the heap flat). */
export const EXPORT_BATCH = 500;

/** Where rows are read from: the app's database (its pool, when on a server). */
export type RowSource = Pick<Database, 'db' | 'pool'>;

/**
 * All rows of a query built by `build(after, limit)`: through a cursor when a pool is there (one query, the
 * planner free to hash-join), else keyset batches after the last row's key. Rows are mapped by the columns'
 * own driver mappings, so both paths give the same objects.
 */
async function* readAll<R, K>(
  source: RowSource,
  fields: Record<string, Column>,
  build: (after: K | undefined, limit: number | undefined) => PgSelect,
  keyOf: (row: R) => K,
): AsyncGenerator<R> {
  if (!source.pool) {
    yield* inBatches<R, K>((after) => build(after, EXPORT_BATCH) as unknown as Promise<R[]>, keyOf, EXPORT_BATCH);
    return;
  }
  const { sql: text, params } = build(undefined, undefined).toSQL();
  const names = Object.keys(fields);
  const columns = Object.values(fields);
  const client = await source.pool.connect();
  // Small batches: rows that wait in buffers get promoted by the GC, and a 1000-row buffer grew the heap by 100 MB.
  const stream = client.query(new QueryStream(text, params, { batchSize: 250, highWaterMark: 250, rowMode: 'array' }));
  try {
    for await (const raw of stream as AsyncIterable<unknown[]>) {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) row[names[i]] = raw[i] === null ? null : columns[i].mapFromDriverValue(raw[i]);
      yield row as R;
    }
  } finally {
    // A client that went away leaves the cursor half-read: close it before the connection goes back.
    stream.destroy();
    client.release();
  }
}


// Only what varies per row crosses the wire: labels of regions and directions come from the shared reference
// data, competitions from one small query (exportCompetitions), which halves the bytes of a national export.
const applicationColumns = {
  number: applications.number,
  competitionId: applications.competitionId,
  status: applications.status,
  title: applications.title,
  directionCode: applications.directionCode,
  regionCode: applications.regionCode,
  organization: organizations.fullName,
  inn: organizations.inn,
  totalCostKopecks: applications.totalCostKopecks,
  cofinancingKopecks: applications.cofinancingKopecks,
  requestedKopecks: applications.requestedKopecks,
  awardedKopecks: applications.awardedKopecks,
  finalScore: applications.finalScore,
  submittedAt: applications.submittedAt,
};

export interface ExportCompetition { code: string; title: string; timezone: string }

/** The competitions an export may show (a condition on competitions; undefined: all), by id. */
export async function exportCompetitions(db: Executor, where: SQL | undefined): Promise<Map<string, ExportCompetition>> {
  const rows = await db.select({ id: competitions.id, code: competitions.code, title: competitions.title, timezone: competitions.timezone })
    .from(competitions).where(where);
  return new Map(rows.map(({ id, ...c }) => [id, c]));
}

export interface ApplicationExportFilter {
  /** A condition on competitions (figuresScope); undefined: every competition. */
  scope: SQL | undefined;
  competitionId?: string;
  status?: ApplicationStatus;
}

function applicationQuery(db: Executor, where: SQL | undefined, afterNumber: string | undefined, limit: number | undefined) {
  const q = db.select(applicationColumns).from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(where, afterNumber === undefined ? undefined : gt(applications.number, afterNumber)))
    .orderBy(asc(applications.number))
    .$dynamic();
  return limit === undefined ? q : q.limit(limit);
}

export type ApplicationExportRow = Awaited<ReturnType<typeof applicationQuery>>[number];

function applicationRows(source: RowSource, where: SQL | undefined): AsyncGenerator<ApplicationExportRow> {
  return readAll<ApplicationExportRow, string>(source, applicationColumns, (after, limit) => applicationQuery(source.db, where, after, limit), (r) => r.number);
}

/** Every exportable application the filter selects, by number. */
export function applicationExportRows(source: RowSource, filter: ApplicationExportFilter): AsyncGenerator<ApplicationExportRow> {
  return applicationRows(source, exportableWhere(filter));
}

function exportableWhere(filter: ApplicationExportFilter) {
  return and(
    SUBMITTED_ONCE, // reporting shows what was once submitted: never a draft, nor one withdrawn unsubmitted
    filter.scope,
    filter.competitionId ? eq(applications.competitionId, filter.competitionId) : undefined,
    filter.status ? eq(applications.status, filter.status) : undefined,
  );
}

export interface CsvCopyOptions { lang: Lang; delimiter: ';' | ','; decimal: ',' | '.' }

// The cells of APPLICATION_COLUMNS (domain/csv.ts) written by PostgreSQL, character for character: the JS path
// formats ~60,000 rows/s, COPY as fast as the server reads. An empty cell is NULL, since COPY quotes an empty
// string ("") where csv-stringify writes nothing; every cell is neutralised as lib/csv's neutraliseCell does.
const cellSql = (value: SQL) =>
  sql`nullif(case when ascii(${value}) in (61, 43, 45, 64, 9, 13) then '''' || ${value} else ${value} end, '')`;
/** formatMoneyPlain: roubles, the decimal separator, two digits of kopecks; integer arithmetic on the bigint. */
const moneySql = (kopecks: SQL | Column, decimal: string) =>
  sql`case when ${kopecks} < 0 then '-' else '' end || (abs(${kopecks}) / 100)::text || ${decimal} || lpad((abs(${kopecks}) % 100)::text, 2, '0')`;
/** Label lookups: one jsonb constant (parsed once per query), a binary search per row. */
const lookup = (pairs: Iterable<readonly [string, string]>) => JSON.stringify(Object.fromEntries(pairs));
const REGION_JSON = lookup(REGIONS.map(([code, name]) => [code, name] as const));
const DIRECTION_JSON = { ru: lookup(DIRECTIONS.map(([code, ru]) => [code, ru] as const)), en: lookup(DIRECTIONS.map(([code, , en]) => [code, en] as const)) };
const STATUS_JSON = { ru: JSON.stringify(APPLICATION_STATUS_LABELS.ru), en: JSON.stringify(APPLICATION_STATUS_LABELS.en) };

function applicationCsvQuery(db: Executor, where: SQL | undefined, { lang, decimal }: CsvCopyOptions) {
  const a = applications;
  const fields: SQL[] = [
    sql`${a.number}`,
    sql`${competitions.code}`,
    sql`${competitions.title}`,
    sql`(${STATUS_JSON[lang]}::jsonb ->> ${a.status})`,
    sql`${organizations.fullName}`,
    sql`${organizations.inn}`,
    sql`${a.regionCode}`,
    sql`coalesce(${REGION_JSON}::jsonb ->> ${a.regionCode}, ${a.regionCode})`,
    sql`${a.title}`,
    sql`coalesce(${DIRECTION_JSON[lang]}::jsonb ->> ${a.directionCode}, ${a.directionCode})`,
    moneySql(sql`${a.totalCostKopecks}`, decimal),
    moneySql(sql`${a.cofinancingKopecks}`, decimal),
    moneySql(sql`${a.requestedKopecks}`, decimal),
    sql`case when ${a.status} = 'winner' then ${moneySql(sql`${a.awardedKopecks}`, decimal)} end`,
    // numeric(6,2) prints two decimals, as formatScore's toFixed(2).
    sql`replace(${a.finalScore}::text, '.', ${decimal})`,
    // formatDateTime: the competition's zone, to the minute.
    sql`to_char(${a.submittedAt} at time zone ${competitions.timezone}, 'DD.MM.YYYY HH24:MI')`,
  ];
  return db.select(Object.fromEntries(fields.map((f, i) => [`c${i}`, cellSql(f)]))).from(a)
    .innerJoin(competitions, eq(competitions.id, a.competitionId))
    .innerJoin(organizations, eq(organizations.id, a.organizationId))
    .where(where)
    .orderBy(asc(a.number));
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
 * The data rows of the applications export as CSV text written by PostgreSQL (COPY … TO STDOUT, FORMAT csv:
 * quoted only when a cell holds the delimiter, a quote, CR or LF, as csv-stringify does; LF line ends), on a
 * pooled connection; undefined on PGlite. The connection goes back when the stream ends, or is dropped if the
 * stream is destroyed half-read (the server is still sending).
 */
export async function* applicationCsvCopy(source: RowSource, filter: ApplicationExportFilter, options: CsvCopyOptions): AsyncGenerator<Buffer> {
  if (!source.pool) throw new Error('COPY needs a PostgreSQL server');
  const query = inlineParams(applicationCsvQuery(source.db, exportableWhere(filter), options).toSQL());
  const client = await source.pool.connect();
  let done = false;
  try {
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv, DELIMITER ${escapeLiteral(options.delimiter)})`));
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
    done = true;
  } finally {
    client.release(done ? undefined : true);
  }
}

/** Results are public once published, and stay so when the competition is archived (it can only be archived after). */
export const RESULTS_PUBLIC = inArray(competitions.status, ['published', 'archived']);

/** The published winners registry: the winners of competitions whose results are public. */
export function winnerRows(source: RowSource, competitionId?: string): AsyncGenerator<ApplicationExportRow> {
  return applicationRows(source, and(
    eq(applications.status, 'winner'),
    RESULTS_PUBLIC,
    competitionId ? eq(applications.competitionId, competitionId) : undefined,
  ));
}

/** The criteria of a competition in order: the score columns of its reviews export. */
export function competitionCriteria(db: Executor, competitionId: string) {
  return db.select({ code: criteria.code, title: criteria.title }).from(criteria)
    .where(eq(criteria.competitionId, competitionId)).orderBy(asc(criteria.position));
}

const reviewColumns = {
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

function reviewQuery(db: Executor, competitionId: string, after: [string, string] | undefined, limit: number | undefined) {
  const q = db.select(reviewColumns).from(reviews)
    .innerJoin(applications, eq(applications.id, reviews.applicationId))
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(users, eq(users.id, reviews.expertId))
    .where(and(
      eq(applications.competitionId, competitionId),
      eq(reviews.status, 'submitted'),
      after ? or(gt(applications.number, after[0]), and(eq(applications.number, after[0]), gt(reviews.id, after[1]))) : undefined,
    ))
    .orderBy(asc(applications.number), asc(reviews.id))
    .$dynamic();
  return limit === undefined ? q : q.limit(limit);
}

export type ReviewExportRow = Awaited<ReturnType<typeof reviewQuery>>[number];

/** The submitted (final) reviews of a competition, by application number. */
export function reviewExportRows(source: RowSource, competitionId: string): AsyncGenerator<ReviewExportRow> {
  return readAll<ReviewExportRow, [string, string]>(source, reviewColumns,
    (after, limit) => reviewQuery(source.db, competitionId, after, limit), (r) => [r.number, r.id]);
}

/** The competitions whose results are public, by code (or the one asked for, when public). */
export async function publishedCompetitions(db: Executor, competitionId?: string) {
  return db.select({ id: competitions.id, code: competitions.code, title: competitions.title, publishedAt: competitions.publishedAt })
    .from(competitions)
    .where(and(RESULTS_PUBLIC, competitionId ? eq(competitions.id, competitionId) : undefined))
    .orderBy(asc(competitions.code));
}
