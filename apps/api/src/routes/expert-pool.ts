import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id, page, poolBody, poolExpert, poolQuery, problem } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { addToPool, listPool, notExperts, poolSize, removeFromPool } from '../queries/expert-pool.js';
import { activeAssignmentCount } from '../queries/assignments.js';
import { recordAudit } from '../services/audit-log.js';
import { decodeCursor, pageOf } from '../lib/cursor.js';
import { badRequest, conflict, notFound } from '../lib/problem.js';

const params = z.object({ id });
const memberParams = z.object({ id, expertId: id });
/** The pool changes until the awards are decided. */
const OPEN_POOL = new Set(['draft', 'open', 'review']);

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['experts'];
  const config = { roles: ['organiser', 'admin'] as const };

  app.post('/competitions/:id/experts', {
    config, schema: { tags, params, body: poolBody, response: { 200: z.object({ added: z.number().int(), poolSize: z.number().int() }), 400: problem, 404: problem, 409: problem } },
  }, async (request) => {
    const user = currentUser(request);
    return app.db.transaction(async (tx) => {
      const comp = await competitionOfOrganiser(tx, user, request.params.id);
      if (!OPEN_POOL.has(comp.status)) throw conflict('wrong-status', `Competition ${comp.code} is ${comp.status}: its pool no longer changes`);
      const errors = await notExperts(tx, request.body.expertIds, user.role === 'admin' ? undefined : comp.operatorId);
      if (errors.length) throw badRequest(`Only active experts join a pool: ${errors.map((e) => e.path).join(', ')}`, errors);
      const added = await addToPool(tx, comp.id, request.body.expertIds, app.clock.now());
      if (added) await recordAudit(tx, { actorId: user.id, action: 'competition.experts_added', entityType: 'competition', entityId: comp.id,
        operatorId: comp.operatorId, after: { expertIds: request.body.expertIds }, at: app.clock.now() });
      return { added, poolSize: await poolSize(tx, comp.id) };
    });
  });

  app.get('/competitions/:id/experts', {
    config, schema: { tags, params, querystring: poolQuery, response: { 200: page(poolExpert), 404: problem } },
  }, async (request) => {
    const user = currentUser(request);
    const comp = await competitionOfOrganiser(app.db, user, request.params.id);
    const { limit, cursor } = request.query;
    const after = cursor ? decodeCursor(cursor, app.secret, 2).map(String) as [string, string] : undefined;
    const rows = await listPool(app.db, comp.id, after, limit);
    return pageOf(rows, limit, app.secret, (r) => [r.fullName, r.expertId], (r) => r);
  });

  app.delete('/competitions/:id/experts/:expertId', {
    config, schema: { tags, params: memberParams, response: { 204: z.null(), 404: problem, 409: problem } },
  }, async (request, reply) => {
    const user = currentUser(request);
    await app.db.transaction(async (tx) => {
      const comp = await competitionOfOrganiser(tx, user, request.params.id, { lock: true });
      if (!OPEN_POOL.has(comp.status)) throw conflict('wrong-status', `Competition ${comp.code} is ${comp.status}: its pool no longer changes`);
      if (await activeAssignmentCount(tx, comp.id, request.params.expertId))
        throw conflict('expert-has-assignments', 'The expert has assignments in this competition; they stay in the pool');
      if (!(await removeFromPool(tx, comp.id, request.params.expertId))) throw notFound('Pool member');
      await recordAudit(tx, { actorId: user.id, action: 'competition.expert_removed', entityType: 'competition', entityId: comp.id,
        operatorId: comp.operatorId, after: { expertId: request.params.expertId }, at: app.clock.now() });
    });
    return reply.code(204).send(null);
  });
};
export default routes;
