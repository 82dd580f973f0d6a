// CSV exports for reporting. The scope check and every 4xx happen before the first byte; then the rows stream.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicationsExportQuery, csvDownload, problem, reviewsExportQuery, totalsExportQuery } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { figuresScope } from '../queries/stats.js';
import { applicationsCsv, reviewsCsv, totalsCsv } from '../queries/exports.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { csvDialect, sendCsv } from '../lib/csv.js';
import { FIGURES_ROLES } from './stats.js';

const tags = ['exports'];
const errors = { 400: problem, 401: problem, 403: problem, 404: problem };

const routes: FastifyPluginAsyncZod = async (app) => {
  const day = () => app.clock.now().toISOString().slice(0, 10);

  app.get('/exports/applications.csv', {
    config: { roles: FIGURES_ROLES },
    schema: {
      operationId: 'downloadApplicationsCsv', summary: 'Download the submitted applications in scope as CSV',
      tags, querystring: applicationsExportQuery, response: { 200: csvDownload, ...errors },
    },
  }, async (request, reply) => {
    const { delimiter, lang, competitionId, status } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), { competitionId });
    const csv = await applicationsCsv(app.database, { scope, competitionId, status }, lang, csvDialect(delimiter));
    return sendCsv(reply, `applications-${day()}.csv`, csv);
  });

  app.get('/exports/totals.csv', {
    config: { roles: FIGURES_ROLES },
    schema: {
      operationId: 'downloadTotalsCsv', summary: 'Download the application totals in scope, grouped, as CSV',
      tags, querystring: totalsExportQuery, response: { 200: csvDownload, ...errors },
    },
  }, async (request, reply) => {
    const { delimiter, lang, groupBy, ...filter } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), filter);
    const csv = await totalsCsv(app.db, groupBy, scope, lang, csvDialect(delimiter));
    return sendCsv(reply, `totals-by-${groupBy}-${day()}.csv`, csv);
  });

  // Expert scores per review: for the organiser who runs the competition (names included), nobody else.
  app.get('/exports/reviews.csv', {
    config: { roles: ['organiser'] },
    schema: {
      operationId: 'downloadReviewsCsv', summary: 'Download the submitted reviews of a competition as CSV',
      tags, querystring: reviewsExportQuery, response: { 200: csvDownload, ...errors },
    },
  }, async (request, reply) => {
    const { delimiter, lang, competitionId } = request.query;
    const competition = await competitionOfOrganiser(app.db, currentUser(request), competitionId);
    const csv = await reviewsCsv(app.database, competition, lang, csvDialect(delimiter));
    return sendCsv(reply, `reviews-${competition.code}-${day()}.csv`, csv);
  });
};
export default routes;
