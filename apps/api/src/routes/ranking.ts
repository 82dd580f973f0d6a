import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problem, ranking } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { rankingOfCompetition } from '../services/ranking.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/competitions/:id/ranking', {
    config: { roles: ['organiser', 'admin'] },
    schema: { operationId: 'getRanking', summary: 'Read a competition\'s ranking', tags: ['ranking'], params: idParams, response: { 200: ranking, 404: problem } },
    // 12,000 rows built by our own code: the schema documents them; checking each row again would cost more
    // than the query (TARGETS.md: 200 ms).
    serializerCompiler: () => (data) => JSON.stringify(data),
  }, async (request) => rankingOfCompetition(app.db, currentUser(request), request.params.id));
};
export default routes;
