// Every error leaves as problem+json; schema errors list every offending field; 5xx hide internals.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { languageOf, messageText, type Lang, type MessageParams } from '@konkurs/shared';
import { HttpProblem, type FieldError } from '../lib/problem.js';
import { DomainError, type DomainErrorKind } from '../domain/errors.js';

const PROBLEM = 'application/problem+json; charset=utf-8';

function fieldPath(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  return path || (context === 'body' ? 'body' : context ?? '');
}

// The database is away (restarting, unreachable, out of connections): the client may retry, so 503.
const DB_UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const DB_UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i;

/** Whether the error, or one it wraps (drizzle wraps the driver's in `cause`), says the database is not reachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if ((typeof code === 'string' && DB_UNAVAILABLE_CODES.has(code)) || DB_UNAVAILABLE_MESSAGE.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/**
 * Errors Fastify answers before any route runs (a path parameter over the router's length limit, a URL
 * that does not decode): as problem+json like every other error. Passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const status = err.statusCode === 414 ? 414 : 400;
  const p = new HttpProblem(status, status === 414 ? 'uri-too-long' : 'bad-url', err.message, [{ path: 'url', message: status === 414 ? 'a path segment is too long' : 'not a valid URL' }]);
  return reply.code(status).type(PROBLEM).send(JSON.stringify(p.toJSON()));
}

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400, unauthenticated: 401, forbidden: 403, 'not-found': 404, conflict: 409, stale: 412,
  'too-large': 413, 'unsupported-type': 415, unprocessable: 422, 'rate-limited': 429,
};

/** A domain refusal as problem+json, its sentences in the caller's language (instants in the zone the error names). */
function domainProblem(err: DomainError, lang: Lang): HttpProblem {
  const zone = (params: MessageParams | undefined) => (typeof params?.timezone === 'string' ? params.timezone : undefined);
  const ctx = { lang, timezone: zone(err.params) };
  const errors = err.errors?.map((e) => ({
    path: e.path, code: e.code, ...(e.params ? { params: e.params } : {}),
    message: messageText(e.code, e.params, { lang, timezone: zone(e.params) ?? ctx.timezone }),
  }));
  return new HttpProblem(STATUS_OF[err.kind], err.code, messageText(err.code, err.params, ctx, 'invalid-request'), errors, err.params);
}

export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | HttpProblem | DomainError, request, reply) => {
    let problem: HttpProblem;
    if (err instanceof DomainError) {
      problem = domainProblem(err, languageOf(request.headers['accept-language']));
    } else if (err instanceof HttpProblem) {
      problem = err;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const errors: FieldError[] = err.validation.map((v) => ({ path: fieldPath(v.instancePath, err.validationContext), message: v.message ?? 'invalid' }));
      problem = new HttpProblem(400, 'invalid-request', `The request does not match the schema: ${errors.map((e) => e.path).join(', ')}`, errors);
    } else if ((err as FastifyError).validation) {
      const e = err as FastifyError;
      const errors = (e.validation ?? []).map((v) => ({ path: fieldPath(v.instancePath, e.validationContext), message: v.message ?? 'invalid' }));
      problem = new HttpProblem(400, 'invalid-request', e.message, errors);
    } else {
      const status = (err as FastifyError).statusCode ?? 500;
      const code = (err as FastifyError).code;
      if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (status === 400 && err instanceof SyntaxError)) {
        problem = new HttpProblem(400, 'malformed-json', 'The body is not valid JSON', [{ path: 'body', message: 'not valid JSON' }]);
      } else if (status === 413 || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        problem = new HttpProblem(413, 'too-large', 'The request or file is larger than allowed');
      } else if (status === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        problem = new HttpProblem(415, 'unsupported-media-type', err.message);
      } else if (status >= 400 && status < 500) {
        problem = new HttpProblem(status, 'client-error', err.message);
      } else if (isDatabaseUnavailable(err)) {
        request.log.warn({ err }, 'database unavailable');
        problem = new HttpProblem(503, 'database-unavailable', 'The database is not reachable at the moment; try again in a few seconds');
      } else {
        request.log.error({ err }, 'request failed');
        problem = new HttpProblem(500, 'internal', 'Something went wrong on our side; the request was not completed');
      }
    }
    if (problem.status === 503) reply.header('retry-after', '5');
    return reply.code(problem.status).type(PROBLEM).send(JSON.stringify(problem.toJSON()));
  });

  app.setNotFoundHandler((request, reply) => {
    const p = new HttpProblem(404, 'not-found', `No route ${request.method} ${request.url.split('?')[0]}`);
    return reply.code(404).type(PROBLEM).send(JSON.stringify(p.toJSON()));
  });
}, { name: 'errors' });
