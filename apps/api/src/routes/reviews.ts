import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problem, review, reviewBody, reviewSubmitResult } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { expertReview, saveReviewDraft, submitReview } from '../services/reviews.js';

// Only the assigned expert reaches a review (anyone else: 404); an expert never sees another's scores.
const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reviews'];
  const config = { roles: ['expert'] as const };

  app.get('/assignments/:id/review', {
    config, schema: { operationId: 'getReview', summary: 'Read the expert\'s review of an assignment', tags, params: idParams, response: { 200: review, 404: problem } },
  }, async (request) => expertReview(app.db, currentUser(request), request.params.id));

  app.put('/assignments/:id/review', {
    config,
    schema: {
      operationId: 'saveReviewDraft', summary: 'Save the review draft (versioned)', tags, params: idParams, body: reviewBody,
      response: { 200: review, 400: problem, 404: problem, 409: problem, 412: problem },
    },
  }, async (request) => saveReviewDraft(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));

  app.post('/assignments/:id/review/submit', {
    config,
    schema: {
      operationId: 'submitReview', summary: 'Submit the review (final)', tags, params: idParams,
      response: { 200: reviewSubmitResult, 404: problem, 409: problem, 422: problem },
    },
  }, async (request) => submitReview(app.db, currentUser(request), request.params.id, app.clock.now()));
};
export default routes;
