import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignment, assignmentsQuery, autoAssignBody, autoAssignResult, competitionAssignmentsQuery, declineBody, declineResult, id, idParams,
  manualAssignmentBody, page, problem,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { applicationOfOrganiser, competitionOfOrganiser } from '../queries/scope.js';
import {
  assignManually, assignmentItem, autoAssign, competitionSharedLock, defaultDueAt, listAssignments, requireReview, toAssignment,
} from '../queries/assignments.js';
import { assignmentOfExpert, declineAssignment, lockApplication } from '../queries/reviews.js';
import { decodeCursor, pageOf } from '../lib/cursor.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assignments'];
  const organisers = { roles: ['organiser', 'admin'] as const };
  const cursorOf = (cursor: string | undefined) => (cursor ? decodeCursor(cursor, app.secret, 2).map(String) as [string, string] : undefined);
  const listed = (rows: Awaited<ReturnType<typeof listAssignments>>, limit: number) =>
    pageOf(rows, limit, app.secret, (r) => [r.applicationNumber, r.assignment.id], toAssignment);

  app.post('/competitions/:id/assignments/auto', {
    config: organisers,
    schema: { tags, params: idParams, body: autoAssignBody.nullish(), response: { 200: autoAssignResult, 400: problem, 404: problem, 409: problem } },
  }, async (request) => {
    const user = currentUser(request);
    const at = app.clock.now();
    return app.db.transaction(async (tx) => {
      const comp = await competitionOfOrganiser(tx, user, request.params.id, { lock: true });
      requireReview(comp, 'assignment');
      const dueAt = request.body?.dueAt ? new Date(request.body.dueAt) : defaultDueAt(at);
      return autoAssign(tx, comp, { id: user.id, role: user.role }, at, dueAt);
    });
  });

  app.post('/assignments', {
    config: organisers,
    schema: { tags, body: manualAssignmentBody, response: { 201: assignment, 400: problem, 404: problem, 409: problem } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const at = app.clock.now();
    const created = await app.db.transaction(async (tx) => {
      const { application } = await applicationOfOrganiser(tx, user, request.body.applicationId);
      const comp = await competitionSharedLock(tx, application.competitionId);
      requireReview(comp, 'assignment');
      const locked = await lockApplication(tx, application.id);
      const dueAt = request.body.dueAt ? new Date(request.body.dueAt) : defaultDueAt(at);
      const row = await assignManually(tx, comp, locked, request.body.expertId, { id: user.id, role: user.role }, at, dueAt);
      return assignmentItem(tx, row.id);
    });
    return reply.code(201).send(created);
  });

  app.get('/assignments/mine', {
    config: { roles: ['expert'] },
    schema: { tags, querystring: assignmentsQuery, response: { 200: page(assignment), 400: problem } },
  }, async (request) => {
    const user = currentUser(request);
    const { status, limit, cursor } = request.query;
    return listed(await listAssignments(app.db, { expertId: user.id, status, after: cursorOf(cursor) }, limit), limit);
  });

  app.get('/competitions/:id/assignments', {
    config: organisers,
    schema: { tags, params: idParams, querystring: competitionAssignmentsQuery, response: { 200: page(assignment), 400: problem, 404: problem } },
  }, async (request) => {
    const user = currentUser(request);
    const comp = await competitionOfOrganiser(app.db, user, request.params.id);
    const { status, expertId, applicationId, limit, cursor } = request.query;
    return listed(await listAssignments(app.db, { competitionId: comp.id, expertId, applicationId, status, after: cursorOf(cursor) }, limit), limit);
  });

  app.post('/assignments/:id/decline', {
    config: { roles: ['expert'] },
    schema: { tags, params: z.object({ id }), body: declineBody, response: { 200: declineResult, 400: problem, 404: problem, 409: problem } },
  }, async (request) => {
    const user = currentUser(request);
    return app.db.transaction(async (tx) => {
      const own = await assignmentOfExpert(tx, user, request.params.id);
      const { replaced } = await declineAssignment(tx, own, request.body.reason, app.clock.now());
      // Whether someone took the place, never who: reviews are blind.
      return { id: own.id, status: 'declined' as const, replaced };
    });
  });
};
export default routes;
