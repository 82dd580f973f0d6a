import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { page, problem } from '@konkurs/shared';
import { auditEvents } from '../db/schema/index.js';
import { currentUser } from '../plugins/auth.js';
import { decodeCursor, pageOf } from '../lib/cursor.js';
import { verifyAuditChain } from '../services/audit-log.js';

const auditEvent = z.object({
  id: z.number(), at: z.string(), actorId: z.string().nullable(), action: z.string(), entityType: z.string(), entityId: z.string(),
  operatorId: z.string().nullable(), before: z.unknown(), after: z.unknown(), hash: z.string(),
});

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  app.get('/audit', {
    config: { roles: ['admin', 'organiser'] },
    schema: {
      tags,
      querystring: z.object({ entityType: z.string().max(50).optional(), entityId: z.string().max(100).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50), cursor: z.string().max(500).optional() }),
      response: { 200: page(auditEvent) },
    },
  }, async (request) => {
    const actor = currentUser(request);
    const { entityType, entityId, limit, cursor } = request.query;
    const where: SQL[] = [];
    if (entityType) where.push(eq(auditEvents.entityType, entityType));
    if (entityId) where.push(eq(auditEvents.entityId, entityId));
    // An organiser reads its operator's events only.
    if (actor.role === 'organiser') where.push(eq(auditEvents.operatorId, actor.operatorId ?? '00000000-0000-0000-0000-000000000000'));
    if (cursor) where.push(lt(auditEvents.id, Number(decodeCursor(cursor, app.secret, 1)[0])));
    const rows = await app.db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.id)).limit(limit + 1);
    return pageOf(rows, limit, app.secret, (r) => [r.id], (r) => ({ ...r, at: r.at.toISOString() }));
  });

  app.get('/audit/verify', { config: { roles: ['admin'] }, schema: { tags, response: { 200: z.object({ ok: z.boolean(), events: z.number(), brokenAt: z.number().optional() }), 403: problem } } },
    async () => verifyAuditChain(app.db));
};
export default routes;
