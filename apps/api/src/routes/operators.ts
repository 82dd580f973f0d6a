import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { createOperatorBody, operator, problem } from '@konkurs/shared';
import { operators } from '../db/schema/index.js';
import { currentUser } from '../plugins/auth.js';
import { recordAudit } from '../services/audit-log.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['operators'];
  const columns = { id: operators.id, name: operators.name, level: operators.level, regionCode: operators.regionCode };
  app.get('/operators', { config: { public: true }, schema: { tags, response: { 200: z.object({ items: z.array(operator), nextCursor: z.null() }) } } },
    async () => ({ items: await app.db.select(columns).from(operators).orderBy(asc(operators.name)), nextCursor: null }));

  app.post('/operators', { config: { roles: ['admin'] }, schema: { tags, body: createOperatorBody, response: { 201: operator, 400: problem } } }, async (request, reply) => {
    const actor = currentUser(request);
    const created = await app.db.transaction(async (tx) => {
      const [row] = await tx.insert(operators).values({ name: request.body.name, level: request.body.level, regionCode: request.body.regionCode ?? null }).returning(columns);
      await recordAudit(tx, { actorId: actor.id, action: 'operator.created', entityType: 'operator', entityId: row.id, operatorId: row.id, after: row, at: app.clock.now() });
      return row;
    });
    return reply.code(201).send(created);
  });
};
export default routes;
