// The audit log for staff: its events, the check of its chain (against a checkpoint a client kept, too), and a
// checkpoint signed on request. The published checkpoint and the public key are open data (routes/open-data.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditCheckpoint, auditEvent, auditQuery, auditVerification, auditVerifyQuery, page, problem } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { auditPage } from '../services/audit-log.js';
import { issueCheckpoint, verifyAudit } from '../services/audit-checkpoints.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  app.get('/audit', { config: { roles: ['admin', 'organiser'] }, schema: { operationId: 'listAuditEvents', summary: 'Audit events, newest first (an organiser: its operator’s)',
    tags, querystring: auditQuery, response: { 200: page(auditEvent), 400: problem } } },
  async (request) => auditPage(app.db, currentUser(request), request.query, app.secret));

  app.get('/audit/verify', { config: { roles: ['admin'] }, schema: { operationId: 'verifyAuditChain',
    summary: 'Check the hash chain, and that it extends a kept checkpoint',
    tags, querystring: auditVerifyQuery, response: { 200: auditVerification, 400: problem, 403: problem } } },
  async (request) => verifyAudit(app.db, app.auditKey, request.query));

  app.get('/audit/checkpoint', { config: { roles: ['admin'] }, schema: { operationId: 'issueAuditCheckpoint',
    summary: 'Sign a checkpoint of the chain as it is now',
    tags, response: { 200: auditCheckpoint, 403: problem } } },
  async () => issueCheckpoint(app.db, app.auditKey, app.clock.now(), false));
};
export default routes;
