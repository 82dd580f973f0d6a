import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addMemberBody, createOrganizationBody, idParams, member, organization, problem, updateOrganizationBody } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { recordAudit } from '../services/audit-log.js';
import {
  addMember, createOrganization, listMembers, organizationsOfUser, ownedOrganization, toOrganization, updateOrganization, visibleOrganization,
} from '../queries/organizations.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organizations'];
  const applicant = { roles: ['applicant'] } as const;
  const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.null() });

  app.post('/organizations', { config: applicant, schema: { tags, body: createOrganizationBody, response: { 201: organization, 400: problem, 409: problem } } },
    async (request, reply) => {
      const actor = currentUser(request);
      const org = await app.db.transaction(async (tx) => {
        const row = await createOrganization(tx, actor.id, request.body);
        await recordAudit(tx, { actorId: actor.id, action: 'organization.created', entityType: 'organization', entityId: row.id, after: request.body, at: app.clock.now() });
        return row;
      });
      return reply.code(201).send(toOrganization(org, 'owner'));
    });

  app.get('/organizations/mine', { schema: { tags, response: { 200: list(organization) } } }, async (request) => {
    const rows = await organizationsOfUser(app.db, currentUser(request).id);
    return { items: rows.map((r) => toOrganization(r.org, r.role)), nextCursor: null };
  });

  app.get('/organizations/:id', { schema: { tags, params: idParams, response: { 200: organization, 404: problem } } }, async (request) => {
    const { org, role } = await visibleOrganization(app.db, currentUser(request), request.params.id);
    return toOrganization(org, role);
  });

  app.patch('/organizations/:id', { config: applicant, schema: { tags, params: idParams, body: updateOrganizationBody, response: { 200: organization, 400: problem, 403: problem, 404: problem } } },
    async (request) => {
      const actor = currentUser(request);
      const updated = await app.db.transaction(async (tx) => {
        const before = await ownedOrganization(tx, actor.id, request.params.id);
        if (Object.keys(request.body).length === 0) return before;
        const after = await updateOrganization(tx, before.id, request.body);
        const changed = Object.keys(request.body) as (keyof typeof request.body)[];
        await recordAudit(tx, { actorId: actor.id, action: 'organization.updated', entityType: 'organization', entityId: before.id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: request.body, at: app.clock.now() });
        return after;
      });
      return toOrganization(updated, 'owner');
    });

  app.get('/organizations/:id/members', { schema: { tags, params: idParams, response: { 200: list(member), 404: problem } } }, async (request) => {
    const { org } = await visibleOrganization(app.db, currentUser(request), request.params.id);
    return { items: await listMembers(app.db, org.id), nextCursor: null };
  });

  app.post('/organizations/:id/members', { config: applicant, schema: { tags, params: idParams, body: addMemberBody, response: { 201: member, 400: problem, 403: problem, 404: problem, 409: problem } } },
    async (request, reply) => {
      const actor = currentUser(request);
      const added = await app.db.transaction(async (tx) => {
        const org = await ownedOrganization(tx, actor.id, request.params.id);
        const m = await addMember(tx, org.id, request.body.email);
        await recordAudit(tx, { actorId: actor.id, action: 'organization.member_added', entityType: 'organization', entityId: org.id,
          after: { userId: m.userId, email: m.email, role: m.role }, at: app.clock.now() });
        return m;
      });
      return reply.code(201).send(added);
    });
};
export default routes;
