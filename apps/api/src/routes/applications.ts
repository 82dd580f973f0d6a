import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  application, applicationsQuery, applicationSummary, createApplicationBody, idParams, page, problem, submitResult, updateApplicationBody,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import {
  applicationPage, checkSubmission, createApplication, deleteApplication, readApplication, saveDraft, setApplicationHidden, submitApplication,
  withdrawApplication,
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

  app.get('/applications/:id/submit-check', { config: applicant, schema: { operationId: 'checkSubmission',
    summary: 'Check a draft as its submit would, changing nothing',
    description: 'Answers 204 when a submit would pass now; otherwise the very refusal the submit would give (409 wrong status or outside the window, 422 listing every problem). The editor asks it before the irreversible confirmation.',
    tags, params: idParams, response: { 204: z.null(), 404: problem, 409: problem, 422: problem } } },
  async (request, reply) => {
    await checkSubmission(app.db, currentUser(request), request.params.id, app.clock.now());
    return reply.code(204).send(null);
  });

  app.delete('/applications/:id', { config: applicant, schema: { operationId: 'deleteApplication', summary: 'Delete a draft with its documents',
    tags, params: idParams, response: { 204: z.null(), 404: problem, 409: problem } } },
  async (request, reply) => {
    await deleteApplication(app.db, currentUser(request), request.params.id, app.storage);
    return reply.code(204).send(null);
  });

  app.post('/applications/:id/hide', { config: applicant, schema: { operationId: 'hideApplication',
    summary: 'Hide a withdrawn application from the organisation\'s list', tags, params: idParams, response: { 200: application, 404: problem, 409: problem } } },
  async (request) => setApplicationHidden(app.db, currentUser(request), request.params.id, true, app.clock.now()));

  app.post('/applications/:id/unhide', { config: applicant, schema: { operationId: 'unhideApplication',
    summary: 'Show a hidden application in the organisation\'s list again', tags, params: idParams, response: { 200: application, 404: problem, 409: problem } } },
  async (request) => setApplicationHidden(app.db, currentUser(request), request.params.id, false, app.clock.now()));

  app.post('/applications/:id/withdraw', { config: applicant, schema: { operationId: 'withdrawApplication', summary: 'Withdraw an application',
    tags, params: idParams, response: { 200: application, 404: problem, 409: problem } } },
  async (request) => withdrawApplication(app.db, currentUser(request), request.params.id, app.clock.now()));
};
export default routes;
