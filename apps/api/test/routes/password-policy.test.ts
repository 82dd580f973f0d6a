// Finding 5 of the audit: sign-up took `aaaaaaaaaa`, `1234567890` and ten spaces. Every place a password is set
// (sign-up, an account made by the admin or an organiser, the admin's change, one's own change) now refuses a weak
// one with 400, each broken rule by its code on the field, and takes a good one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeOperator, makeUser, PASSWORD, type TestUser } from '../fixtures.js';

let t: TestApp;
let admin: TestUser;
let operatorId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await makeUser(t, 'admin');
  operatorId = (await makeOperator(t)).id;
});
afterAll(async () => { await t?.close(); });

interface FieldError { path: string; code: string; message: string }
const fieldsOf = (json: { errors?: FieldError[] }) => (json.errors ?? []).map((e) => [e.path, e.code]);

/** Each weak password with the codes it is refused by (for the e-mail ivan.petrov.kaluga@example.org). */
const WEAK: [string, string[]][] = [
  ['aaaaaaaaaa', ['password-too-short', 'password-repeated']],
  ['1234567890', ['password-too-short']],
  [' '.repeat(10), ['password-too-short', 'password-repeated']],
  [' '.repeat(12), ['password-too-short', 'password-repeated']],
  ['aaaaaaaaaaaa', ['password-repeated']],
  ['123456789012', ['password-common']],
  ['qwertyuiopas', ['password-common']],
  ['Ivan.Petrov.Kaluga@Example.org', ['password-is-email']],
  [' IVAN.PETROV.KALUGA ', ['password-is-email']],
];

describe('POST /auth/register', () => {
  it('refuses each weak password by the rules it breaks, on the field password, in Russian', async () => {
    const email = 'ivan.petrov.kaluga@example.org';
    for (const [password, codes] of WEAK) {
      const r = await call(t, null, 'POST', '/api/v1/auth/register', { email, password, fullName: 'Иван Петров' });
      expect(r.status, JSON.stringify(password)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(r.json), JSON.stringify(password)).toEqual(codes.map((code) => ['password', code]));
      for (const e of r.json.errors) expect(e.message).toMatch(/[А-Яа-яЁё]/);
    }
    const good = await call(t, null, 'POST', '/api/v1/auth/register', { email, password: 'Vesna-grant-2027', fullName: 'Иван Петров' });
    expect(good.status).toBe(201);
  });

  it('says the rule in English when asked', async () => {
    const r = await call(t, null, 'POST', '/api/v1/auth/register', { email: 'en@example.org', password: '123456789012', fullName: 'En' }, { 'accept-language': 'en' });
    expect(r.json.errors).toEqual([{ path: 'password', code: 'password-common', message: 'Too common or too easy to guess: add words or characters' }]);
  });
});

describe('POST /users', () => {
  it('refuses the admin a weak password for a new account, and the account is not made', async () => {
    const body = (password: string) => ({ email: 'organiser.kaluga@example.org', password, fullName: 'Организатор', role: 'organiser', operatorId });
    for (const [password, codes] of [['aaaaaaaaaaaa', ['password-repeated']], ['organiser.kaluga', ['password-is-email']], ['1q2w3e4r5t6y', ['password-common']]] as const) {
      const r = await call(t, admin.token, 'POST', '/api/v1/users', body(password));
      expect(r.status, password).toBe(400);
      expect(fieldsOf(r.json), password).toEqual(codes.map((code) => ['password', code]));
    }
    expect((await call(t, admin.token, 'POST', '/api/v1/users', body('Kaluga-organiser-27'))).status).toBe(201);
  });

  it('refuses an organiser a weak password for a new expert', async () => {
    const organiser = await makeUser(t, 'organiser', { operatorId });
    const r = await call(t, organiser.token, 'POST', '/api/v1/users', { email: 'expert.new@example.org', password: 'password1234', fullName: 'Эксперт', role: 'expert' });
    expect(r).toMatchObject({ status: 400, json: { errors: [{ path: 'password', code: 'password-common' }] } });
  });
});

describe('PATCH /users/:id', () => {
  it('refuses a weak new password (the e-mail is the account\'s), keeps the old one, takes a good one', async () => {
    const u = await makeUser(t, 'expert', { operatorId, email: 'anna.expert@example.org' });
    for (const [password, code] of [['1234567890', 'password-too-short'], ['anna.expert@example.org', 'password-is-email']] as const) {
      const r = await call(t, admin.token, 'PATCH', `/api/v1/users/${u.id}`, { password });
      expect(r.status, password).toBe(400);
      expect(fieldsOf(r.json)).toEqual([['password', code]]);
    }
    expect((await call(t, null, 'POST', '/api/v1/auth/login', { email: u.email, password: PASSWORD })).status).toBe(200);
    expect((await call(t, admin.token, 'PATCH', `/api/v1/users/${u.id}`, { password: 'Ekspert-vesna-2027' })).status).toBe(200);
    expect((await call(t, null, 'POST', '/api/v1/auth/login', { email: u.email, password: 'Ekspert-vesna-2027' })).status).toBe(200);
  });
});

describe('POST /auth/password', () => {
  it('refuses a weak new password on the field password; the old password and the session stay', async () => {
    const u = await makeUser(t, 'applicant', { email: 'olga.applicant@example.org' });
    for (const [password, codes] of [[' '.repeat(12), ['password-too-short', 'password-repeated']], ['olga.applicant', ['password-is-email']],
      ['qwertyuiopas', ['password-common']]] as const) {
      const r = await call(t, u.token, 'POST', '/api/v1/auth/password', { currentPassword: PASSWORD, password });
      expect(r.status, password).toBe(400);
      expect(fieldsOf(r.json), password).toEqual(codes.map((code) => ['password', code]));
    }
    expect((await call(t, u.token, 'GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await call(t, u.token, 'POST', '/api/v1/auth/password', { currentPassword: PASSWORD, password: 'Olga-new-pass-2027' })).status).toBe(204);
  });
});
