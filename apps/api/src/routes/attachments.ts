import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Not built yet.
const routes: FastifyPluginAsyncZod = async () => {};
export default routes;
