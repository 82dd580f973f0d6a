// PostgreSQL restarts under load (TARGETS.md, Reliability): /api/ready turns 503 and back to 200 within
// 10 s, the process does not crash, and every acknowledged (2xx) write is in the database afterwards.
// Needs a server of its own to stop: runs with DATABASE_URL set (the real-PostgreSQL run) and
// PostgreSQL's binaries installed, and is skipped otherwise.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isRealPostgres } from '../helper.js';
import { orgIdentity } from '../fixtures.js';
import { sleep, startPrivateCluster, startServerProcess, type PrivateCluster, type ServerProcess } from './server-process.js';

const ADMIN = { email: 'restart-admin@example.org', password: 'Restart-admin-2026' };
const PASSWORD = 'Restart-pass-2026';
const DRAFTS = 8;

interface Ack { applicationId: string; version: number; title: string }

describe.runIf(isRealPostgres)('database restart under load', () => {
  let cluster: PrivateCluster | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    cluster?.destroy();
  });

  it('turns /api/ready 503 and back within 10 s, loses no acknowledged write, does not crash', async (ctx) => {
    cluster = await startPrivateCluster();
    if (!cluster) return ctx.skip();
    server = await startServerProcess({ DATABASE_URL: cluster.url, DATABASE_POOL_SIZE: '10', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    const api = client(server.base);

    // A competition open for applications and an applicant with a few drafts in it.
    const admin = (await api.call('POST', '/auth/login', undefined, ADMIN)).json.token;
    const op = (await api.call('POST', '/operators', admin, { name: 'Оператор', level: 'regional', regionCode: '62' })).json;
    await api.call('POST', '/users', admin, { email: 'restart-org@example.org', password: PASSWORD, fullName: 'Организатор', role: 'organiser', operatorId: op.id });
    const organiser = (await api.call('POST', '/auth/login', undefined, { email: 'restart-org@example.org', password: PASSWORD })).json.token;
    const now = Date.now();
    const comp = await api.call('POST', '/competitions', organiser, {
      code: 'RESTART-1', title: 'Конкурс', operatorId: op.id, directionCodes: ['youth'], opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(), budgetKopecks: 100_000_000, minGrantKopecks: 0, maxGrantKopecks: 10_000_000,
      maxProjectMonths: 12, minCofinancingPercent: 0, passMark: 50, maxApplicationsPerOrganization: DRAFTS,
    });
    expect(comp.status, JSON.stringify(comp.json)).toBe(201);
    expect((await api.call('POST', `/competitions/${comp.json.id}/open`, organiser)).status).toBe(200);
    const applicant = (await api.call('POST', '/auth/register', undefined, { email: 'restart-ngo@example.org', password: PASSWORD, fullName: 'Заявитель' })).json.token;
    const org = (await api.call('POST', '/organizations', applicant, { ...orgIdentity(4242, '62'), fullName: 'АНО «Перезапуск»', shortName: 'Перезапуск', regionCode: '62' })).json;
    const drafts: { id: string; version: number }[] = [];
    for (let i = 0; i < DRAFTS; i++) {
      const created = await api.call('POST', `/competitions/${comp.json.id}/applications`, applicant, { organizationId: org.id, title: 'начало' });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      drafts.push({ id: created.json.id, version: created.json.version });
    }

    // Load: each draft autosaved in a loop, and new accounts registered, recording every 2xx.
    const acked: Ack[] = [];
    const registered: string[] = [];
    const statuses = new Map<string, number>();
    let running = true;
    const count = (s: number | string) => statuses.set(String(s), (statuses.get(String(s)) ?? 0) + 1);
    const autosave = async (d: { id: string; version: number }, n: number) => {
      for (let i = 0; running; i++) {
        const title = `сохранение ${n}.${i}`;
        const r = await api.call('PATCH', `/applications/${d.id}`, applicant, { version: d.version, title }).catch(() => ({ status: 'network', json: undefined } as const));
        count(r.status);
        if (r.status === 200) {
          d.version = r.json.version;
          acked.push({ applicationId: d.id, version: d.version, title });
        } else if (r.status === 412) {
          // A save whose answer was lost may have committed: take the stored version and go on.
          const cur = await api.call('GET', `/applications/${d.id}`, applicant).catch(() => undefined);
          if (cur?.status === 200) d.version = cur.json.version;
        } else await sleep(50);
      }
    };
    const register = async () => {
      for (let i = 0; running; i++) {
        const email = `load-${i}-${Math.random().toString(36).slice(2, 8)}@example.org`;
        const r = await api.call('POST', '/auth/register', undefined, { email, password: PASSWORD, fullName: 'Нагрузка' }).catch(() => ({ status: 'network' } as const));
        count(r.status);
        if (r.status === 201) registered.push(email);
        else await sleep(50);
      }
    };
    const load = [...drafts.map((d, n) => autosave(d, n)), register(), register()];

    await sleep(2000);
    const before = acked.length;
    expect(before).toBeGreaterThan(0);

    cluster.stop('immediate');
    const downAt = Date.now();
    let sawUnready = false;
    while (Date.now() - downAt < 10_000) {
      const r = await fetch(server.base + '/api/ready').catch(() => undefined);
      if (r?.status === 503) { sawUnready = true; break; }
      await sleep(100);
    }
    expect(sawUnready, '/api/ready answered 503 while the database was down').toBe(true);
    await sleep(1500);

    cluster.start();
    const upAt = Date.now();
    let readyAfter = Infinity;
    while (Date.now() - upAt < 10_000) {
      const r = await fetch(server.base + '/api/ready').catch(() => undefined);
      if (r?.status === 200) { readyAfter = Date.now() - upAt; break; }
      await sleep(100);
    }
    expect(readyAfter, '/api/ready back to 200 within 10 s of the database coming back').toBeLessThan(10_000);

    await sleep(2000);
    running = false;
    await Promise.all(load);
    expect(acked.length, 'writes acknowledged after the restart').toBeGreaterThan(before);
    expect(server.child.exitCode, `the server crashed:\n${server.output().slice(-2000)}`).toBeNull();

    // Every acknowledged write is stored: each draft holds at least its last acknowledged version, with
    // that save's title unless a later save (whose answer was lost) replaced it; every 201 account exists.
    const db = new pg.Client({ connectionString: cluster.url });
    await db.connect();
    try {
      const rows = (await db.query('select id, version, content->>\'title\' as title from applications')).rows as { id: string; version: number; title: string }[];
      for (const d of drafts) {
        const mine = acked.filter((a) => a.applicationId === d.id);
        const last = mine.at(-1);
        if (!last) continue;
        const row = rows.find((r) => r.id === d.id)!;
        expect(row.version).toBeGreaterThanOrEqual(last.version);
        if (row.version === last.version) expect(row.title).toBe(last.title);
      }
      const emails = new Set((await db.query('select email from users')).rows.map((r: { email: string }) => r.email));
      expect(registered.filter((e) => !emails.has(e))).toEqual([]);
    } finally {
      await db.end();
    }
    // While the database was away the API answered, and never with anything but 2xx, 412 or 503.
    const unexpected = [...statuses.keys()].filter((s) => !['200', '201', '412', '503'].includes(s));
    expect(unexpected, JSON.stringify(Object.fromEntries(statuses))).toEqual([]);

    expect(await server.stop('SIGTERM')).toBe(0);
  }, 240_000);
});

function client(base: string) {
  return {
    async call(method: string, path: string, token?: string, body?: unknown) {
      const res = await fetch(base + '/api/v1' + path, {
        method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      let json: any;
      try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
      return { status: res.status, json };
    },
  };
}
