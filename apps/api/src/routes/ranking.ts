import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem, rankingRow } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { competitionRanking } from '../queries/ranking.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  // A plain array (API.md): the whole ranking is what the organiser decides on.
  app.get('/competitions/:id/ranking', {
    config: { roles: ['organiser', 'admin'] },
    schema: { tags: ['ranking'], params: idParams, response: { 200: z.array(rankingRow), 404: problem } },
    // 12,000 rows built by our own code: the schema documents them; checking each row again would cost more
    // than the query (TARGETS.md: 200 ms).
    serializerCompiler: () => (data) => JSON.stringify(data),
  }, async (request) => {
    const comp = await competitionOfOrganiser(app.db, currentUser(request), request.params.id);
    return competitionRanking(app.db, comp.id);
  });
};
export default routes;
