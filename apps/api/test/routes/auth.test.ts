import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeOperator, makeUser, PASSWORD } from '../fixtures.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('auth', () => {
  it('registers an applicant, signs in, reads me, logs out (the token is revoked)', async () => {
    const reg = await call(t, null, 'POST', '/api/v1/auth/register', { email: 'Anna@Example.org', password: 'Long-enough-1', fullName: 'Анна' });
    expect(reg.status).toBe(201);
    expect(reg.json.user).toMatchObject({ email: 'anna@example.org', role: 'applicant' });
    const login = await call(t, null, 'POST', '/api/v1/auth/login', { email: 'anna@example.org', password: 'Long-enough-1' });
    expect(login.status).toBe(200);
    const me = await call(t, login.json.token, 'GET', '/api/v1/auth/me');
    expect(me.json).toMatchObject({ email: 'anna@example.org', role: 'applicant', operatorId: null });
    expect((await call(t, login.json.token, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    const after = await call(t, login.json.token, 'GET', '/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    // The registration token is a separate session and still works.
    expect((await call(t, reg.json.token, 'GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('refuses a duplicate e-mail (409), a wrong password (401), bad input (400 naming fields)', async () => {
    await call(t, null, 'POST', '/api/v1/auth/register', { email: 'dup@example.org', password: 'Long-enough-1', fullName: 'A' });
    const dup = await call(t, null, 'POST', '/api/v1/auth/register', { email: 'DUP@example.org', password: 'Long-enough-1', fullName: 'A' });
    expect(dup.status).toBe(409);
    expect((await call(t, null, 'POST', '/api/v1/auth/login', { email: 'dup@example.org', password: 'wrong-password' })).status).toBe(401);
    const bad = await call(t, null, 'POST', '/api/v1/auth/register', { email: 'nope', password: 'short', fullName: 5 });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'fullName', 'password']);
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(malformed.body).errors[0].path).toBe('body');
  });

  it('revokes every session on a password change', async () => {
    const u = await makeUser(t, 'applicant');
    const other = await call(t, null, 'POST', '/api/v1/auth/login', { email: u.email, password: PASSWORD });
    const wrong = await call(t, u.token, 'POST', '/api/v1/auth/password', { currentPassword: 'nope', password: 'Another-pass-1' });
    expect(wrong.status).toBe(400);
    expect((await call(t, u.token, 'POST', '/api/v1/auth/password', { currentPassword: PASSWORD, password: 'Another-pass-1' })).status).toBe(204);
    expect((await call(t, other.json.token, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await call(t, null, 'POST', '/api/v1/auth/login', { email: u.email, password: 'Another-pass-1' })).status).toBe(200);
  });

  it('expires tokens with the session', async () => {
    const u = await makeUser(t, 'applicant');
    t.clock.advance(t.config.TOKEN_TTL_MINUTES * 60_000 + 1000);
    try {
      expect((await call(t, u.token, 'GET', '/api/v1/auth/me')).status).toBe(401);
    } finally {
      t.clock.set(Date.now());
    }
  });

  it('rejects a forged token', async () => {
    expect((await call(t, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.xxx', 'GET', '/api/v1/auth/me')).status).toBe(401);
  });
});

describe('users and operators', () => {
  it('lets the admin create operators and staff, and an organiser create experts of its operator only', async () => {
    const admin = await makeUser(t, 'admin');
    const op = await call(t, admin.token, 'POST', '/api/v1/operators', { name: 'Минэкономразвития Калужской области', level: 'regional', regionCode: '40' });
    expect(op.status).toBe(201);
    const noRegion = await call(t, admin.token, 'POST', '/api/v1/operators', { name: 'X', level: 'municipal' });
    expect(noRegion.status).toBe(400);
    expect(noRegion.json.errors[0].path).toBe('regionCode');
    const org = await call(t, admin.token, 'POST', '/api/v1/users', { email: 'org@x.example', password: 'Long-enough-1', fullName: 'Орг', role: 'organiser', operatorId: op.json.id });
    expect(org.status).toBe(201);
    const noOp = await call(t, admin.token, 'POST', '/api/v1/users', { email: 'org2@x.example', password: 'Long-enough-1', fullName: 'Орг', role: 'official' });
    expect(noOp.status).toBe(400);
    expect(noOp.json.errors[0].path).toBe('operatorId');
    const orgToken = (await call(t, null, 'POST', '/api/v1/auth/login', { email: 'org@x.example', password: 'Long-enough-1' })).json.token;
    const expert = await call(t, orgToken, 'POST', '/api/v1/users', { email: 'ex@x.example', password: 'Long-enough-1', fullName: 'Эксперт', role: 'expert', expertDirections: ['youth'] });
    expect(expert.status).toBe(201);
    expect(expert.json.operatorId).toBe(op.json.id);
    expect((await call(t, orgToken, 'POST', '/api/v1/users', { email: 'adm@x.example', password: 'Long-enough-1', fullName: 'A', role: 'admin' })).status).toBe(403);
    const other = await makeOperator(t);
    expect((await call(t, orgToken, 'POST', '/api/v1/users', { email: 'ex2@x.example', password: 'Long-enough-1', fullName: 'A', role: 'expert', operatorId: other.id })).status).toBe(400);
    const list = await call(t, orgToken, 'GET', '/api/v1/users?role=expert');
    expect(list.json.items.map((u: { email: string }) => u.email)).toEqual(['ex@x.example']);
    const applicant = await makeUser(t, 'applicant');
    expect((await call(t, applicant.token, 'GET', '/api/v1/users')).status).toBe(403);
    expect((await call(t, applicant.token, 'POST', '/api/v1/operators', { name: 'X', level: 'federal' })).status).toBe(403);
  });

  it('pages users with an opaque cursor and refuses a forged one', async () => {
    const admin = await makeUser(t, 'admin');
    for (let i = 0; i < 3; i++) await makeUser(t, 'official', { operatorId: (await makeOperator(t)).id });
    const first = await call(t, admin.token, 'GET', '/api/v1/users?role=official&limit=2');
    expect(first.json.items).toHaveLength(2);
    const second = await call(t, admin.token, 'GET', `/api/v1/users?role=official&limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.items.length).toBeGreaterThanOrEqual(1);
    expect(second.json.items[0].email > first.json.items[1].email).toBe(true);
    const forged = await call(t, admin.token, 'GET', '/api/v1/users?cursor=WyJ6Il0.abc');
    expect(forged.status).toBe(400);
    expect(forged.json.errors[0].path).toBe('cursor');
  });

  it('lets the admin deactivate a user, which ends their sessions', async () => {
    const admin = await makeUser(t, 'admin');
    const u = await makeUser(t, 'applicant');
    const r = await call(t, admin.token, 'PATCH', `/api/v1/users/${u.id}`, { active: false });
    expect(r.status).toBe(200);
    expect((await call(t, u.token, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await call(t, admin.token, 'PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000', { active: false })).status).toBe(404);
  });
});

describe('reference data, health, docs, audit', () => {
  it('serves regions, directions and default criteria from the migrations', async () => {
    const regions = await call(t, null, 'GET', '/api/v1/regions');
    expect(regions.json).toHaveLength(89);
    expect(regions.json.find((r: { code: string }) => r.code === '40')).toMatchObject({ name: 'Калужская область', district: 'Центральный федеральный округ' });
    expect((await call(t, null, 'GET', '/api/v1/directions')).json).toHaveLength(13);
    const crit = await call(t, null, 'GET', '/api/v1/criteria/default');
    expect(crit.json).toHaveLength(10);
    expect(crit.json[0]).toMatchObject({ code: 'K1', weight: 1, maxScore: 10 });
  });

  it('answers health, readiness and the OpenAPI document', async () => {
    expect((await call(t, null, 'GET', '/api/health')).json).toEqual({ status: 'ok' });
    expect((await call(t, null, 'GET', '/api/ready')).status).toBe(200);
    const docs = await call(t, null, 'GET', '/api/docs/json');
    expect(docs.json.openapi).toMatch(/^3/);
    expect(Object.keys(docs.json.paths)).toContain('/api/v1/auth/login');
  });

  it('verifies the audit chain and detects an altered row', async () => {
    const admin = await makeUser(t, 'admin');
    await call(t, admin.token, 'POST', '/api/v1/operators', { name: 'Оператор для аудита', level: 'federal' });
    const ok = await call(t, admin.token, 'GET', '/api/v1/audit/verify');
    expect(ok.json).toMatchObject({ ok: true });
    expect(ok.json.events).toBeGreaterThan(0);
    const list = await call(t, admin.token, 'GET', '/api/v1/audit?entityType=operator');
    expect(list.json.items[0].action).toBe('operator.created');
    await t.db.execute(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change` as never);
    await t.db.execute(`UPDATE audit_events SET after = '{"name":"подделка"}' WHERE id = (SELECT min(id) FROM audit_events)` as never);
    const broken = await call(t, admin.token, 'GET', '/api/v1/audit/verify');
    expect(broken.json.ok).toBe(false);
    expect(broken.json.brokenAt).toBeGreaterThan(0);
  });
});

describe('refusals of accounts and operators by code, in Russian', () => {
  const CYRILLIC = /[А-Яа-яЁё]/;
  const post = (token: string | null, url: string, body: unknown, method: 'POST' | 'PATCH' = 'POST', lang?: string) =>
    call(t, token, method, url, body, lang ? { 'accept-language': lang } : {});

  it('answers bad input on every write path with 400, each field by code, the sentences Russian', async () => {
    const admin = await makeUser(t, 'admin');
    const applicant = await makeUser(t, 'applicant');
    const cases: [string | null, 'POST' | 'PATCH', string, unknown][] = [
      [null, 'POST', '/api/v1/auth/register', { email: 'not-an-email', password: 'short', fullName: '' }],
      [null, 'POST', '/api/v1/auth/login', { email: 'x@y.example' }],
      [applicant.token, 'POST', '/api/v1/auth/password', { currentPassword: '', password: 'short' }],
      [admin.token, 'POST', '/api/v1/operators', { name: '', level: 'galactic' }],
      [admin.token, 'POST', '/api/v1/users', { email: 'u@x.example', password: 'Long-enough-1', fullName: 'U', role: 'emperor' }],
      [admin.token, 'PATCH', `/api/v1/users/${applicant.id}`, { active: 'yes', regionCode: '00' }],
      [applicant.token, 'POST', '/api/v1/organizations', { inn: '123', ogrn: 'x', kpp: '', fullName: '', shortName: '', regionCode: '40' }],
    ];
    for (const [token, method, url, body] of cases) {
      const r = await post(token, url, body, method);
      expect(r.status, url).toBe(400);
      expect(r.json.errors.length, url).toBeGreaterThan(0);
      for (const e of r.json.errors) {
        expect(typeof e.code, `${url} ${e.path}`).toBe('string');
        expect(e.message, `${url} ${e.path}`).toMatch(CYRILLIC);
      }
      expect(r.json.detail, url).toMatch(CYRILLIC);
    }
  });

  it('sign-in, sign-up and a password change refuse by code', async () => {
    const wrong = await post(null, '/api/v1/auth/login', { email: 'nobody@x.example', password: 'whatever-1' });
    expect(wrong).toMatchObject({ status: 401, json: { code: 'invalid-credentials', detail: 'Неверный адрес электронной почты или пароль' } });
    expect((await post(null, '/api/v1/auth/login', { email: 'nobody@x.example', password: 'whatever-1' }, 'POST', 'en')).json.detail).toBe('Wrong e-mail or password');
    const u = await makeUser(t, 'applicant');
    const dup = await post(null, '/api/v1/auth/register', { email: u.email, password: 'Long-enough-1', fullName: 'Дубль' });
    expect(dup).toMatchObject({ status: 409, json: { code: 'email-taken', errors: [{ path: 'email', code: 'email-taken' }] } });
    const pw = await post(u.token, '/api/v1/auth/password', { currentPassword: 'not-mine-at-all', password: 'Long-enough-2' });
    expect(pw).toMatchObject({ status: 400, json: { code: 'wrong-password', errors: [{ path: 'currentPassword', code: 'wrong-password', message: 'Текущий пароль указан неверно' }] } });
    expect((await post(null, '/api/v1/auth/password', { currentPassword: PASSWORD, password: 'Long-enough-2' })).json).toMatchObject({ status: 401, code: 'unauthorized', detail: 'Войдите в систему' });
    expect((await post('garbage.token.here', '/api/v1/auth/password', { currentPassword: PASSWORD, password: 'Long-enough-2' })).json).toMatchObject({ status: 401, code: 'session-ended' });
    expect((await post(u.token, '/api/v1/operators', { name: 'X', level: 'federal' })).json).toMatchObject({ status: 403, code: 'forbidden', detail: 'Вашей роли это действие недоступно' });
  });

  it('the rules of who may be created name their field by code', async () => {
    const admin = await makeUser(t, 'admin');
    const op = await makeOperator(t);
    const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
    const user = (extra: object) => ({ email: `u${Math.random().toString(36).slice(2)}@x.example`, password: 'Long-enough-1', fullName: 'Пользователь', ...extra });
    const noOp = await post(admin.token, '/api/v1/users', user({ role: 'organiser' }));
    expect(noOp.json.errors).toEqual([{ path: 'operatorId', code: 'operator-required', params: { role: 'organiser' }, message: 'Для роли «Организатор конкурса» укажите оператора конкурса' }]);
    const unknownOp = await post(admin.token, '/api/v1/users', user({ role: 'official', operatorId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownOp.json.errors).toEqual([{ path: 'operatorId', code: 'unknown-operator', message: 'Такого оператора конкурса нет' }]);
    expect((await post(admin.token, '/api/v1/users', user({ role: 'official', operatorId: op.id, expertDirections: ['youth'] }))).json.errors[0].code).toBe('directions-for-experts');
    expect((await post(organiser.token, '/api/v1/users', user({ role: 'official' }))).json).toMatchObject({ status: 403, code: 'experts-only' });
    expect((await post(organiser.token, '/api/v1/users', user({ role: 'expert', operatorId: (await makeOperator(t)).id }))).json.errors[0].code).toBe('own-operator-only');
    const missing = await post(admin.token, '/api/v1/users/00000000-0000-4000-8000-000000000000', { fullName: 'Никто' }, 'PATCH');
    expect(missing.json).toMatchObject({ status: 404, code: 'not-found', params: { entity: 'user' }, detail: 'Пользователь не найден' });
    expect((await post(admin.token, `/api/v1/users/${organiser.id}`, { operatorId: '00000000-0000-4000-8000-000000000000' }, 'PATCH')).json.errors[0].code).toBe('unknown-operator');
  });
});
