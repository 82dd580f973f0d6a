// JSON bodies parsed as Fastify does (prototype poisoning refused), plus text PostgreSQL cannot store, in bodies
// and query strings: the NUL character and lone UTF-16 surrogates. Refused here, once for every route, as a 400 naming the
// field, instead of a failed INSERT (a 500) wherever a handler happens to write the string.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { fieldInvalid } from '../domain/errors.js';

// Both can only arrive as \u escapes: raw bytes that are not UTF-8 are decoded to U+FFFD.
const SUSPECT_ESCAPE = /\\u(0000|d[89a-f])/i;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** The dotted path of the first string (value or key) PostgreSQL would refuse, or null. */
export function unstorableTextPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return unstorable(value) ? path.join('.') || 'body' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = unstorableTextPath(value[i], [...path, String(i)]);
      if (p !== null) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (unstorable(k)) return [...path, k].join('.');
      const p = unstorableTextPath(v, [...path, k]);
      if (p !== null) return p;
    }
  }
  return null;
}

export default fp(async function jsonBody(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (err, value) => {
      if (err) return done(err, undefined);
      const path = SUSPECT_ESCAPE.test(body as string) ? unstorableTextPath(value) : null;
      if (path !== null) return done(fieldInvalid(path, 'unstorable-text'), undefined);
      done(null, value);
    });
  });
  // A query string can carry them too (`?entityId=a%00b`): the same 400, before any handler reads it.
  app.addHook('preValidation', async (request) => {
    const path = unstorableTextPath(request.query);
    if (path !== null) throw fieldInvalid(path === 'body' ? 'query' : path, 'unstorable-text');
  });
}, { name: 'json-body' });
