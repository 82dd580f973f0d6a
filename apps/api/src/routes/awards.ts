import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { awardBody, awardProposal, idParams, problem } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { confirmAwards, proposeAwards, requireUndecided } from '../queries/awards.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['awards'];
  const config = { roles: ['organiser', 'admin'] as const };
  const responses = { 400: problem, 404: problem, 409: problem };

  app.post('/competitions/:id/awards/proposal', {
    config, schema: { tags, params: idParams, body: awardBody, response: { 200: awardProposal, ...responses } },
  }, async (request) => {
    const comp = await competitionOfOrganiser(app.db, currentUser(request), request.params.id);
    requireUndecided(comp);
    return (await proposeAwards(app.db, comp, request.body)).allocation;
  });

  app.post('/competitions/:id/awards', {
    config, schema: { tags, params: idParams, body: awardBody, response: { 201: awardProposal, ...responses } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const decided = await app.db.transaction(async (tx) => {
      // The row lock makes confirmations take turns: the first decides, the others then find it decided (409).
      const comp = await competitionOfOrganiser(tx, user, request.params.id, { lock: true });
      requireUndecided(comp);
      return confirmAwards(tx, comp, request.body, { id: user.id, role: user.role }, app.clock.now());
    });
    return reply.code(201).send(decided);
  });
};
export default routes;
