// CSV exports for reporting. The scope check and every 4xx happen before the first byte; then the rows stream.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicationsExportQuery, problem, reviewsExportQuery, totalsExportQuery } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { figuresScope, totals } from '../queries/stats.js';
import { applicationCsvCopy, applicationExportRows, competitionCriteria, exportCompetitions, reviewExportRows } from '../queries/exports.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { APPLICATION_COLUMNS, cells, header, reviewColumns, totalsCells, totalsColumns } from '../domain/csv.js';
import { csvDialect, csvStream, csvTextStream, sendCsv } from '../lib/csv.js';
import { FIGURES_ROLES } from './stats.js';

const tags = ['exports'];
const errors = { 400: problem, 401: problem, 403: problem, 404: problem };
/** The body is a text/csv stream (not serialised): UTF-8 with BOM, `;` and a decimal comma by default. */
const csvResponse = z.string().describe('text/csv; UTF-8 with BOM, `;` and a decimal comma by default (`delimiter=comma`: `,` and a point)');

const routes: FastifyPluginAsyncZod = async (app) => {
  const day = () => app.clock.now().toISOString().slice(0, 10);

  app.get('/exports/applications.csv', {
    config: { roles: FIGURES_ROLES },
    schema: { tags, querystring: applicationsExportQuery, response: { 200: csvResponse, ...errors } },
  }, async (request, reply) => {
    const { delimiter, lang, competitionId, status } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), { competitionId });
    const dialect = csvDialect(delimiter);
    const fileName = `applications-${day()}.csv`;
    const filter = { scope, competitionId, status };
    // On a server the database writes the CSV text (COPY), twice as fast as formatting rows here.
    if (app.database.pool) {
      const body = applicationCsvCopy(app.database, filter, { lang, delimiter: dialect.delimiter, decimal: dialect.decimal });
      return sendCsv(reply, fileName, csvTextStream(header(APPLICATION_COLUMNS, lang), body, dialect));
    }
    const ctx = { lang, decimal: dialect.decimal, competitions: await exportCompetitions(app.db, scope) };
    async function* rows() {
      for await (const row of applicationExportRows(app.database, filter)) yield cells(APPLICATION_COLUMNS, row, ctx);
    }
    return sendCsv(reply, fileName, csvStream(header(APPLICATION_COLUMNS, lang), rows(), dialect));
  });

  app.get('/exports/totals.csv', {
    config: { roles: FIGURES_ROLES },
    schema: { tags, querystring: totalsExportQuery, response: { 200: csvResponse, ...errors } },
  }, async (request, reply) => {
    const { delimiter, lang, groupBy, ...filter } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), filter);
    const dialect = csvDialect(delimiter);
    const figures = await totals(app.db, groupBy, scope, lang);
    return sendCsv(reply, `totals-by-${groupBy}-${day()}.csv`,
      csvStream(header(totalsColumns(groupBy), lang), totalsCells(figures, groupBy, { lang, decimal: dialect.decimal }), dialect));
  });

  // Expert scores per review: for the organiser who runs the competition (names included), nobody else.
  app.get('/exports/reviews.csv', {
    config: { roles: ['organiser'] },
    schema: { tags, querystring: reviewsExportQuery, response: { 200: csvResponse, ...errors } },
  }, async (request, reply) => {
    const { delimiter, lang, competitionId } = request.query;
    const competition = await competitionOfOrganiser(app.db, currentUser(request), competitionId);
    const columns = reviewColumns(await competitionCriteria(app.db, competition.id), competition.timezone);
    const dialect = csvDialect(delimiter);
    const ctx = { lang, decimal: dialect.decimal };
    async function* rows() {
      for await (const row of reviewExportRows(app.database, competition.id)) yield cells(columns, row, ctx);
    }
    return sendCsv(reply, `reviews-${competition.code}-${day()}.csv`, csvStream(header(columns, lang), rows(), dialect));
  });
};
export default routes;
