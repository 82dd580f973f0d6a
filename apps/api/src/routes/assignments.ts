import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignment, assignmentsQuery, expertAssignment, autoAssignBody, autoAssignResult, competitionAssignmentsQuery, declineBody, declineResult, idParams, languageOf,
  manualAssignmentBody, messageText, page, problem,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { assignExpert, autoAssignExperts, competitionAssignments, declineAssignment, expertAssignments } from '../services/assignments.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assignments'];
  const organisers = { roles: ['organiser', 'admin'] as const };

  app.post('/competitions/:id/assignments/auto', {
    config: organisers,
    schema: {
      operationId: 'autoAssignExperts', summary: 'Assign the pool\'s experts to every application that lacks reviewers', tags, params: idParams,
      body: autoAssignBody.nullish(), response: { 200: autoAssignResult, 400: problem, 404: problem, 409: problem },
    },
  }, async (request) => {
    const outcome = await autoAssignExperts(app.db, currentUser(request), request.params.id, request.body, app.clock.now());
    // Each shortfall also as a sentence in the reader's language, beside its code.
    const lang = languageOf(request.headers['accept-language']);
    return { ...outcome, unassigned: outcome.unassigned.map((u) => ({ ...u, reason: messageText(u.code, u.params, { lang }) })) };
  });

  app.post('/assignments', {
    config: organisers,
    schema: {
      operationId: 'assignExpert', summary: 'Assign one expert to an application', tags, body: manualAssignmentBody,
      response: { 201: assignment, 400: problem, 404: problem, 409: problem },
    },
  }, async (request, reply) => reply.code(201).send(await assignExpert(app.db, currentUser(request), request.body, app.clock.now())));

  app.get('/assignments/mine', {
    config: { roles: ['expert'] },
    schema: { operationId: 'listMyAssignments', summary: 'List the expert\'s own assignments', tags, querystring: assignmentsQuery, response: { 200: page(expertAssignment), 400: problem } },
  }, async (request) => expertAssignments(app.db, currentUser(request), request.query, app.secret));

  app.get('/competitions/:id/assignments', {
    config: organisers,
    schema: {
      operationId: 'listCompetitionAssignments', summary: 'List a competition\'s assignments', tags, params: idParams, querystring: competitionAssignmentsQuery,
      response: { 200: page(assignment), 400: problem, 404: problem },
    },
  }, async (request) => competitionAssignments(app.db, currentUser(request), request.params.id, request.query, app.secret));

  app.post('/assignments/:id/decline', {
    config: { roles: ['expert'] },
    schema: {
      operationId: 'declineAssignment', summary: 'Decline an assignment (a conflict of interest)', tags, params: idParams, body: declineBody,
      response: { 200: declineResult, 400: problem, 404: problem, 409: problem },
    },
  }, async (request) => declineAssignment(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));
};
export default routes;
