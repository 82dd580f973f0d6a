import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problem, ranking, rankingQuery } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { rankingOfCompetition } from '../services/ranking.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/competitions/:id/ranking', {
    config: { roles: ['organiser', 'admin'] },
    schema: {
      operationId: 'getRanking', summary: 'Read a competition\'s ranking a page at a time (ranked rows first, then the waiting ones)', tags: ['ranking'],
      params: idParams, querystring: rankingQuery, response: { 200: ranking, 400: problem, 404: problem },
    },
    // Up to 500 rows built by our own code: the schema documents them; checking each row again would cost more
    // than the query (TARGETS.md: 200 ms).
    serializerCompiler: () => (data) => JSON.stringify(data),
  }, async (request) => rankingOfCompetition(app.db, currentUser(request), request.params.id, request.query, app.secret));
};
export default routes;
