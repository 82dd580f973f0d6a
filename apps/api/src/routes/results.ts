import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicantResults, idParams, problem, winnersRegistry } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { applicationResults, publicResults } from '../services/results.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['results'];

  app.get('/applications/:id/results', {
    config: { roles: ['applicant'] },
    schema: { operationId: 'getApplicationResults', summary: 'Read the results of an own application after publication', tags, params: idParams, response: { 200: applicantResults, 404: problem, 409: problem } },
  }, async (request) => applicationResults(app.db, currentUser(request), request.params.id));

  app.get('/public/competitions/:id/results', {
    config: { public: true },
    schema: { operationId: 'getWinnersRegistry', summary: 'Read the winners registry of a published competition', tags, params: idParams, response: { 200: winnersRegistry, 404: problem } },
  }, async (request) => publicResults(app.db, request.params.id, app.clock.now()));
};
export default routes;
