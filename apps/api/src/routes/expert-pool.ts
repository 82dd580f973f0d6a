import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, page, poolAddResult, poolBody, poolExpert, poolMemberParams, poolQuery, problem } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { addExpertsToPool, competitionPool, removeExpertFromPool } from '../services/expert-pool.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['experts'];
  const config = { roles: ['organiser', 'admin'] as const };

  app.post('/competitions/:id/experts', {
    config,
    schema: {
      operationId: 'addExpertsToPool', summary: 'Add experts to a competition\'s pool', tags, params: idParams, body: poolBody,
      response: { 200: poolAddResult, 400: problem, 404: problem, 409: problem },
    },
  }, async (request) => addExpertsToPool(app.db, currentUser(request), request.params.id, request.body.expertIds, app.clock.now()));

  app.get('/competitions/:id/experts', {
    config,
    schema: { operationId: 'listPool', summary: 'List a competition\'s expert pool with each expert\'s load', tags, params: idParams, querystring: poolQuery, response: { 200: page(poolExpert), 404: problem } },
  }, async (request) => competitionPool(app.db, currentUser(request), request.params.id, request.query, app.secret));

  app.delete('/competitions/:id/experts/:expertId', {
    config,
    schema: {
      operationId: 'removeExpertFromPool', summary: 'Remove an expert without assignments from the pool', tags, params: poolMemberParams,
      response: { 204: z.null(), 404: problem, 409: problem },
    },
  }, async (request, reply) => {
    await removeExpertFromPool(app.db, currentUser(request), request.params.id, request.params.expertId, app.clock.now());
    return reply.code(204).send(null);
  });
};
export default routes;
