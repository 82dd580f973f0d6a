// Finding 2: clients that ask for a download and stop reading. However many of them, they hold no database
// connection (on PGlite, not its one connection either): while 50 readers of the public winners registry, then 50
// readers of an official's export, are stalled, /api/ready is 200 and a database route answers fast. Downloads have
// slots of their own: one over the limit is a 503 `busy` problem with Retry-After, and a slot comes back with its client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { competitions } from '../../src/db/schema/index.js';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { insertLargeRound } from '../large-export.js';
import { makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';
import { sleep } from './server-process.js';

const STALLED = 50;
/** Rows of ~1 KB: a few MB per download, far more than the sockets' buffers take. */
const ROWS = 5000;
const TITLE = 500;

interface World { t: TestApp; port: number; official: TestUser; competitionId: string; serverSockets: Set<Socket> }

/** An app listening on a port of its own, with a published competition of ROWS winners and an unpublished one of ROWS applications. */
async function world(env: Record<string, string>): Promise<World> {
  const t = await createTestApp({ env });
  const op = await makeOperator(t);
  const official = await makeUser(t, 'official', { operatorId: op.id });
  const applicant = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, applicant.id, '23');
  const published = await makeCompetition(t, op.id, { status: 'published' });
  await t.db.update(competitions).set({ publishedAt: t.clock.now() }).where(eq(competitions.id, published.id));
  await insertLargeRound(t, published, org.id, applicant.id, ROWS, { status: 'winner', titleLength: TITLE });
  const inReview = await makeCompetition(t, op.id, { status: 'review' });
  await insertLargeRound(t, inReview, org.id, applicant.id, ROWS, { titleLength: TITLE });
  const serverSockets = new Set<Socket>();
  t.app.server.on('connection', (s) => { serverSockets.add(s); s.once('close', () => serverSockets.delete(s)); });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return { t, port: (t.app.server.address() as { port: number }).port, official, competitionId: inReview.id, serverSockets };
}

interface Stalled { status: number; headers: http.IncomingHttpHeaders; res: http.IncomingMessage; req: http.ClientRequest }

/** A GET on a connection of its own whose answer is not read past its first bytes: the socket stops reading. */
function stalledGet(port: number, path: string, token?: string): Promise<Stalled> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      res.pause();
      resolve({ status: res.statusCode!, headers: res.headers, res, req });
    });
    req.on('error', (err) => reject(err));
  });
}

/** The server's sockets whose writes wait on a full TCP window: answers stalled by their readers. */
const blocked = (w: World) => [...w.serverSockets].filter((s) => s.writableLength > 0).length;

async function untilBlocked(w: World, n: number) {
  const deadline = Date.now() + 30_000;
  while (blocked(w) < n && Date.now() < deadline) await sleep(100);
  expect(blocked(w)).toBeGreaterThanOrEqual(n);
}

/** The p95 of 20 sequential requests to a route that reads the database, over HTTP; all must be 200. */
async function p95(port: number, path: string) {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const r = await fetch(`http://127.0.0.1:${port}${path}`);
    await r.arrayBuffer();
    expect(r.status).toBe(200);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[18]!;
}

/** Checked-out connections of the pool (PostgreSQL): what stalled readers would hold. */
const inUse = (t: TestApp) => (t.database.pool ? t.database.pool.totalCount - t.database.pool.idleCount : 0);

/** Waits, up to 20 s, for the spools to be written and every pool connection back; fails if one is still held. */
async function untilReleased(t: TestApp) {
  const deadline = Date.now() + 20_000;
  while (inUse(t) > 0 && Date.now() < deadline) await sleep(50);
  expect(inUse(t)).toBe(0);
}

/** Reads a stalled answer to its end and counts its lines. */
function readToEnd(s: Stalled): Promise<number> {
  return new Promise((resolve, reject) => {
    let lines = 0;
    s.res.on('data', (chunk: Buffer) => { for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++; });
    s.res.on('end', () => resolve(lines));
    s.res.on('error', reject);
    s.res.resume();
  });
}

/**
 * With every reader answered 200 and at least STALLED - 5 of them blocked on a full socket: the API is ready, fast,
 * holds no pool connection, and a reader that comes back gets every row (the first reader is a CSV's). Ends the readers.
 */
async function expectAnsweringWhileStalled(w: World, stalled: Stalled[]) {
  try {
    expect(stalled.map((s) => s.status)).toEqual(Array(stalled.length).fill(200));
    await untilBlocked(w, STALLED - 5);
    expect((await fetch(`http://127.0.0.1:${w.port}/api/ready`)).status).toBe(200);
    expect(await p95(w.port, '/api/v1/open-data')).toBeLessThan(500);
    await untilReleased(w.t);
    expect(blocked(w)).toBeGreaterThanOrEqual(STALLED - 5);
    // Stalled, not lost.
    expect(await readToEnd(stalled[0]!)).toBe(ROWS + 1);
  } finally {
    for (const s of stalled) s.req.destroy();
  }
}

describe('stalled readers', () => {
  let w: World;
  // Slots enough for every stalled reader: what is proved here is that they hold no connection.
  beforeAll(async () => { w = await world({ EXPORT_CONCURRENCY: '60', OPEN_DATA_CONCURRENCY: '60' }); }, 180_000);
  afterAll(async () => { await w?.t.close(); });

  it(`leave the API ready and answering while ${STALLED} readers of winners.csv are stalled`, async () => {
    const stalled = await Promise.all(Array.from({ length: STALLED }, () => stalledGet(w.port, '/api/v1/open-data/winners.csv')));
    await expectAnsweringWhileStalled(w, stalled);
  }, 120_000);

  it(`leave it ready while ${STALLED} readers of an official's applications.csv, and 10 of the XLSX, are stalled`, async () => {
    const csv = `/api/v1/exports/applications.csv?competitionId=${w.competitionId}`;
    const stalled = await Promise.all([
      ...Array.from({ length: STALLED }, () => stalledGet(w.port, csv, w.official.token)),
      ...Array.from({ length: 10 }, () => stalledGet(w.port, `/api/v1/exports/applications.xlsx?competitionId=${w.competitionId}`, w.official.token)),
    ]);
    // The workbooks deflate to little: the CSVs are what fills the sockets.
    await expectAnsweringWhileStalled(w, stalled);
  }, 120_000);

  it.runIf(isRealPostgres)('never keep a pool connection once the database has written the CSV', async () => {
    const s = await stalledGet(w.port, '/api/v1/open-data/winners.csv');
    try {
      await untilBlocked(w, 1);
      // The answer stalls on its socket while the database may still be writing into the spool; once it has written
      // the CSV, the connection goes back to the pool with the reader still stalled.
      await untilReleased(w.t);
      expect(blocked(w)).toBeGreaterThanOrEqual(1);
      expect(w.t.database.pool!.waitingCount).toBe(0);
    } finally {
      s.req.destroy();
    }
  }, 60_000);
});

describe('download slots', () => {
  let w: World;
  beforeAll(async () => { w = await world({ EXPORT_CONCURRENCY: '2', OPEN_DATA_CONCURRENCY: '2' }); }, 180_000);
  afterAll(async () => { await w?.t.close(); });

  async function refused(path: string, token?: string, lang = 'ru') {
    const r = await fetch(`http://127.0.0.1:${w.port}${path}`, { headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    expect(r.status).toBe(503);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.headers.get('retry-after')).toBe('5');
    return r.json();
  }

  it('refuse one download over the limit with a 503 busy problem, each kind on its own; a slot comes back with its client', async () => {
    const csv = `/api/v1/exports/applications.csv?competitionId=${w.competitionId}`;
    const exports = await Promise.all([stalledGet(w.port, csv, w.official.token), stalledGet(w.port, csv, w.official.token)]);
    try {
      expect(exports.map((s) => s.status)).toEqual([200, 200]);
      expect(await refused(csv, w.official.token)).toMatchObject({
        status: 503, code: 'busy', params: { retryAfterSeconds: 5 }, detail: 'Сейчас выгружается слишком много файлов; повторите через 5 с',
      });
      expect(await refused(`/api/v1/exports/totals.xlsx?groupBy=region`, w.official.token, 'en'))
        .toMatchObject({ code: 'busy', detail: 'Too many files are being downloaded right now; try again in 5 s' });
      // The open data has slots of its own, and the API goes on.
      const open = await Promise.all([stalledGet(w.port, '/api/v1/open-data/winners.csv'), stalledGet(w.port, '/api/v1/open-data/winners.csv')]);
      exports.push(...open);
      expect(open.map((s) => s.status)).toEqual([200, 200]);
      expect(await refused('/api/v1/open-data/winners.json')).toMatchObject({ code: 'busy' });
      expect((await fetch(`http://127.0.0.1:${w.port}/api/v1/open-data`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${w.port}/api/ready`)).status).toBe(200);
    } finally {
      for (const s of exports) s.req.destroy();
    }
    // The readers gone, their slots are free.
    let status = 0;
    for (const deadline = Date.now() + 5000; status !== 200 && Date.now() < deadline; await sleep(50)) {
      const r = await fetch(`http://127.0.0.1:${w.port}${csv}`, { headers: { authorization: `Bearer ${w.official.token}` } });
      await r.arrayBuffer();
      status = r.status;
    }
    expect(status).toBe(200);
  }, 120_000);

  it('count a refused or failed download out again (a 404 before the first byte frees its slot)', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`http://127.0.0.1:${w.port}/api/v1/open-data/competitions/${w.competitionId}/winners.csv`);
      expect(r.status).toBe(404);
    }
    expect((await fetch(`http://127.0.0.1:${w.port}/api/v1/open-data/winners.json`)).status).toBe(200);
  });

  it('are described in the OpenAPI document: every download may answer 503', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const [path, op] of [['/api/v1/open-data/winners.csv', 'get'], ['/api/v1/exports/applications.xlsx', 'get']] as const) {
      expect(Object.keys(doc.paths[path][op].responses)).toContain('503');
    }
    expect(Object.keys(doc.paths['/api/v1/open-data'].get.responses)).not.toContain('503');
  });
});
