import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { criteriaList, directionList, regionList } from '@konkurs/shared';
import { listDefaultCriteria, listDirections, listRegions } from '../queries/reference.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const pub = { public: true } as const;
  const tags = ['reference'];
  // Reference data changes only with a migration: caches may keep it for an hour.
  const HOUR = 'public, max-age=3600';

  app.get('/regions', { config: pub, schema: { operationId: 'listRegions', summary: 'The subjects of the Russian Federation', tags, response: { 200: regionList } } },
    async (_request, reply) => reply.header('cache-control', HOUR).send(await listRegions(app.db)));
  app.get('/directions', { config: pub, schema: { operationId: 'listDirections', summary: 'The directions grants are given in', tags, response: { 200: directionList } } },
    async (_request, reply) => reply.header('cache-control', HOUR).send(await listDirections(app.db)));
  app.get('/criteria/default', { config: pub, schema: { operationId: 'listDefaultCriteria', summary: 'The default criteria of a new competition', tags, response: { 200: criteriaList } } },
    async () => listDefaultCriteria(app.db));
};
export default routes;
