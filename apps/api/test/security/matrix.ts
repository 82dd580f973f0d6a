// The machinery of the authorisation matrix: a case names a route of the OpenAPI document, the request to
// make against one side's records, who passes the role gate, and the exact status every actor gets. The
// runner makes the request as every actor against A's records and then B's, and reports every mismatch.
import type { Role } from '@konkurs/shared';
import { startSession } from '../../src/plugins/auth.js';
import type { TestApp } from '../helper.js';
import { RELS, type Actor, type Rel, type Side, type World } from './world.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface MatrixRequest {
  method: Method;
  url: string;
  /** JSON unless `payload` (raw bytes with their own headers) is given. */
  body?: unknown;
  payload?: Buffer;
  headers?: Record<string, string>;
}

export interface Case {
  /** `METHOD /path/{param}` exactly as the OpenAPI document lists it. */
  route: string;
  name: string;
  /** Who passes the role gate: `public` (no sign-in needed), `any` signed-in user, or these roles (403 for the others). */
  gate: 'public' | 'any' | readonly Role[];
  request(w: World, s: Side, a: Actor): MatrixRequest;
  /** The status of each actor past the gate that may reach the record (or meets a rule about it). */
  expect: Partial<Record<Rel, number>>;
  /** The status of everyone else past the gate: 404 (the record does not exist for them) unless told. */
  otherwise?: number;
  /**
   * What a 2xx answer may show: `universe` lists the ids (or numbers) worth probing; each actor must find in
   * the body exactly those of `by[actor]` (none when not listed), so a list is checked both for leaks and losses.
   */
  shows?(w: World, s: Side): { universe: string[]; by: Partial<Record<Rel, string[]>> };
  /** Further checks of a 2xx answer; returns a complaint or nothing. */
  check?(res: Answer, w: World, s: Side, a: Actor): string | undefined;
  /** Call with a new session (the route may end the one it is called with). */
  fresh?: boolean;
  /** The case probes nothing of a side: run once (as side A) instead of once per side. */
  once?: boolean;
  /** A known leak or wrong status in the API: the case is expected to fail until the API is fixed. */
  knownLeak?: string;
}

export interface Answer { status: number; body: string; contentType: string }

/** The status the contract gives this actor for this case. */
export function expectedStatus(c: Case, a: Actor): number {
  if (!a.role) return c.gate === 'public' ? (c.expect.anon ?? c.otherwise ?? 404) : 401;
  if (Array.isArray(c.gate) && !c.gate.includes(a.role)) return 403;
  return c.expect[a.rel] ?? c.otherwise ?? 404;
}

async function send(t: TestApp, token: string | null, r: MatrixRequest): Promise<Answer> {
  const headers: Record<string, string> = { ...r.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await t.app.inject({
    method: r.method, url: r.url, headers,
    ...(r.payload ? { payload: r.payload } : r.body !== undefined ? { payload: r.body as object } : {}),
  });
  return { status: res.statusCode, body: res.body, contentType: String(res.headers['content-type'] ?? '') };
}

/** Runs the case as every actor against the side's records; returns the mismatches, one line each. */
export async function runCase(t: TestApp, w: World, c: Case, s: Side): Promise<string[]> {
  const problems: string[] = [];
  const shown = c.shows?.(w, s);
  for (const rel of RELS) {
    const a = w.actor(s, rel);
    const r = c.request(w, s, a);
    const token = a.user ? (c.fresh ? await startSession(t.app, a.user.id) : a.user.token) : null;
    const res = await send(t, token, r);
    const want = expectedStatus(c, a);
    const where = `side ${s.name} ${rel.padEnd(18)} ${r.method} ${r.url}`;
    if (res.status !== want) problems.push(`${where}: ${res.status}, expected ${want} ${res.status >= 400 ? res.body.slice(0, 160) : ''}`);
    if (res.status >= 400 && !res.contentType.startsWith('application/problem+json'))
      problems.push(`${where}: a ${res.status} answered as ${res.contentType || 'nothing'}, not application/problem+json`);
    if (res.status < 200 || res.status >= 300) continue;
    if (shown) {
      const mine = new Set(shown.by[rel] ?? []);
      for (const id of shown.universe) {
        const found = res.body.includes(id);
        if (found && !mine.has(id)) problems.push(`${where}: LEAK, the answer shows ${id}`);
        if (!found && mine.has(id)) problems.push(`${where}: the answer lacks ${id}`);
      }
    }
    const complaint = c.check?.(res, w, s, a);
    if (complaint) problems.push(`${where}: ${complaint}`);
  }
  return problems;
}

/** The routes of the OpenAPI document, as `METHOD /path`. */
export function documentedRoutes(t: TestApp): string[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
}

/** A multipart body: a `kind` field, then a `file` field. */
export function multipart(kind: string, fileName: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----matrix' + 'x'.repeat(16);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
