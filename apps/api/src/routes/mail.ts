// The outgoing mail: the admin reads the outbox (what was sent, what waits, what failed, and each e-mail's text), and
// a recipient turns one kind of e-mail off from the e-mail itself, signed in or not (a signed token in the link).
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, outboxMessage as outboxMessageSchema, outboxPage as outboxPageSchema, outboxQuery, problem, unsubscribeBody, unsubscribeQuery } from '@konkurs/shared';
import { outboxMessage, outboxPage, unsubscribe } from '../services/outbox.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['mail'];
  const settings = { publicUrl: app.config.PUBLIC_URL, from: app.config.MAIL_FROM, secret: app.secret };

  // The form a mail client posts for a one-click unsubscribe (RFC 8058); this plugin's routes only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));

  app.get('/admin/outbox', { config: { roles: ['admin'] }, schema: { operationId: 'listOutbox', summary: 'The outgoing e-mails, newest first',
    tags, querystring: outboxQuery, response: { 200: outboxPageSchema, 400: problem, 403: problem } } },
  async (request) => outboxPage(app.db, request.query, app.secret));

  app.get('/admin/outbox/:id', { config: { roles: ['admin'] }, schema: { operationId: 'getOutboxMessage',
    summary: 'One outgoing e-mail with its text, HTML and link, as it is (or was) sent',
    tags, params: idParams, response: { 200: outboxMessageSchema, 400: problem, 403: problem, 404: problem } } },
  async (request) => outboxMessage(app.db, request.params.id, settings));

  app.post('/notifications/unsubscribe', { config: { public: true }, schema: { operationId: 'unsubscribe',
    summary: 'Turn off one kind of e-mail with the token of its link (one-click, RFC 8058)',
    tags, querystring: unsubscribeQuery, body: unsubscribeBody, response: { 204: z.null(), 400: problem } } },
  async (request, reply) => {
    await unsubscribe(app.db, request.query.token ?? request.body?.token, app.secret);
    return reply.code(204).send(null);
  });
};
export default routes;
