// The OpenAPI 3.1 document, generated from the shared zod schemas: /api/docs/json (UI at /api/docs). It is a
// product for outside clients: named components (docs/components.ts), the security and problems every route
// shares (docs/responses.ts), tags (docs/tags.ts) and request examples (docs/examples.ts).
// test/openapi/ lints it with Redocly and compiles a client generated from it.
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { problem } from '@konkurs/shared';
import { nameSharedSchemas, registeredId, tidyComponents, unnamed } from './docs/components.js';
import { withExamples } from './docs/examples.js';
import type { Document } from './docs/openapi.js';
import { accessOf, BEARER, describeResponses } from './docs/responses.js';
import { TAGS } from './docs/tags.js';

const DESCRIPTION = `Grant competitions for non-profit organisations: the REST contract, version 1.

- **Signing in.** \`POST /api/v1/auth/login\` answers a token; send it as \`Authorization: Bearer <token>\`. Tokens expire;
  signing out and changing the password revoke them.
- **Errors** are \`application/problem+json\` (RFC 9457). Every problem, and every item of its \`errors\`, carries a stable
  \`code\` with its \`params\`: translate by the code. \`detail\` and \`message\` come in the language of \`Accept-Language\`
  (Russian by default).
- **Lists** take \`limit\` and an opaque \`cursor\` and answer \`{ items, nextCursor }\`; a cursor is valid only on the list
  that issued it.
- **Money** is an integer number of kopecks in fields ending in \`Kopecks\`. Instants are ISO 8601 with an offset; calendar
  dates are \`YYYY-MM-DD\`.
- **Edits** of applications, reviews and competitions send the \`version\` they were based on; a stale one is a 412.`;

export default fp(async function docs(app: FastifyInstance) {
  nameSharedSchemas();
  const problemId = registeredId(problem);
  if (!problemId) throw new Error('the shared problem schema has no component name');
  const problemRef = { $ref: `#/components/schemas/${problemId}` };

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Konkurs API',
        description: DESCRIPTION,
        version: '1.0.0',
        contact: { name: 'The operator of this Konkurs installation' },
        // The description of the API may be reused, with attribution, by anyone writing a client for it.
        license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      },
      // Relative: the paths resolve against wherever the document was fetched from, behind any proxy.
      servers: [{ url: '/', description: 'This server' }],
      tags: TAGS,
      components: { securitySchemes: { [BEARER]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The token `POST /api/v1/auth/login` answers' } } },
      security: [{ [BEARER]: [] }],
    },
    transform(input) {
      const { schema = {}, url, route } = input;
      const result = jsonSchemaTransform({ ...input, schema: {
        ...schema, params: unnamed(schema.params), querystring: unnamed(schema.querystring), headers: unnamed(schema.headers),
      } });
      const out = result.schema as Record<string, unknown> & { hide?: boolean; response?: Record<string, unknown> };
      if (out.hide) return result;
      const { security, problems } = accessOf(url, route.config, schema);
      const response = { ...out.response };
      for (const status of problems) response[status] ??= problemRef;
      return { ...result, schema: { ...out, security, response } };
    },
    transformObject(input) {
      const doc = jsonSchemaTransformObject(input) as unknown as Document;
      return tidyComponents(describeResponses(withExamples(doc), problemId)) as ReturnType<typeof jsonSchemaTransformObject>;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}, { name: 'docs' });
