import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { createUserBody, idParams, page, problem, updateUserBody, user, usersQuery } from '@konkurs/shared';
import { operators, users } from '../db/schema/index.js';
import { currentUser } from '../plugins/auth.js';
import { createUser, listUsers, revokeSessions, toUser } from '../queries/users.js';
import { decodeCursor, pageOf } from '../lib/cursor.js';
import { fieldError, forbidden, notFound } from '../lib/problem.js';
import { hashPassword } from '../lib/passwords.js';
import { recordAudit } from '../services/audit-log.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];

  app.post('/users', { config: { roles: ['admin', 'organiser'] }, schema: { tags, body: createUserBody, response: { 201: user, 400: problem, 403: problem, 409: problem } } },
    async (request, reply) => {
      const actor = currentUser(request);
      let body = request.body;
      if (actor.role === 'organiser') {
        // An organiser creates experts of its own operator only.
        if (body.role !== 'expert') throw forbidden('An organiser may create experts only');
        if (body.operatorId && body.operatorId !== actor.operatorId) throw fieldError('operatorId', 'must be your own operator');
        body = { ...body, operatorId: actor.operatorId ?? undefined };
      }
      const created = await app.db.transaction(async (tx) => {
        const u = await createUser(tx, body);
        await recordAudit(tx, { actorId: actor.id, action: 'user.created', entityType: 'user', entityId: u.id, operatorId: u.operatorId,
          after: { email: u.email, role: u.role, operatorId: u.operatorId }, at: app.clock.now() });
        return u;
      });
      return reply.code(201).send(toUser(created));
    });

  app.get('/users', { config: { roles: ['admin', 'organiser'] }, schema: { tags, querystring: usersQuery, response: { 200: page(user) } } }, async (request) => {
    const actor = currentUser(request);
    const { role, limit, cursor } = request.query;
    const afterEmail = cursor ? String(decodeCursor(cursor, app.secret, 1)[0]) : undefined;
    // Organisers see the users of their operator (their colleagues and experts).
    const rows = await listUsers(app.db, { role, operatorId: actor.role === 'organiser' ? (actor.operatorId ?? '00000000-0000-0000-0000-000000000000') : undefined, afterEmail }, limit);
    return pageOf(rows, limit, app.secret, (r) => [r.email], toUser);
  });

  app.patch('/users/:id', { config: { roles: ['admin'] }, schema: { tags, params: idParams, body: updateUserBody, response: { 200: user, 404: problem } } }, async (request) => {
    const actor = currentUser(request);
    const { password, ...changes } = request.body;
    if (changes.operatorId) {
      const [op] = await app.db.select({ id: operators.id }).from(operators).where(eq(operators.id, changes.operatorId));
      if (!op) throw fieldError('operatorId', 'no such operator');
    }
    const updated = await app.db.transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, request.params.id)).for('update');
      if (!before) throw notFound('User');
      const set = { ...changes, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
      const [after] = Object.keys(set).length ? await tx.update(users).set(set).where(eq(users.id, before.id)).returning() : [before];
      // A new password, a deactivation or a new role ends the user's sessions.
      if (password || changes.active === false || (changes.role && changes.role !== before.role)) await revokeSessions(tx, before.id, app.clock.now());
      await recordAudit(tx, { actorId: actor.id, action: 'user.updated', entityType: 'user', entityId: before.id, operatorId: after.operatorId,
        before: { role: before.role, operatorId: before.operatorId, active: before.active }, after: { ...changes, passwordChanged: Boolean(password) }, at: app.clock.now() });
      return after;
    });
    return toUser(updated);
  });
};
export default routes;
