import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FIGURES_ROLES, problem, totals, totalsQuery } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { figuresTotals } from '../services/stats.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/stats/totals', {
    config: { roles: FIGURES_ROLES },
    schema: {
      operationId: 'getTotals', summary: 'Totals of applications, winners, money and reports, grouped', tags: ['stats'], querystring: totalsQuery,
      response: { 200: totals, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => figuresTotals(app.db, currentUser(request), request.query, app.clock.now()));
};
export default routes;
