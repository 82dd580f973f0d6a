import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { awardBody, awardProposal, idParams, problem } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { confirmAwards, proposeAwards } from '../services/awards.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['awards'];
  const config = { roles: ['organiser', 'admin'] as const };
  const responses = { 400: problem, 404: problem, 409: problem };

  app.post('/competitions/:id/awards/proposal', {
    config,
    schema: { operationId: 'proposeAwards', summary: 'Propose the awards over the current ranking (nothing saved)', tags, params: idParams, body: awardBody, response: { 200: awardProposal, ...responses } },
  }, async (request) => proposeAwards(app.db, currentUser(request), request.params.id, request.body));

  app.post('/competitions/:id/awards', {
    config,
    schema: { operationId: 'confirmAwards', summary: 'Record the award decisions; the competition becomes decided', tags, params: idParams, body: awardBody, response: { 201: awardProposal, ...responses } },
  }, async (request, reply) => reply.code(201).send(await confirmAwards(app.db, currentUser(request), request.params.id, request.body, app.clock.now())));
};
export default routes;
