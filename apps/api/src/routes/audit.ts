import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEvent, auditQuery, auditVerification, page, problem } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { auditPage, verifyAuditChain } from '../services/audit-log.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  app.get('/audit', { config: { roles: ['admin', 'organiser'] }, schema: { operationId: 'listAuditEvents', summary: 'Audit events, newest first (an organiser: its operator’s)',
    tags, querystring: auditQuery, response: { 200: page(auditEvent), 400: problem } } },
  async (request) => auditPage(app.db, currentUser(request), request.query, app.secret));

  app.get('/audit/verify', { config: { roles: ['admin'] }, schema: { operationId: 'verifyAuditChain', summary: 'Check every event’s hash and link',
    tags, response: { 200: auditVerification, 403: problem } } },
  async () => verifyAuditChain(app.db));
};
export default routes;
