// What the endpoint fuzzers share: the routes read from the app's OpenAPI document, generated requests
// (caller, path ids, query, body), sending them through inject, and judging the answers.
import fc from 'fast-check';
import { ROLES, type Role } from '@konkurs/shared';
import type { TestApp } from '../helper.js';
import { orgIdentity, PASSWORD } from '../fixtures.js';
import { bodyFor, dereference, junkValue, NASTY_STRINGS, validish, type Hints, type JsonSchema, type WireBody } from './json-schema-arbitrary.js';
import type { FuzzWorld } from './fuzz-world.js';

export const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI ? 1000 : 200));
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
}
export interface Route { method: Method; path: string; body?: JsonSchema; params: string[]; query: { name: string; schema?: JsonSchema }[] }

type Caller = { kind: 'role'; role: Role } | { kind: 'none' } | { kind: 'bad-token'; token: string };
export interface FuzzRequest { caller: Caller; params: Record<string, string>; query: [string, string][]; body?: WireBody }

export const nameOf = (r: Route) => `${r.method.toUpperCase()} ${r.path}`;

/** A request as a failure report shows it: long strings cut, so that a 100,000-character body does not flood the log. */
export function shortly(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} characters)` : v));
}

/** An error in a line: drizzle puts the whole SQL in the message, the database's reason in the cause. */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? ` — cause: ${e.cause.message}` : '';
  return `${e.message.slice(0, 160)}${cause} at ${e.stack?.split('\n').find((l) => l.includes('/src/'))?.trim() ?? '?'}`;
}

/** The resource a path parameter points to: `/competitions/{id}/experts/{expertId}` → competitions, expertId. */
function resourceOf(path: string, param: string): string {
  if (param !== 'id') return param;
  const segments = path.split('/');
  return segments[segments.indexOf(`{${param}}`) - 1];
}

const junkSegment = fc.oneof(fc.constantFrom(...NASTY_STRINGS.filter(Boolean), 'x'.repeat(3000), '..', 'me', '-1', '1'), fc.string({ minLength: 1, maxLength: 30 }));

/** A query value as text: a valid-ish value of the parameter's schema, or junk. */
function queryValue(schema: JsonSchema | undefined, hints: Hints, name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: validish(schema, hints, name), weight: 3 },
    { arbitrary: junkValue, weight: 1 },
  ).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''));
}

export function createFuzzHarness(t: TestApp) {
  // The test app logs nothing; its silent logger is one shared object, so catching its error() tells a
  // failure report what the server saw behind a 500.
  let serverError: unknown;
  const silentError = t.app.log.error;
  t.app.log.error = ((obj: unknown) => { serverError = (obj as { err?: unknown })?.err ?? obj; }) as typeof t.app.log.error;

  const doc = t.app.swagger() as { paths: Record<string, Partial<Record<Method, Operation>>>; components?: { schemas?: Record<string, JsonSchema> } };
  const resolved = (schema: JsonSchema | undefined) => dereference(schema, doc.components?.schemas ?? {});

  /** The routes of the document with these methods, their schemas resolved; multipart ones (uploads) are left to their own tests. */
  function routes(methods: Method[], filter: (path: string) => boolean = () => true): Route[] {
    return Object.entries(doc.paths).filter(([path]) => filter(path)).flatMap(([path, ops]) => methods.flatMap((method) => {
      const op = ops[method];
      if (!op) return [];
      const content = op.requestBody?.content ?? {};
      if (Object.keys(content).some((type) => type.startsWith('multipart/'))) return [];
      const parameters = op.parameters ?? [];
      return [{
        method, path, body: resolved(content['application/json']?.schema),
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: resolved(p.schema) })),
      }];
    }));
  }

  /** Values that pass the checks a random one almost never does (checksums, consistent dates and amounts). */
  function hintsFrom(world: FuzzWorld): Hints {
    const now = t.clock.now().getTime();
    const identities = [1, 2, 3].map((i) => orgIdentity(Math.floor(Math.random() * 1e6) + i, '62'));
    const known: Record<string, readonly unknown[]> = {
      email: world.emails,
      password: [PASSWORD], currentPassword: [PASSWORD],
      criterionCode: ['K1', 'K2', 'K10'],
      inn: identities.map((o) => o.inn), ogrn: identities.map((o) => o.ogrn), kpp: identities.map((o) => o.kpp),
      opensAt: [new Date(now - 86_400_000).toISOString()], closesAt: [new Date(now + 30 * 86_400_000).toISOString()],
      budgetKopecks: [100_000_000], minGrantKopecks: [0, 1_000_000], maxGrantKopecks: [10_000_000, 50_000_000],
      version: [1, 2],
    };
    return (key) => world.ids[key] ?? known[key] ?? [];
  }

  function requestArbitrary(route: Route, world: FuzzWorld, allowed: Role[]): fc.Arbitrary<FuzzRequest> {
    const hints = hintsFrom(world);
    const others = ROLES.filter((r) => !allowed.includes(r));
    const caller: fc.Arbitrary<Caller> = fc.oneof(
      { arbitrary: fc.constantFrom(...allowed).map((role) => ({ kind: 'role' as const, role })), weight: 90 },
      { arbitrary: fc.constant({ kind: 'none' as const }), weight: 4 },
      { arbitrary: fc.constantFrom('Bearer x', 'Bearer ' + 'a'.repeat(5000), 'Basic YWRtaW46YWRtaW4=', 'Bearer eyJhbGciOiJub25lIn0.e30.')
        .map((token) => ({ kind: 'bad-token' as const, token })), weight: 3 },
      ...(others.length ? [{ arbitrary: fc.constantFrom(...others).map((role) => ({ kind: 'role' as const, role })), weight: 3 }] : []),
    );
    const params = fc.record(Object.fromEntries(route.params.map((name) => {
      const real = world.ids[resourceOf(route.path, name)] ?? Object.values(world.ids).flat();
      return [name, fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 6 }, { arbitrary: fc.uuid(), weight: 2 }, { arbitrary: junkSegment, weight: 2 })];
    })));
    // Each known parameter present or not, sometimes twice (an array), plus now and then one nobody declared.
    const query = fc.tuple(
      ...route.query.map((q) => fc.array(queryValue(q.schema, hints, q.name), { maxLength: 2 }).map((vs) => vs.map((v) => [q.name, v] as [string, string]))),
      fc.array(fc.tuple(fc.constantFrom('unknown', '__proto__', 'limit[]', ''), fc.string({ maxLength: 10 })), { maxLength: 1 }),
    ).map((groups) => (groups as [string, string][][]).flat());
    const body = route.method === 'get' ? fc.constant(undefined) : bodyFor(route.body, hints);
    return fc.record({ caller, params, query, body }).map((req) => Object.defineProperty(req, fc.toStringMethod, { value: () => shortly(req) }));
  }

  function urlOf(route: Route, req: Pick<FuzzRequest, 'params' | 'query'>) {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      try { return encodeURIComponent(req.params[name]); } catch { return 'not-a-uri'; } // a lone surrogate cannot be encoded
    });
    const pairs = req.query.flatMap(([k, v]) => {
      try { return [`${encodeURIComponent(k)}=${encodeURIComponent(v)}`]; } catch { return []; }
    });
    return pairs.length ? `${path}?${pairs.join('&')}` : path;
  }

  async function send(route: Route, req: FuzzRequest, world: FuzzWorld) {
    const headers: Record<string, string> = {};
    if (req.caller.kind === 'role') headers.authorization = `Bearer ${world.users[req.caller.role].token}`;
    if (req.caller.kind === 'bad-token') headers.authorization = req.caller.token;
    let payload: string | undefined;
    if (req.body?.kind === 'json') {
      payload = JSON.stringify(req.body.value) ?? '';
      headers['content-type'] = 'application/json';
    } else if (req.body?.kind === 'raw') {
      payload = req.body.text;
      if (req.body.contentType) headers['content-type'] = req.body.contentType;
    }
    serverError = undefined;
    return t.app.inject({ method: route.method.toUpperCase() as 'POST', url: urlOf(route, req), headers, payload });
  }

  /** What is wrong with a response, or null. */
  function judge(res: { statusCode: number; headers: Record<string, unknown>; body: string }): string | null {
    if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}; the server saw: ${describeError(serverError)}`;
    if (res.statusCode < 400) return null;
    if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) return `${res.statusCode} as ${res.headers['content-type']}, not problem+json`;
    let problem: { type?: unknown; title?: unknown; status?: unknown; code?: unknown; errors?: { path?: unknown; code?: unknown; message?: unknown }[] };
    try { problem = JSON.parse(res.body); } catch { return `${res.statusCode} with a body that is not JSON`; }
    if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== res.statusCode) return `${res.statusCode} problem lacks type/title/status: ${res.body.slice(0, 200)}`;
    // Clients translate by code: the problem and each of its field errors carry one.
    if (typeof problem.code !== 'string' || !(problem.errors ?? []).every((e) => typeof e.code === 'string' && typeof e.message === 'string'))
      return `${res.statusCode} problem or field error without a code: ${res.body.slice(0, 300)}`;
    if (res.statusCode === 400 && !(Array.isArray(problem.errors) && problem.errors.some((e) => typeof e.path === 'string' && e.path.length > 0)))
      return `400 names no field: ${res.body.slice(0, 300)}`;
    return null;
  }

  /** The roles a route lets in: those not turned away with 403 forbidden on a plain request. */
  async function allowedRoles(route: Route, world: FuzzWorld): Promise<Role[]> {
    const params = Object.fromEntries(route.params.map((name) => [name, (world.ids[resourceOf(route.path, name)] ?? [crypto.randomUUID()])[0]]));
    const allowed: Role[] = [];
    for (const role of ROLES) {
      const body = route.method === 'get' ? undefined : { kind: 'json' as const, value: {} };
      const res = await send(route, { caller: { kind: 'role', role }, params, query: [], body }, world);
      if (!(res.statusCode === 403 && res.body.includes('urn:konkurs:problem:forbidden'))) allowed.push(role);
    }
    return allowed.length ? allowed : [...ROLES];
  }

  /** Sends `runs` generated requests to the route; throws (with fast-check's shrunk counterexample) on the first wrong answer. */
  async function fuzz(route: Route, world: FuzzWorld, runs: number) {
    const allowed = await allowedRoles(route, world);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(route, world, allowed), async (req) => {
        const res = await send(route, req, world);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const wrong = judge(res);
        if (wrong) throw new Error(`${route.method.toUpperCase()} ${shortly(urlOf(route, req))} ${wrong}`);
        // A fuzzed request may have ended the caller's session (logout, password change) or changed its role.
        if (req.caller.kind === 'role' && allowed.includes(req.caller.role) && (res.statusCode === 401 || res.statusCode === 403))
          await world.refresh(req.caller.role);
      }),
      { numRuns: runs, seed: SEED, endOnFailure: false },
    );
    if (process.env.FUZZ_VERBOSE) console.log(`${nameOf(route)} [${allowed}]`, Object.fromEntries([...statuses].sort()));
  }

  return { routes, fuzz, restoreLogger: () => { t.app.log.error = silentError; } };
}
