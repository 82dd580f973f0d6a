// Sign-in attempts are limited per address and e-mail (LOGIN_RATE_LIMIT a minute): the one over the
// limit is a 429 problem+json with Retry-After; with REDIS_URL every API process counts together.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';

const LIMIT = 3;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const login = (t: TestApp, email: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'Wrong-password-2026' } });

function expectLimited(res: Awaited<ReturnType<typeof login>>) {
  expect(res.statusCode).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ type: 'urn:konkurs:problem:rate-limited', status: 429, params: { retryAfterSeconds: expect.any(Number) },
    detail: expect.stringMatching(/через \d+ с$/) });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

describe('login rate limit in one process', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ env: { LOGIN_RATE_LIMIT: String(LIMIT) } }); });
  afterAll(() => t.close());

  it('answers 401 up to the limit, then 429 problem+json with Retry-After', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await login(t, 'victim@example.org')).statusCode).toBe(401);
    expectLimited(await login(t, 'victim@example.org'));
  });

  it('counts per e-mail: another account from the same address may still sign in', async () => {
    expect((await login(t, 'someone-else@example.org')).statusCode).toBe(401);
  });
});

describe('login rate limit shared through Redis', () => {
  let redis: Redis[] = [];
  let apps: TestApp[] = [];
  let reachable = false;
  beforeAll(async () => {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
    reachable = await probe.connect().then(() => probe.ping()).then(() => true, () => false);
    probe.disconnect();
    if (!reachable) return;
    redis = [0, 1].map(() => new Redis(REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }));
    await Promise.all(redis.map((r) => new Promise((ok) => (r.status === 'ready' ? ok(null) : r.once('ready', ok)))));
    apps = await Promise.all(redis.map((r) => createTestApp({ env: { LOGIN_RATE_LIMIT: String(LIMIT) }, redis: r })));
  });
  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
    for (const r of redis) r.disconnect();
  });

  it('two API processes share the count: the limit holds across them', async (ctx) => {
    if (!reachable) return ctx.skip();
    const email = `shared-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
    const [a, b] = apps;
    // Alternate between the two instances: alone, neither would reach the limit.
    const statuses = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await login(i % 2 ? b : a, email)).statusCode);
    expect(statuses).toEqual(Array(LIMIT).fill(401));
    expectLimited(await login(a, email));
    expectLimited(await login(b, email));
  });
});

describe('login rate limit with Redis unreachable', () => {
  it('still lets people sign in: the limit fails open rather than answering 500 to everyone', async () => {
    const redis = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    redis.on('error', () => {});
    const t = await createTestApp({ env: { LOGIN_RATE_LIMIT: String(LIMIT) }, redis });
    try {
      for (let i = 0; i <= LIMIT; i++) expect((await login(t, 'redis-down@example.org')).statusCode).toBe(401);
    } finally {
      await t.close();
      redis.disconnect();
    }
  });
});
