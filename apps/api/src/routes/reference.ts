import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asc } from 'drizzle-orm';
import { criterion } from '@konkurs/shared';
import { defaultCriteria, directions, regions } from '../db/schema/index.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const pub = { public: true } as const;
  app.get('/regions', { config: pub, schema: { tags: ['reference'], response: { 200: z.array(z.object({ code: z.string(), name: z.string(), district: z.string() })) } } },
    async (_req, reply) => { reply.header('cache-control', 'public, max-age=3600'); return app.db.select().from(regions).orderBy(asc(regions.code)); });
  app.get('/directions', { config: pub, schema: { tags: ['reference'], response: { 200: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })) } } },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return app.db.select({ code: directions.code, name: directions.name, nameEn: directions.nameEn }).from(directions).orderBy(asc(directions.position));
    });
  app.get('/criteria/default', { config: pub, schema: { tags: ['reference'], response: { 200: z.array(criterion) } } },
    async () => app.db.select({ code: defaultCriteria.code, title: defaultCriteria.title, description: defaultCriteria.description, weight: defaultCriteria.weight,
      maxScore: defaultCriteria.maxScore, commentRequired: defaultCriteria.commentRequired }).from(defaultCriteria).orderBy(asc(defaultCriteria.position)));
};
export default routes;
