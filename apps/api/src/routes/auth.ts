import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authResponse, changePasswordBody, loginBody, me, problem, registerBody } from '@konkurs/shared';
import { currentUser, startSession } from '../plugins/auth.js';
import { accountOf, changePassword, login, logout, register } from '../services/auth.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['auth'];
  const session = (userId: string) => startSession(app, userId);

  // Counted once the body is parsed (lib/limits.ts: per e-mail and per client address), before any password is checked.
  app.post('/auth/register', { config: { public: true }, preHandler: app.limits.guard('register'),
    schema: { operationId: 'register', summary: 'Sign up as an applicant', tags, body: registerBody, response: { 201: authResponse, 400: problem, 409: problem, 429: problem } } },
  async (request, reply) => reply.code(201).send(await register(app.db, request.body, session, app.clock.now())));

  app.post('/auth/login', { config: { public: true }, preHandler: app.limits.guard('login'),
    schema: { operationId: 'login', summary: 'Sign in: a token for a new session', tags, body: loginBody, response: { 200: authResponse, 400: problem, 401: problem, 429: problem } },
  }, async (request) => login(app.db, request.body, session));

  app.post('/auth/logout', { schema: { operationId: 'logout', summary: 'End this session', tags, response: { 204: z.null() } } },
    async (request, reply) => { await logout(app.db, currentUser(request), app.clock.now()); return reply.code(204).send(null); });

  app.get('/auth/me', { schema: { operationId: 'getMe', summary: 'The signed-in user', tags, response: { 200: me } } },
    async (request) => accountOf(app.db, currentUser(request)));

  app.post('/auth/password', { schema: { operationId: 'changePassword', summary: 'Change one’s password (ends every session)', tags,
    body: changePasswordBody, response: { 204: z.null(), 400: problem } } },
  async (request, reply) => { await changePassword(app.db, currentUser(request), request.body, app.clock.now()); return reply.code(204).send(null); });
};
export default routes;
