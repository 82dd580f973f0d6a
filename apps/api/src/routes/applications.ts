import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  application, applicationsQuery, applicationSummary, createApplicationBody, idParams, page, problem, submitResult, updateApplicationBody,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import {
  applicationPage, createApplication, readApplication, saveDraft, submitApplication, withdrawApplication,
} from '../services/applications.js';

/**
 * For the answers that carry a whole draft (~30 KB) on the hot paths (create, autosave): built by toApplication to
 * the schema's shape, so written out directly rather than checked again field by field (the schema still documents it).
 */
const asBuilt = () => (data: unknown) => JSON.stringify(data);

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['applications'];
  const applicant = { roles: ['applicant'] } as const;

  app.post('/competitions/:id/applications', { config: applicant, serializerCompiler: asBuilt, schema: { operationId: 'createApplication', summary: 'Start a draft application',
    tags, params: idParams, body: createApplicationBody, response: { 201: application, 400: problem, 404: problem, 409: problem } } },
  async (request, reply) => reply.code(201).send(await createApplication(app.db, currentUser(request), request.params.id, request.body, app.clock.now())));

  app.get('/applications', { schema: { operationId: 'listApplications', summary: 'List the applications the caller may see',
    tags, querystring: applicationsQuery, response: { 200: page(applicationSummary), 400: problem } } },
  async (request) => applicationPage(app.db, currentUser(request), request.query, app.secret));

  app.get('/applications/:id', { schema: { operationId: 'getApplication', summary: 'Read an application with its documents',
    tags, params: idParams, response: { 200: application, 404: problem } } },
  async (request) => readApplication(app.db, currentUser(request), request.params.id));

  // The autosave (the hot path).
  app.patch('/applications/:id', { config: applicant, serializerCompiler: asBuilt,
    schema: { operationId: 'saveDraft', summary: 'Autosave a draft (from the version it was based on)', tags, params: idParams, body: updateApplicationBody,
      response: { 200: application, 400: problem, 404: problem, 409: problem, 412: problem } } },
  async (request) => saveDraft(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));

  app.post('/applications/:id/submit', { config: applicant, schema: { operationId: 'submitApplication', summary: 'Submit a draft',
    tags, params: idParams, response: { 200: submitResult, 404: problem, 409: problem, 422: problem } } },
  async (request) => submitApplication(app.db, currentUser(request), request.params.id, app.clock.now()));

  app.post('/applications/:id/withdraw', { config: applicant, schema: { operationId: 'withdrawApplication', summary: 'Withdraw an application',
    tags, params: idParams, response: { 200: application, 404: problem, 409: problem } } },
  async (request) => withdrawApplication(app.db, currentUser(request), request.params.id, app.clock.now()));
};
export default routes;
