// Exports for reporting: each report as CSV and, beside it, as XLSX (same query, same access). The scope check and
// every 4xx happen before the first byte; then the rows stream.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  FIGURES_ROLES, applicationsExportQuery, applicationsXlsxQuery, csvDownload, problem, reviewsExportQuery, reviewsXlsxQuery,
  totalsExportQuery, totalsXlsxQuery, xlsxDownload,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { figuresScope } from '../queries/stats.js';
import { applicationsCsv, applicationsXlsx, reviewsCsv, reviewsXlsx, totalsCsv, totalsXlsx } from '../queries/exports.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { csvDialect, sendCsv } from '../lib/csv.js';
import { XLSX_TYPE, sendXlsx } from '../lib/xlsx.js';

const tags = ['exports'];
const errors = { 400: problem, 401: problem, 403: problem, 404: problem };

// How identifiers survive a spreadsheet (docs/EXPORTS.md): the CSV keeps their digits as they are, for machines;
// the XLSX holds them as text cells, for Excel, which drops the zero of a bare 01 read from a CSV.
const CSV_IDENTIFIERS = 'ИНН, region and direction codes are written as their digits (no apostrophe, no ="…"), the region’s '
  + 'name beside its code. Excel opening a CSV directly drops the leading zero of regions 01–09: for Excel, take the XLSX beside it.';
const XLSX_CELLS = 'The same rows and columns as the CSV, in one sheet: frozen header row, autofilter, counts and scores as numbers, '
  + 'money as numbers in roubles with a rouble format, dates as dates in the competition’s zone, ИНН and codes as text cells.';

/** A CSV download's schema: its operation, the query it reads, and the CSV or a problem. */
const csvSchema = <Q>(operationId: string, summary: string, querystring: Q) =>
  ({ operationId, summary, description: CSV_IDENTIFIERS, tags, querystring, produces: ['text/csv'], response: { 200: csvDownload, ...errors } });
/** The XLSX download beside a CSV: the same query without the delimiter. */
const xlsxSchema = <Q>(operationId: string, summary: string, querystring: Q) =>
  ({ operationId, summary, description: XLSX_CELLS, tags, querystring, produces: [XLSX_TYPE], response: { 200: xlsxDownload, ...errors } });

const routes: FastifyPluginAsyncZod = async (app) => {
  const day = () => app.clock.now().toISOString().slice(0, 10);

  app.get('/exports/applications.csv', {
    config: { roles: FIGURES_ROLES, download: 'exports' },
    schema: csvSchema('downloadApplicationsCsv', 'Download the submitted applications in scope as CSV', applicationsExportQuery),
  }, async (request, reply) => {
    const { delimiter, lang, competitionId, status } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), { competitionId });
    const csv = await applicationsCsv(app.database, { scope, competitionId, status }, lang, csvDialect(delimiter));
    return sendCsv(reply, `applications-${day()}.csv`, csv);
  });

  app.get('/exports/applications.xlsx', {
    config: { roles: FIGURES_ROLES, download: 'exports' },
    schema: xlsxSchema('downloadApplicationsXlsx', 'Download the submitted applications in scope as XLSX', applicationsXlsxQuery),
  }, async (request, reply) => {
    const { lang, competitionId, status } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), { competitionId });
    return sendXlsx(reply, `applications-${day()}.xlsx`, await applicationsXlsx(app.database, { scope, competitionId, status }, lang));
  });

  app.get('/exports/totals.csv', {
    config: { roles: FIGURES_ROLES, download: 'exports' },
    schema: csvSchema('downloadTotalsCsv', 'Download the application totals in scope, grouped, as CSV', totalsExportQuery),
  }, async (request, reply) => {
    const { delimiter, lang, groupBy, ...filter } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), filter);
    const csv = await totalsCsv(app.db, groupBy, scope, app.clock.now(), lang, csvDialect(delimiter));
    return sendCsv(reply, `totals-by-${groupBy}-${day()}.csv`, csv);
  });

  app.get('/exports/totals.xlsx', {
    config: { roles: FIGURES_ROLES, download: 'exports' },
    schema: xlsxSchema('downloadTotalsXlsx', 'Download the application totals in scope, grouped, as XLSX', totalsXlsxQuery),
  }, async (request, reply) => {
    const { lang, groupBy, ...filter } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), filter);
    return sendXlsx(reply, `totals-by-${groupBy}-${day()}.xlsx`, await totalsXlsx(app.db, groupBy, scope, app.clock.now(), lang));
  });

  // Expert scores per review: for the organiser who runs the competition (names included), nobody else.
  app.get('/exports/reviews.csv', {
    config: { roles: ['organiser'], download: 'exports' },
    schema: csvSchema('downloadReviewsCsv', 'Download the submitted reviews of a competition as CSV', reviewsExportQuery),
  }, async (request, reply) => {
    const { delimiter, lang, competitionId } = request.query;
    const competition = await competitionOfOrganiser(app.db, currentUser(request), competitionId);
    const csv = await reviewsCsv(app.database, competition, lang, csvDialect(delimiter));
    return sendCsv(reply, `reviews-${competition.code}-${day()}.csv`, csv);
  });

  app.get('/exports/reviews.xlsx', {
    config: { roles: ['organiser'], download: 'exports' },
    schema: xlsxSchema('downloadReviewsXlsx', 'Download the submitted reviews of a competition as XLSX', reviewsXlsxQuery),
  }, async (request, reply) => {
    const { lang, competitionId } = request.query;
    const competition = await competitionOfOrganiser(app.db, currentUser(request), competitionId);
    return sendXlsx(reply, `reviews-${competition.code}-${day()}.xlsx`, await reviewsXlsx(app.database, competition, lang));
  });
};
export default routes;
