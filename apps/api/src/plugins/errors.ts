// Every error leaves as problem+json, by a stable code with its params; `title`, `detail` and each field's `message`
// are rendered from packages/shared's messages in the language of Accept-Language (Russian by default). Schema errors
// list every offending field; 5xx hide internals.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { fieldIssueOf, languageOf, messageText, problemTitle, registerMessages, type FieldIssue, type Lang, type MessageParams } from '@konkurs/shared';
import { REPORT_MESSAGES } from '@konkurs/shared/messages/reports';
import { HttpProblem } from '../lib/problem.js';
import { DomainError, type DomainErrorKind } from '../domain/errors.js';

// The reports' messages are an area of their own in packages/shared (the SPA loads them with its report screens);
// the API knows every message.
registerMessages(REPORT_MESSAGES);

const PROBLEM = 'application/problem+json; charset=utf-8';

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

const zoneOf = (params: MessageParams | undefined) => (typeof params?.timezone === 'string' ? params.timezone : undefined);

/** A problem by code: the detail and each field's message in `lang`, instants in the zone the params name. */
function problemOf(status: number, code: string, lang: Lang, params: MessageParams = {}, errors?: readonly FieldIssue[], detail?: string): HttpProblem {
  const ctx = { lang, timezone: zoneOf(params) };
  const fields = errors?.map((e) => ({
    path: e.path, code: e.code, ...(e.params ? { params: e.params } : {}),
    message: messageText(e.code, e.params, { lang, timezone: zoneOf(e.params) ?? ctx.timezone }),
  }));
  return new HttpProblem(status, code, detail ?? messageText(code, params, ctx, 'invalid-request'), fields, params);
}

const langOf = (request: FastifyRequest) => languageOf(request.headers['accept-language']);

function send(reply: FastifyReply, problem: HttpProblem, lang: Lang) {
  if (problem.status === 503) reply.header('retry-after', String(problem.params?.retryAfterSeconds ?? 5));
  return reply.code(problem.status).type(PROBLEM).send(JSON.stringify({ ...problem.toJSON(), title: problemTitle(problem.status, lang) }));
}

/**
 * Errors Fastify answers before any route runs (a path parameter over the router's length limit, a URL
 * that does not decode): as problem+json like every other error. Passed to Fastify as `frameworkErrors`.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(request);
  const [status, code] = err.statusCode === 414 ? [414, 'uri-too-long'] : [400, 'bad-url'];
  return send(reply, problemOf(status, code, lang, {}, [{ path: 'url', code }]), lang);
}

/** What Node's HTTP parser refuses before Fastify has a request, by its error code. */
const CLIENT_ERRORS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request-timeout'], HPE_HEADER_OVERFLOW: [431, 'headers-too-large'],
};

/**
 * A request the HTTP server gave up on before any route ran (its headers or its body did not come within
 * HTTP_HEADERS_TIMEOUT_MS / HTTP_REQUEST_TIMEOUT_MS, headers too large, bytes that are no HTTP): a problem+json in
 * Russian (no header was read), then the connection closes. Passed to Fastify as `clientErrorHandler`.
 */
export function clientErrors(err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'client-error'];
  const body = JSON.stringify({ ...problemOf(status, code, 'ru').toJSON(), title: problemTitle(status, 'ru') });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: ${PROBLEM}\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400, unauthenticated: 401, forbidden: 403, 'not-found': 404, conflict: 409, stale: 412,
  'too-large': 413, 'unsupported-type': 415, unprocessable: 422, 'rate-limited': 429, 'insufficient-storage': 507, unavailable: 503,
};

const VALIDATION_SOURCE = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' } as const;

/**
 * A request that does not match its schema: every issue by code (zod's issue, as fastify-type-provider-zod passes
 * it on, mapped by shared's fieldIssueOf), looked up in what was sent so that an absent field reads as required.
 */
function schemaProblem(validation: readonly FastifySchemaValidationError[], context: string | undefined, request: FastifyRequest, lang: Lang) {
  const source = VALIDATION_SOURCE[context as keyof typeof VALIDATION_SOURCE];
  const sent = source ? request[source] : undefined;
  const errors = validation.map((v) => {
    const issue = fieldIssueOf({ ...v.params, code: v.keyword, path: v.instancePath.split('/').filter(Boolean) }, sent);
    return { ...issue, path: issue.path || (context === 'body' ? 'body' : context ?? '') };
  });
  const fields = [...new Set(errors.map((e) => e.path))];
  return problemOf(400, 'invalid-request', lang, { fields }, errors, `${messageText('invalid-request', {}, { lang })}: ${fields.join(', ')}`);
}

/** What a client sent wrong, as Fastify and its plugins report it (no route ran, or none could parse the body). */
function requestProblem(err: FastifyError, reply: FastifyReply, lang: Lang): HttpProblem | null {
  const status = err.statusCode ?? 500;
  const code = err.code;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (status === 400 && err instanceof SyntaxError))
    return problemOf(400, 'malformed-json', lang, {}, [{ path: 'body', code: 'malformed-json' }]);
  if (code === 'FST_REQ_FILE_TOO_LARGE') return problemOf(413, 'too-large', lang);
  if (status === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problemOf(413, 'body-too-large', lang);
  if (status === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problemOf(415, 'unsupported-media-type', lang);
  if (status === 429) {
    // @fastify/rate-limit's own refusal; it has set Retry-After already.
    return problemOf(429, 'rate-limited', lang, { retryAfterSeconds: Number(reply.getHeader('retry-after')) || 60 });
  }
  if (status >= 400 && status < 500) return problemOf(status, 'client-error', lang);
  return null;
}

/** The problem an error is: a domain refusal, a schema mismatch, a request Fastify refused, the database away, or ours. */
function problemFor(err: FastifyError | HttpProblem | DomainError, request: FastifyRequest, reply: FastifyReply, lang: Lang): HttpProblem {
  if (err instanceof DomainError) return problemOf(STATUS_OF[err.kind], err.code, lang, err.params, err.errors);
  if (err instanceof HttpProblem) return err;
  if (Array.isArray(err.validation)) return schemaProblem(err.validation, err.validationContext, request, lang);
  const known = requestProblem(err, reply, lang);
  if (known) return known;
  if (isDatabaseUnavailable(err)) {
    request.log.warn({ err }, 'database unavailable');
    return problemOf(503, 'database-unavailable', lang);
  }
  request.log.error({ err }, 'request failed');
  return problemOf(500, 'internal', lang);
}

export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | HttpProblem | DomainError, request, reply) => {
    const lang = langOf(request);
    try {
      return send(reply, problemFor(err, request, reply, lang), lang);
    } catch (renderError) {
      // A message that cannot be rendered (a param it chokes on) is our fault, and must not end as Fastify's bare 500.
      request.log.error({ err: renderError, cause: err }, 'problem could not be rendered');
      return send(reply, problemOf(500, 'internal', lang), lang);
    }
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = langOf(request);
    return send(reply, problemOf(404, 'route-not-found', lang, { method: request.method, path: request.url.split('?')[0]! }), lang);
  });
}, { name: 'errors' });
