import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createUserBody, idParams, page, problem, updateUserBody, user, usersQuery } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { createUser, updateUser, userPage } from '../services/users.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];

  app.post('/users', { config: { roles: ['admin', 'organiser'] }, schema: { operationId: 'createUser', summary: 'Create an account (an organiser: experts of its operator)',
    tags, body: createUserBody, response: { 201: user, 400: problem, 403: problem, 409: problem } } },
  async (request, reply) => reply.code(201).send(await createUser(app.db, currentUser(request), request.body, app.clock.now())));

  app.get('/users', { config: { roles: ['admin', 'organiser'] }, schema: { operationId: 'listUsers', summary: 'List accounts (an organiser: its operator’s)',
    tags, querystring: usersQuery, response: { 200: page(user) } } },
  async (request) => userPage(app.db, currentUser(request), request.query, app.secret));

  app.patch('/users/:id', { config: { roles: ['admin'] }, schema: { operationId: 'updateUser', summary: 'Change an account (ends its sessions when the role, activity or password changes)',
    tags, params: idParams, body: updateUserBody, response: { 200: user, 404: problem } } },
  async (request) => updateUser(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));
};
export default routes;
