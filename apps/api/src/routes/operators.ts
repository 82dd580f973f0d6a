import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createOperatorBody, operator, operatorList, problem } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { createOperator, operatorList as listOperators } from '../services/operators.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['operators'];
  app.get('/operators', { config: { public: true }, schema: { operationId: 'listOperators', summary: 'Every operator of competitions',
    tags, response: { 200: operatorList } } },
  async () => listOperators(app.db));

  app.post('/operators', { config: { roles: ['admin'] }, schema: { operationId: 'createOperator', summary: 'Register an operator of competitions',
    tags, body: createOperatorBody, response: { 201: operator, 400: problem } } },
  async (request, reply) => reply.code(201).send(await createOperator(app.db, currentUser(request), request.body, app.clock.now())));
};
export default routes;
