import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problem, screeningBody, screeningResult } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { screenApplication } from '../services/screening.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.post('/applications/:id/screening', {
    config: { roles: ['organiser', 'admin'] },
    schema: { operationId: 'screenApplication', summary: 'Admit a submitted application to the review, or reject it',
      tags: ['applications'], params: idParams, body: screeningBody, response: { 200: screeningResult, 400: problem, 404: problem, 409: problem } },
  }, async (request) => screenApplication(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));
};
export default routes;
