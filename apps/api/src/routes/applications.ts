import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  application, applicationsQuery, applicationSummary, createApplicationBody, idParams, page, problem, submitResult, updateApplicationBody,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { decodeCursor, pageOf } from '../lib/cursor.js';
import {
  createApplication, listApplications, readApplication, saveDraft, submitApplication, toSummary, withdrawApplication,
} from '../queries/applications.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['applications'];
  const applicant = { roles: ['applicant'] } as const;

  app.post('/competitions/:id/applications', { config: applicant, schema: { tags, params: idParams, body: createApplicationBody,
    response: { 201: application, 400: problem, 404: problem, 409: problem } } }, async (request, reply) => {
    const { organizationId, ...fields } = request.body;
    const created = await app.db.transaction((tx) => createApplication(tx, currentUser(request), request.params.id, organizationId, fields, app.clock.now()));
    return reply.code(201).send(created);
  });

  app.get('/applications', { schema: { tags, querystring: applicationsQuery, response: { 200: page(applicationSummary), 400: problem } } }, async (request) => {
    const user = currentUser(request);
    const { competitionId, organizationId, status, limit, cursor } = request.query;
    const afterId = cursor ? String(decodeCursor(cursor, app.secret, 1)[0]) : undefined;
    const rows = await listApplications(app.db, user, { competitionId, organizationId, status, afterId }, limit);
    return pageOf(rows, limit, app.secret, (r) => [r.id], (r) => toSummary(r, user.role));
  });

  app.get('/applications/:id', { schema: { tags, params: idParams, response: { 200: application, 404: problem } } },
    async (request) => readApplication(app.db, currentUser(request), request.params.id));

  // The autosave (the hot path): no transaction, one statement when it succeeds. The answer is built by
  // toApplication to the schema's shape, so it is written out directly rather than checked again field by field
  // (the schema still documents it).
  app.patch('/applications/:id', { config: applicant, serializerCompiler: () => (data) => JSON.stringify(data),
    schema: { tags, params: idParams, body: updateApplicationBody,
      response: { 200: application, 400: problem, 404: problem, 409: problem, 412: problem } } }, async (request) => {
    const { version, ...fields } = request.body;
    return saveDraft(app.db, currentUser(request), request.params.id, version, fields, app.clock.now());
  });

  app.post('/applications/:id/submit', { config: applicant, schema: { tags, params: idParams,
    response: { 200: submitResult, 404: problem, 409: problem, 422: problem } } },
    async (request) => app.db.transaction((tx) => submitApplication(tx, currentUser(request), request.params.id, app.clock.now())));

  app.post('/applications/:id/withdraw', { config: applicant, schema: { tags, params: idParams, response: { 200: application, 404: problem, 409: problem } } },
    async (request) => {
      const user = currentUser(request);
      await app.db.transaction((tx) => withdrawApplication(tx, user, request.params.id, app.clock.now()));
      return readApplication(app.db, user, request.params.id);
    });
};
export default routes;
