// What every operation shares, declared once instead of on each route: who may call it (the `security` the
// route's config implies, see plugins/auth.ts) and the problems any route can answer.
import type { FastifyContextConfig } from 'fastify';
import { operations, type Document } from './openapi.js';

export const BEARER = 'bearer';

interface RouteSchema { params?: unknown; querystring?: unknown; body?: unknown; headers?: unknown }

/**
 * The security requirement a route's config implies, and the problems any route of its kind answers: 400 when
 * it takes input (the schema's check; a URL that does not decode), 413 and 415 for a JSON body (over the body
 * limit, not JSON), 401 when it needs a signed-in user, 403 when only some roles may call it, 503 when it is a download
 * (every slot of its kind taken: plugins/load-shedding.ts).
 */
export function accessOf(url: string, config: FastifyContextConfig | undefined, schema: RouteSchema): { security: Record<string, string[]>[]; problems: number[] } {
  const problems = [
    ...(schema.params || schema.querystring || schema.body || schema.headers ? [400] : []),
    ...(schema.body ? [413, 415] : []),
    ...(config?.download ? [503] : []),
  ];
  // Health and readiness are outside /api/v1, where nothing asks for a token.
  if (!url.startsWith('/api/v1/')) return { security: [], problems };
  // A public route reads a token when one comes (staff see more competitions) and ignores a bad one.
  if (config?.public) return { security: [{}, { [BEARER]: [] }], problems };
  return { security: [{ [BEARER]: [] }], problems: [...problems, 401, ...(config?.roles ? [403] : [])] };
}

const DESCRIPTIONS: Record<string, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'Done; no content',
  400: 'The request does not match the schema (`errors` names every field), or its URL does not decode',
  401: 'Not signed in, or the token has expired or been revoked',
  403: 'Signed in, but not allowed',
  404: 'No such thing, or not visible to this user',
  409: 'The state forbids it (`code` says why)',
  412: 'The `version` sent is stale: someone saved in between',
  413: 'The request or the file is larger than allowed',
  415: 'The body is not of a type this operation takes (JSON, or the file types allowed)',
  422: 'The check at submit failed (`errors` lists every problem)',
  429: 'Too many attempts; try again later',
  503: 'The database is not reachable, or the server is too busy, at the moment (`code` says which); try again after `Retry-After` seconds',
};
const UNDESCRIBED = 'Default Response';
const PROBLEM_MEDIA = 'application/problem+json';

/**
 * Responses as they are sent: a problem as `application/problem+json` (whatever the route produces when it
 * succeeds, a CSV for instance), and a description for each status the route left undescribed.
 */
export function describeResponses(doc: Document, problemComponent: string): Document {
  const problemRef = `#/components/schemas/${problemComponent}`;
  for (const { operation } of operations(doc)) {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (response.description === UNDESCRIBED) response.description = DESCRIPTIONS[status] ?? UNDESCRIBED;
      const schemas = Object.values(response.content ?? {}).map((m) => m.schema);
      if (Number(status) >= 400 && schemas.some((s) => s?.$ref === problemRef)) response.content = { [PROBLEM_MEDIA]: { schema: { $ref: problemRef } } };
    }
  }
  return doc;
}
