// Finding 2: an overloaded process sheds load with a 503 problem and Retry-After instead of queueing requests until
// they time out: when its event loop lags (OVERLOAD_EVENT_LOOP_DELAY_MS), and on PostgreSQL when too many requests
// wait for a pool connection (OVERLOAD_DB_WAITING). /api/health and /api/ready answer all the while.
import { afterAll, describe, expect, it } from 'vitest';
import type { PoolClient } from 'pg';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { call } from '../fixtures.js';
import { sleep } from './server-process.js';

/** Keeps the event loop busy, as a process drowning in work would. */
function block(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* busy */ }
}

/** Asks a route until it answers `status` (the pressure is sampled every so often), or the deadline passes. */
async function until(t: TestApp, status: number, deadlineMs: number, lang = 'ru') {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const r = await call(t, null, 'GET', '/api/v1/regions', undefined, { 'accept-language': lang });
    if (r.status === status || Date.now() > deadline) return r;
    await sleep(20);
  }
}

const apps: TestApp[] = [];
afterAll(async () => { await Promise.all(apps.map((t) => t.close())); });

describe('load shedding', () => {
  it('answers 503 overloaded (problem+json, Retry-After) while the event loop lags; health and readiness answer; then it recovers', async () => {
    const t = await createTestApp({ env: { OVERLOAD_EVENT_LOOP_DELAY_MS: '5' } });
    apps.push(t);
    expect((await until(t, 200, 5000)).status).toBe(200);
    block(2500);
    const shed = await until(t, 503, 2500);
    const [health, ready] = await Promise.all([call(t, null, 'GET', '/api/health'), call(t, null, 'GET', '/api/ready')]);
    expect(shed.status).toBe(503);
    expect(shed.headers['content-type']).toContain('application/problem+json');
    expect(shed.headers['retry-after']).toBe('5');
    expect(shed.json).toMatchObject({
      status: 503, code: 'overloaded', title: 'Сервис временно недоступен', params: { retryAfterSeconds: 5 }, detail: 'Сервер перегружен; повторите через 5 с',
    });
    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect((await until(t, 200, 5000)).status).toBe(200);
  });

  it('speaks English when asked', async () => {
    const t = await createTestApp({ env: { OVERLOAD_EVENT_LOOP_DELAY_MS: '5' } });
    apps.push(t);
    block(2500);
    const shed = await until(t, 503, 2500, 'en');
    expect(shed.json).toMatchObject({ code: 'overloaded', title: 'Service Unavailable', detail: 'The server is overloaded; try again in 5 s' });
  });

  it('is off in tests by default: a test’s own work is no overload', async () => {
    const t = await createTestApp();
    apps.push(t);
    block(2500);
    await sleep(1200);
    expect((await call(t, null, 'GET', '/api/v1/regions')).status).toBe(200);
  });

  it.runIf(isRealPostgres)('answers 503 overloaded while requests wait for a pool connection; health answers; then it recovers', async () => {
    const t = await createTestApp({ env: { OVERLOAD_DB_WAITING: '0' } });
    apps.push(t);
    const pool = t.database.pool!;
    const held: PoolClient[] = [];
    // Every connection taken, and one query more waiting for one.
    while (held.length < pool.options.max) held.push(await pool.connect());
    const waiting = pool.query('select 1').catch((err: Error) => err);
    try {
      expect(pool.waitingCount).toBe(1);
      // The queue is looked at every 250 ms: until then a request would join it.
      await sleep(400);
      const shed = await until(t, 503, 2000);
      expect(shed.status).toBe(503);
      expect(shed.json).toMatchObject({ code: 'overloaded' });
      expect(shed.headers['retry-after']).toBe('5');
      expect((await call(t, null, 'GET', '/api/health')).status).toBe(200);
    } finally {
      for (const c of held) c.release();
    }
    expect(await waiting).not.toBeInstanceOf(Error);
    expect((await until(t, 200, 2000)).status).toBe(200);
  });
});
