import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { authResponse, changePasswordBody, loginBody, me, problem, registerBody } from '@konkurs/shared';
import { users } from '../db/schema/index.js';
import { currentUser, startSession } from '../plugins/auth.js';
import { createUser, findUserByEmail, revokeSessions, toUser } from '../queries/users.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import { HttpProblem, unauthorized } from '../lib/problem.js';
import { recordAudit } from '../services/audit-log.js';

// Compared against when the e-mail is unknown, so that timing does not tell which e-mails exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2y1Yx7rTt7bS2Qy3cXh5qv0p6l2c9g0mQ2j8mJ5d1dA';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth'];
  app.post('/auth/register', { config: { public: true, rateLimit: { max: app.config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } },
    schema: { tags, body: registerBody, response: { 201: authResponse, 409: problem } } }, async (request, reply) => {
    const user = await app.db.transaction(async (tx) => {
      const u = await createUser(tx, { ...request.body, role: 'applicant' });
      await recordAudit(tx, { actorId: u.id, action: 'user.registered', entityType: 'user', entityId: u.id, after: { email: u.email, role: u.role }, at: app.clock.now() });
      return u;
    });
    return reply.code(201).send({ token: await startSession(app, user.id), user: toUser(user) });
  });

  app.post('/auth/login', {
    config: {
      public: true,
      // Per e-mail and address: a shared store (Redis) when REDIS_URL is set, so every API process counts together.
      rateLimit: {
        // Counted once the body is parsed (the default, onRequest, has no e-mail yet: the key would be the address alone).
        hook: 'preHandler',
        max: app.config.LOGIN_RATE_LIMIT, timeWindow: '1 minute',
        keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`,
        errorResponseBuilder: (_req, ctx) => new HttpProblem(429, 'rate-limited', `Too many sign-in attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s`),
      },
    },
    schema: { tags, body: loginBody, response: { 200: authResponse, 401: problem, 429: problem } },
  }, async (request) => {
    const user = await findUserByEmail(app.db, request.body.email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, request.body.password);
    if (!user || !ok || !user.active) throw unauthorized('Wrong e-mail or password');
    return { token: await startSession(app, user.id), user: toUser(user) };
  });

  app.post('/auth/logout', { schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
    const u = currentUser(request);
    await revokeSessions(app.db, u.id, app.clock.now(), u.sessionId);
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, response: { 200: me } } }, async (request) => {
    const u = currentUser(request);
    return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, operatorId: u.operatorId };
  });

  app.post('/auth/password', { schema: { tags, body: changePasswordBody, response: { 204: z.null(), 400: problem } } }, async (request, reply) => {
    const u = currentUser(request);
    const [row] = await app.db.select().from(users).where(eq(users.id, u.id));
    if (!(await verifyPassword(row.passwordHash, request.body.currentPassword)))
      throw new HttpProblem(400, 'wrong-password', 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
    const passwordHash = await hashPassword(request.body.newPassword);
    await app.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, u.id));
      await revokeSessions(tx, u.id, app.clock.now());
      await recordAudit(tx, { actorId: u.id, action: 'user.password_changed', entityType: 'user', entityId: u.id, at: app.clock.now() });
    });
    return reply.code(204).send(null);
  });
};
export default routes;
