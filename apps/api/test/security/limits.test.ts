// Findings 1 and 11 of the audit: rate limits that a client cannot dodge with X-Forwarded-For, a new e-mail or a Redis
// that is away, and an answer to adding a member that does not tell who is registered. Every limit counts per account
// and per client address; the address is the socket's unless TRUST_PROXY names the proxy it came through.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { users } from '../../src/db/schema/index.js';
import { ADDRESS_FACTOR, WINDOW_MS } from '../../src/lib/limits.js';
import { createTestApp, type TestApp } from '../helper.js';
import { PASSWORD, call, makeOrganization, makeUser } from '../fixtures.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const STRONG = 'Кит-плывёт-на-север-2026';

interface Attempt { email: string; password?: string; forwardedFor?: string; from?: string }
const login = (t: TestApp, a: Attempt) => t.app.inject({
  method: 'POST', url: '/api/v1/auth/login', remoteAddress: a.from,
  headers: a.forwardedFor ? { 'x-forwarded-for': a.forwardedFor } : {},
  payload: { email: a.email, password: a.password ?? 'Wrong-password-2026' },
});
const register = (t: TestApp, email: string, forwardedFor?: string) => t.app.inject({
  method: 'POST', url: '/api/v1/auth/register', headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  payload: { email, password: STRONG, fullName: 'Иван Петров' },
});

/** A different address for every attempt, as the audit's attacker sent. */
const address = (i: number) => `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`;
const fresh = () => `${randomUUID()}@test.example`;

function expectLimited(res: Awaited<ReturnType<typeof login>>) {
  expect(res.statusCode).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ type: 'urn:konkurs:problem:rate-limited', code: 'rate-limited', status: 429,
    params: { retryAfterSeconds: expect.any(Number) }, detail: expect.stringMatching(/через \d+ с$/) });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(WINDOW_MS / 1000);
}

async function statuses(n: number, attempt: (i: number) => Promise<{ statusCode: number }>) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await attempt(i)).statusCode);
  return out;
}

describe('TRUST_PROXY: who may tell the client address', () => {
  const parse = (TRUST_PROXY: string) => loadConfig({ TRUST_PROXY }).TRUST_PROXY;

  it('is off by default and for off/false/0; a number is a hop count; otherwise addresses, CIDRs and ranges', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    for (const off of ['off', 'OFF', 'false', '0']) expect(parse(off)).toBe(false);
    expect(parse('2')).toBe(2);
    expect(parse('10.0.0.1, 172.16.0.0/12,::1,fd00::/8,loopback,uniquelocal')).toEqual(['10.0.0.1', '172.16.0.0/12', '::1', 'fd00::/8', 'loopback', 'uniquelocal']);
  });

  it('refuses anything else, `true` included (trusting everyone is what the audit broke), naming the setting', () => {
    for (const bad of ['true', '*', '10.0.0.0/33', '10.0.0.300', 'proxy.internal', '10.0.0.0/8/1', '::1/129'])
      expect(() => parse(bad), bad).toThrow(/TRUST_PROXY/);
  });
});

describe('sign-in with the default TRUST_PROXY (off): a new X-Forwarded-For per request changes nothing', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '10' } }); });
  afterAll(() => t.close());

  it('15 wrong passwords, each from a "new" address: 429 from the 11th; then the right password is a 429 too', async () => {
    const victim = await makeUser(t, 'applicant');
    const wrong = await statuses(15, (i) => login(t, { email: victim.email, forwardedFor: address(i) }));
    expect(wrong).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
    expectLimited(await login(t, { email: victim.email, password: PASSWORD, forwardedFor: address(99) }));
    // Locked out for the window, not for ever.
    t.clock.advance(WINDOW_MS);
    expect((await login(t, { email: victim.email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('counts the e-mail however it is written', async () => {
    const email = `Case-${randomUUID()}@Test.Example`;
    expect(await statuses(10, (i) => login(t, { email: i % 2 ? email.toLowerCase() : email.toUpperCase() }))).toEqual(Array(10).fill(401));
    expectLimited(await login(t, { email }));
  });

});

describe('sign-in per address across e-mails', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '2' } }); });
  afterAll(() => t.close());

  it('one address trying a new e-mail each time is stopped after 10 × the limit; another address is not', async () => {
    const max = 2 * ADDRESS_FACTOR;
    const tried = await statuses(max, (i) => login(t, { email: fresh(), forwardedFor: address(i), from: '192.0.2.7' }));
    expect(tried).toEqual(Array(max).fill(401));
    expectLimited(await login(t, { email: fresh(), from: '192.0.2.7' }));
    expect((await login(t, { email: fresh(), from: '192.0.2.8' })).statusCode).toBe(401);
  });
});

describe('sign-in behind a declared proxy', () => {
  for (const TRUST_PROXY of ['1', '127.0.0.1']) {
    describe(`TRUST_PROXY=${TRUST_PROXY}`, () => {
      let t: TestApp;
      beforeAll(async () => { t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '2', TRUST_PROXY } }); });
      afterAll(() => t.close());

      it('takes the address from X-Forwarded-For: many clients behind the proxy are not one address', async () => {
        const max = 2 * ADDRESS_FACTOR;
        expect(await statuses(max + 2, (i) => login(t, { email: fresh(), forwardedFor: address(i) }))).toEqual(Array(max + 2).fill(401));
      });

      it('still stops the attacker rotating addresses on one account', async () => {
        const email = fresh();
        expect(await statuses(2, (i) => login(t, { email, forwardedFor: address(i) }))).toEqual([401, 401]);
        expectLimited(await login(t, { email, forwardedFor: address(42) }));
      });
    });
  }

  it('a peer that is not the declared proxy cannot choose its address', async () => {
    const t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '2', TRUST_PROXY: '10.0.0.0/8' } });
    try {
      const max = 2 * ADDRESS_FACTOR;
      expect(await statuses(max, (i) => login(t, { email: fresh(), forwardedFor: address(i) }))).toEqual(Array(max).fill(401));
      expectLimited(await login(t, { email: fresh(), forwardedFor: address(77) }));
      // Through the proxy, the same client addresses count one by one.
      expect((await login(t, { email: fresh(), forwardedFor: address(77), from: '10.1.2.3' })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe('sign-up cannot enumerate accounts at scale', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3', TRUST_PROXY: '1' } }); });
  afterAll(() => t.close());

  it('one address may ask about 3 e-mails a minute (email-taken for a staff account too), then 429', async () => {
    const staff = await makeUser(t, 'organiser');
    const answers = await statuses(3, (i) => register(t, i === 0 ? staff.email : fresh(), '192.0.2.50'));
    expect(answers).toEqual([409, 201, 201]);
    expectLimited(await register(t, staff.email, '192.0.2.50'));
  });

  it('one e-mail asked about from new addresses each time: 429 after 3', async () => {
    const staff = await makeUser(t, 'admin');
    expect(await statuses(3, (i) => register(t, staff.email, address(100 + i)))).toEqual([409, 409, 409]);
    expectLimited(await register(t, staff.email, address(200)));
  });
});

describe('adding a member tells nothing about who is registered', () => {
  const PER_OWNER = 4;
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ env: { LOGIN_RATE_LIMIT: String(PER_OWNER) } }); });
  afterAll(() => t.close());

  it('the same 201 and body for an applicant, a staff member, a deactivated applicant and an unknown e-mail', async () => {
    const owner = await makeUser(t, 'applicant');
    const org = await makeOrganization(t, owner.id);
    const applicant = await makeUser(t, 'applicant');
    const expert = await makeUser(t, 'expert');
    const gone = await makeUser(t, 'applicant');
    await t.db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    const unknown = `nobody-${randomUUID()}@test.example`;
    const answers = [];
    for (const email of [applicant.email, expert.email, gone.email, unknown]) {
      const r = await call(t, owner.token, 'POST', `/api/v1/organizations/${org.id}/members`, { email: email.toUpperCase() });
      answers.push({ status: r.status, json: r.json, keys: Object.keys(r.json).sort() });
      expect(r.json).toEqual({ organizationId: org.id, email });
    }
    expect(new Set(answers.map((a) => `${a.status} ${a.keys.join(',')}`))).toEqual(new Set(['201 email,organizationId']));
    // The applicant did become a member; the others were not added (and told nobody so).
    const members = await call(t, owner.token, 'GET', `/api/v1/organizations/${org.id}/members`);
    expect(members.json.items.map((m: { email: string }) => m.email).sort()).toEqual([applicant.email, owner.email].sort());
  });

  it('limited per owner: the one over the limit in a minute is a 429', async () => {
    t.clock.advance(WINDOW_MS);
    const owner = await makeUser(t, 'applicant');
    const org = await makeOrganization(t, owner.id);
    const add = () => t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/members`,
      headers: { authorization: `Bearer ${owner.token}` }, payload: { email: fresh() } });
    expect(await statuses(PER_OWNER, add)).toEqual(Array(PER_OWNER).fill(201));
    expectLimited(await add());
  });

  it('limited per address across owners: many accounts on one address stop at 10 × the limit', async () => {
    t.clock.advance(WINDOW_MS);
    const max = PER_OWNER * ADDRESS_FACTOR;
    const owners = await Promise.all(Array.from({ length: ADDRESS_FACTOR + 1 }, async () => {
      const owner = await makeUser(t, 'applicant');
      return { owner, org: await makeOrganization(t, owner.id) };
    }));
    const add = (i: number) => {
      const { owner, org } = owners[Math.floor(i / PER_OWNER)]!;
      return t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/members`, remoteAddress: '192.0.2.99',
        headers: { authorization: `Bearer ${owner.token}` }, payload: { email: fresh() } });
    };
    expect(await statuses(max, add)).toEqual(Array(max).fill(201));
    expectLimited(await add(max));
  });
});

async function redisReachable() {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  const ok = await probe.connect().then(() => probe.ping()).then(() => true, () => false);
  probe.disconnect();
  return ok;
}

/** A client as server.ts makes one, under a key prefix of its own so that runs do not count together. */
const redisClient = (url: string, keyPrefix: string) =>
  new Redis(url, { lazyConnect: true, keyPrefix, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null });

/** The app's log lines, to count what it said about Redis. */
function captureLog() {
  const lines: { level: number; msg: string }[] = [];
  return { lines, logger: { level: 'info', stream: { write: (line: string) => { lines.push(JSON.parse(line)); } } } };
}
const aboutRedis = (lines: { level: number; msg: string }[], level: number) => lines.filter((l) => l.level === level && /Redis/.test(l.msg));

const reachable = await redisReachable();

describe('limits shared through Redis', () => {
  let clients: Redis[] = [];
  let apps: TestApp[] = [];
  const log = captureLog();
  beforeAll(async () => {
    if (!reachable) return;
    const prefix = `konkurs-test-${randomUUID()}:`;
    clients = [0, 1].map(() => redisClient(REDIS_URL, prefix));
    apps = await Promise.all(clients.map((redis, i) => createTestApp({ env: { LOGIN_RATE_LIMIT: '3' }, redis, ...(i === 0 ? { logger: log.logger } : {}) })));
    await Promise.all(clients.map((r) => r.connect()));
  });
  afterAll(async () => {
    for (const r of clients) r.disconnect();
    await Promise.all(apps.map((t) => t.close()));
  });

  it.skipIf(!reachable)('two API processes count together, by account and by address', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const email = fresh();
    expect(await statuses(3, (i) => login(i % 2 ? b : a, { email }))).toEqual([401, 401, 401]);
    expectLimited(await login(a, { email }));
    expectLimited(await login(b, { email }));
    const max = 3 * ADDRESS_FACTOR;
    expect(await statuses(max, (i) => login(i % 2 ? b : a, { email: fresh(), from: '192.0.2.200' }))).toEqual(Array(max).fill(401));
    expectLimited(await login(b, { email: fresh(), from: '192.0.2.200' }));
  });

  it.skipIf(!reachable)('Redis gone: still limited, in this process, with one warning; back: one info line, shared again', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    clients[0]!.disconnect();
    const email = fresh();
    expect(await statuses(3, () => login(a, { email }))).toEqual([401, 401, 401]);
    expectLimited(await login(a, { email }));
    expectLimited(await login(a, { email }));
    expect(aboutRedis(log.lines, 40)).toHaveLength(1);
    await clients[0]!.connect();
    const shared = fresh();
    expect(await statuses(3, (i) => login(i % 2 ? b : a, { email: shared }))).toEqual([401, 401, 401]);
    expectLimited(await login(a, { email: shared }));
    expect(aboutRedis(log.lines, 30)).toHaveLength(1);
    expect(aboutRedis(log.lines, 40)).toHaveLength(1);
  });
});

describe('limits with Redis unreachable from the start', () => {
  it('hold in the process, say so in one warning line, and never print ioredis\'s "Unhandled error event"', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const log = captureLog();
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false,
      retryStrategy: () => 50 });
    const t = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' }, redis, logger: log.logger });
    try {
      await redis.connect().catch(() => {});
      const email = fresh();
      expect(await statuses(3, () => login(t, { email }))).toEqual([401, 401, 401]);
      for (let i = 0; i < 5; i++) expectLimited(await login(t, { email }));
      // It keeps trying to reconnect meanwhile; none of that is a line of its own.
      await new Promise((r) => setTimeout(r, 300));
      expect(aboutRedis(log.lines, 40)).toHaveLength(1);
      expect(consoleError.mock.calls.flat().join(' ')).not.toMatch(/Unhandled error event/);
    } finally {
      redis.disconnect();
      await t.close();
      consoleError.mockRestore();
    }
  });
});
