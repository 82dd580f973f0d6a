import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applicantResults as applicantResultsSchema, idParams, problem, registryItem } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { applicantResults, isPublished, ownApplicationWithCompetition, publishedCompetition, winnersRegistry } from '../queries/awards.js';
import { conflict } from '../lib/problem.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['results'];

  app.get('/applications/:id/results', {
    config: { roles: ['applicant'] },
    schema: { tags, params: idParams, response: { 200: applicantResultsSchema, 404: problem, 409: problem } },
  }, async (request) => {
    const row = await ownApplicationWithCompetition(app.db, currentUser(request), request.params.id);
    if (!isPublished(row.competitionStatus)) throw conflict('results-not-published', 'The results of this competition are not published yet');
    return applicantResults(app.db, row.application);
  });

  app.get('/public/competitions/:id/results', {
    config: { public: true },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(registryItem) }), 404: problem } },
  }, async (request) => {
    const comp = await publishedCompetition(app.db, request.params.id);
    return { items: await winnersRegistry(app.db, comp.id) };
  });
};
export default routes;
