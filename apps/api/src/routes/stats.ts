import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problem, totals, totalsQuery } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { figuresScope, totals as computeTotals } from '../queries/stats.js';

/** Who reads figures: officials and organisers (their operator's; a federal official all) and admins. */
export const FIGURES_ROLES = ['official', 'organiser', 'admin'] as const;

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/stats/totals', {
    config: { roles: FIGURES_ROLES },
    schema: { tags: ['stats'], querystring: totalsQuery, response: { 200: totals, 400: problem, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const { groupBy, ...filter } = request.query;
    const scope = await figuresScope(app.db, currentUser(request), filter);
    return computeTotals(app.db, groupBy, scope);
  });
};
export default routes;
