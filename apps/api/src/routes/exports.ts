// CSV exports for reporting. The scope check and every 4xx happen before the first byte; then the rows stream.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FIGURES_ROLES, applicationsExportQuery, csvDownload, problem, reviewsExportQuery, totalsExportQuery } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { figuresScope } from '../queries/stats.js';
import { applicationsCsv, reviewsCsv, totalsCsv } from '../queries/exports.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { csvDialect, sendCsv } from '../lib/csv.js';

const tags = ['exports'];
/** A CSV download's schema: its operation, the query it reads, and the CSV or a problem. */
const csvSchema = <Q>(operationId: string, summary: string, querystring: Q) =>
  ({ operationId, summary, tags, querystring, produces: ['text/csv'], response: { 200: csvDownload, 400: problem, 401: problem, 403: problem, 404: problem } });

const routes: FastifyPluginAsyncZod = async (app) => {
  const day = () => app.clock.now().toISOString().slice(0, 10);

  app.get('/exports/applications.csv', {
    config: { roles: FIGURES_ROLES },
    schema: csvSchema('downloadApplicationsCsv', 'Download the submitted applications in scope as CSV', applicationsExportQuery),
  }, async (request, reply) => {
    const { delimiter, lang, competitionId, status } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), { competitionId });
    const csv = await applicationsCsv(app.database, { scope, competitionId, status }, lang, csvDialect(delimiter));
    return sendCsv(reply, `applications-${day()}.csv`, csv);
  });

  app.get('/exports/totals.csv', {
    config: { roles: FIGURES_ROLES },
    schema: csvSchema('downloadTotalsCsv', 'Download the application totals in scope, grouped, as CSV', totalsExportQuery),
  }, async (request, reply) => {
    const { delimiter, lang, groupBy, ...filter } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), filter);
    const csv = await totalsCsv(app.db, groupBy, scope, lang, csvDialect(delimiter));
    return sendCsv(reply, `totals-by-${groupBy}-${day()}.csv`, csv);
  });

  // Expert scores per review: for the organiser who runs the competition (names included), nobody else.
  app.get('/exports/reviews.csv', {
    config: { roles: ['organiser'] },
    schema: csvSchema('downloadReviewsCsv', 'Download the submitted reviews of a competition as CSV', reviewsExportQuery),
  }, async (request, reply) => {
    const { delimiter, lang, competitionId } = request.query;
    const competition = await competitionOfOrganiser(app.db, currentUser(request), competitionId);
    const csv = await reviewsCsv(app.database, competition, lang, csvDialect(delimiter));
    return sendCsv(reply, `reviews-${competition.code}-${day()}.csv`, csv);
  });
};
export default routes;
