import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { health, readiness, unavailable } from '@konkurs/shared';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['health'];
  // Answered even while the process sheds load (plugins/load-shedding.ts): a busy process is alive, and ready when its database is.
  const config = { alwaysAnswers: true };
  app.get('/health', { config, schema: { operationId: 'health', summary: 'The process is up', tags, response: { 200: health } } }, async () => ({ status: 'ok' as const }));
  app.get('/ready', { config, schema: { operationId: 'ready', summary: 'The database answers (503 while it does not)', tags, response: { 200: readiness, 503: unavailable } } },
    async (_req, reply) => (await app.database.ping()) ? { status: 'ready' as const } : reply.code(503).header('retry-after', '5').send({ status: 'unavailable' as const }));
};
export default routes;
