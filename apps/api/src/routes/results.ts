import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { applicantResults as applicantResultsSchema, idParams, problem, registryItem } from '@konkurs/shared';
import { applications, competitions } from '../db/schema/index.js';
import { currentUser } from '../plugins/auth.js';
import { applicantResults, isPublished, winnersRegistry } from '../queries/awards.js';
import { memberOrganizationIds } from '../queries/scope.js';
import { conflict, notFound } from '../lib/problem.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['results'];

  app.get('/applications/:id/results', {
    config: { roles: ['applicant'] },
    schema: { tags, params: idParams, response: { 200: applicantResultsSchema, 404: problem, 409: problem } },
  }, async (request) => {
    const user = currentUser(request);
    const [row] = await app.db.select({ application: applications, competitionStatus: competitions.status }).from(applications)
      .innerJoin(competitions, eq(competitions.id, applications.competitionId)).where(eq(applications.id, request.params.id));
    if (!row || !(await memberOrganizationIds(app.db, user.id)).includes(row.application.organizationId)) throw notFound('Application');
    if (!isPublished(row.competitionStatus)) throw conflict('results-not-published', 'The results of this competition are not published yet');
    return applicantResults(app.db, row.application);
  });

  app.get('/public/competitions/:id/results', {
    config: { public: true },
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(registryItem) }), 404: problem } },
  }, async (request) => {
    const [comp] = await app.db.select({ status: competitions.status }).from(competitions).where(eq(competitions.id, request.params.id));
    // Before publication the results do not exist for the public.
    if (!comp || !isPublished(comp.status)) throw notFound('Published results');
    return { items: await winnersRegistry(app.db, request.params.id) };
  });
};
export default routes;
