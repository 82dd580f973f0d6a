import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problem, totals, totalsQuery } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { figuresTotals } from '../services/stats.js';

/** Who reads figures: officials and organisers (their operator's; a federal official all) and admins. */
export const FIGURES_ROLES = ['official', 'organiser', 'admin'] as const;

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/stats/totals', {
    config: { roles: FIGURES_ROLES },
    schema: {
      operationId: 'getTotals', summary: 'Totals of applications, winners and money, grouped', tags: ['stats'], querystring: totalsQuery,
      response: { 200: totals, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => figuresTotals(app.db, currentUser(request), request.query));
};
export default routes;
