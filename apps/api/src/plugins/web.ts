// Serves the built SPA (apps/web/dist) on the API's port; unknown non-API paths get index.html.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { API_DIR } from '../config.js';

export const DEFAULT_WEB_DIST = join(API_DIR, '../web/dist');

/** Revalidated on every load: it names this build's assets and carries the policy (plugins/headers.ts) that guards them. */
const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });

export default fp(async function web(app: FastifyInstance, opts: { root: string }) {
  if (!existsSync(opts.root)) {
    app.log.warn(`SPA not built (${opts.root} missing): serving the API only`);
    return;
  }
  await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: false, maxAge: '1h', immutable: false });
  app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith('/api/')) return reply.callNotFound();
    if (path.startsWith('/assets/')) return reply.sendFile(path.slice(1), { immutable: true, maxAge: '365d' });
    if (/\.[a-z0-9]+$/i.test(path) && existsSync(opts.root + path)) return reply.sendFile(path.slice(1));
    return sendIndex(reply);
  });
}, { name: 'web' });
