// Accounts (API.md "Accounts", PRODUCT.md "Accounts and security policy"): a forgotten password reset through a
// link by e-mail (1 hour, single use, the same answer for every e-mail, every session revoked), the address
// confirmed through a link (7 days, single use), the 152-ФЗ consent recorded with its version and time. The links
// are read from the outbox, as the admin of the embedded default reads them.
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '@konkurs/shared';
import { accountTokens, auditEvents, emailOutbox, notifications, users } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { RESET_ANSWER_MS } from '../../src/services/accounts.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, PASSWORD } from '../fixtures.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const V1 = '/api/v1';
const NEW_PASSWORD = 'Osennii-grant-2027';
const consent = { version: CONSENT_VERSION, accepted: true };
let n = 0;
const uniqueEmail = (name: string) => `${name}-${++n}-${Date.now()}@example.org`;

/** The account e-mails sent to an address, oldest first. */
const mailTo = (to: string, kind?: string) => t.db.select().from(emailOutbox)
  .where(and(eq(emailOutbox.toAddress, to), ...(kind ? [eq(emailOutbox.kind, kind as never)] : []))).orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;
const digest = (token: string) => createHash('sha256').update(token).digest('hex');
/**
 * The token of the one e-mail of that kind whose link still works (the clock stands still, so the rows' times do
 * not order them), after checking what every such link looks like.
 */
async function lastToken(to: string, kind: 'password-reset' | 'email-verification') {
  const live: string[] = [];
  for (const row of await mailTo(to, kind)) {
    expect(row.payload.link).toMatch(kind === 'password-reset' ? /^\/reset-password\?token=[A-Za-z0-9_-]{43}$/ : /^\/verify-email\?token=[A-Za-z0-9_-]{43}$/);
    expect(row.payload.secret).toBe(true);
    const token = tokenOf(row.payload.link);
    const [stored] = await t.db.select().from(accountTokens).where(eq(accountTokens.tokenHash, digest(token)));
    if (stored && !stored.usedAt) live.push(token);
  }
  expect(live).toHaveLength(1);
  return live[0];
}
const fieldsOf = (json: { errors?: { path: string; code: string }[] }) => (json.errors ?? []).map((e) => [e.path, e.code]);
const requestReset = (email: string, headers: Record<string, string> = {}) => call(t, null, 'POST', `${V1}/auth/password-reset`, { email }, headers);
const confirmReset = (token: string, password = NEW_PASSWORD) => call(t, null, 'POST', `${V1}/auth/password-reset/confirm`, { token, password });
const login = (email: string, password: string) => call(t, null, 'POST', `${V1}/auth/login`, { email, password });
const register = (body: Record<string, unknown>) => call(t, null, 'POST', `${V1}/auth/register`, { password: PASSWORD, fullName: 'Анна Заявителева', ...body });

describe('POST /auth/password-reset and /confirm', () => {
  it('e-mails a link; the new password works, the old one and every session do not, the link works once', async () => {
    const u = await makeUser(t, 'applicant', { email: uniqueEmail('reset') });
    const other = (await login(u.email, PASSWORD)).json.token as string;

    const asked = await requestReset(u.email.toUpperCase());
    expect(asked).toMatchObject({ status: 202, body: '' });
    const token = await lastToken(u.email, 'password-reset');
    // Only the digest is kept, for an hour.
    const [stored] = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, u.id));
    expect(stored).toMatchObject({ purpose: 'password-reset', tokenHash: digest(token), usedAt: null });
    expect(stored.expiresAt.getTime() - t.clock.now().getTime()).toBe(3_600_000);
    expect(JSON.stringify(await t.db.select().from(accountTokens))).not.toContain(token);

    expect((await confirmReset(token)).status).toBe(204);
    for (const session of [u.token, other]) expect((await call(t, session, 'GET', `${V1}/auth/me`)).status).toBe(401);
    expect((await login(u.email, PASSWORD)).status).toBe(401);
    expect((await login(u.email, NEW_PASSWORD)).status).toBe(200);

    const again = await confirmReset(token, 'Zimnii-grant-2028');
    expect(again.status).toBe(400);
    expect(fieldsOf(again.json)).toEqual([['token', 'token-invalid']]);
    expect(again.json.code).toBe('token-invalid');
    expect(again.json.errors[0].message).toMatch(/запросите новую/);
    expect((await login(u.email, NEW_PASSWORD)).status).toBe(200);

    // The holder is told, and the audit log has it.
    expect((await mailTo(u.email, 'password-changed')).length).toBe(1);
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.password_reset'), eq(auditEvents.entityId, u.id)));
    expect(audit).toMatchObject([{ actorId: u.id, entityType: 'user' }]);
  });

  it('confirms the address of an unconfirmed account (the link proved it)', async () => {
    const email = uniqueEmail('unconfirmed');
    const reg = await register({ email, consent });
    expect((await call(t, reg.json.token, 'GET', `${V1}/auth/me`)).json.emailVerified).toBe(false);
    await requestReset(email);
    expect((await confirmReset(await lastToken(email, 'password-reset'))).status).toBe(204);
    const signedIn = await login(email, NEW_PASSWORD);
    expect((await call(t, signedIn.json.token, 'GET', `${V1}/auth/me`)).json.emailVerified).toBe(true);
  });

  it('a link is good for an hour, then refused as expired', async () => {
    const u = await makeUser(t, 'expert', { email: uniqueEmail('late') });
    await requestReset(u.email);
    const token = await lastToken(u.email, 'password-reset');
    t.clock.advance(3_600_000);
    try {
      const late = await confirmReset(token);
      expect(late.status).toBe(400);
      expect(fieldsOf(late.json)).toEqual([['token', 'token-expired']]);
      expect((await login(u.email, PASSWORD)).status).toBe(200);
    } finally { t.clock.advance(-3_600_000); }

    await requestReset(u.email);
    const fresh = await lastToken(u.email, 'password-reset');
    t.clock.advance(3_600_000 - 1_000);
    try { expect((await confirmReset(fresh)).status).toBe(204); } finally { t.clock.advance(-(3_600_000 - 1_000)); }
  });

  it('a newer link ends the earlier ones, and so does a password change', async () => {
    const u = await makeUser(t, 'applicant', { email: uniqueEmail('twice') });
    await requestReset(u.email);
    const first = await lastToken(u.email, 'password-reset');
    await requestReset(u.email);
    const second = await lastToken(u.email, 'password-reset');
    expect(second).not.toBe(first);
    expect(fieldsOf((await confirmReset(first)).json)).toEqual([['token', 'token-invalid']]);

    const changed = await call(t, u.token, 'POST', `${V1}/auth/password`, { currentPassword: PASSWORD, password: NEW_PASSWORD });
    expect(changed.status).toBe(204);
    expect(fieldsOf((await confirmReset(second)).json)).toEqual([['token', 'token-invalid']]);
    // POST /auth/password tells the holder too.
    expect((await mailTo(u.email, 'password-changed')).length).toBe(1);
  });

  it('an administrator’s new password ends the reset links as well', async () => {
    const admin = await makeUser(t, 'admin');
    const u = await makeUser(t, 'applicant', { email: uniqueEmail('by-admin') });
    await requestReset(u.email);
    const token = await lastToken(u.email, 'password-reset');
    expect((await call(t, admin.token, 'PATCH', `${V1}/users/${u.id}`, { password: NEW_PASSWORD })).status).toBe(200);
    expect(fieldsOf((await confirmReset(token, 'Zimnii-grant-2028')).json)).toEqual([['token', 'token-invalid']]);
    expect((await login(u.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('of two concurrent confirms with one link exactly one succeeds', async () => {
    const u = await makeUser(t, 'applicant', { email: uniqueEmail('race') });
    await requestReset(u.email);
    const token = await lastToken(u.email, 'password-reset');
    const both = await Promise.all([confirmReset(token, 'Pervyi-grant-2027'), confirmReset(token, 'Vtoroi-grant-2027')]);
    expect(both.map((r) => r.status).sort()).toEqual([204, 400]);
    const winner = both[0].status === 204 ? 'Pervyi-grant-2027' : 'Vtoroi-grant-2027';
    const loser = winner === 'Pervyi-grant-2027' ? 'Vtoroi-grant-2027' : 'Pervyi-grant-2027';
    expect((await login(u.email, winner)).status).toBe(200);
    expect((await login(u.email, loser)).status).toBe(401);
    expect((await mailTo(u.email, 'password-changed')).length).toBe(1);
  });

  it('answers an unknown e-mail and a deactivated account the same, and mails nobody', async () => {
    const admin = await makeUser(t, 'admin');
    const gone = await makeUser(t, 'applicant', { email: uniqueEmail('gone') });
    expect((await call(t, admin.token, 'PATCH', `${V1}/users/${gone.id}`, { active: false })).status).toBe(200);
    const known = await makeUser(t, 'applicant', { email: uniqueEmail('known') });
    const unknown = uniqueEmail('nobody');

    const answers = await Promise.all([known.email, unknown, gone.email].map((e) => requestReset(e)));
    const shape = (r: (typeof answers)[number]) => ({ status: r.status, body: r.body, type: r.headers['content-type'] ?? null });
    expect(answers.map(shape)).toEqual([shape(answers[0]), shape(answers[0]), shape(answers[0])]);
    expect(answers[0].status).toBe(202);
    expect((await mailTo(known.email)).length).toBe(1);
    expect(await mailTo(unknown)).toEqual([]);
    expect(await mailTo(gone.email)).toEqual([]);
    expect(await t.db.select().from(accountTokens).where(eq(accountTokens.userId, gone.id))).toEqual([]);
  });

  it('answers in the same time whether or not there is an account (no sooner than RESET_ANSWER_MS)', async () => {
    const known = await makeUser(t, 'applicant', { email: uniqueEmail('timed') });
    const timed = async (email: string) => { const start = performance.now(); await requestReset(email); return performance.now() - start; };
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 8; i++) {
      times.known.push(await timed(known.email));
      times.unknown.push(await timed(uniqueEmail('nobody-timed')));
    }
    for (const d of [...times.known, ...times.unknown]) expect(d).toBeGreaterThanOrEqual(RESET_ANSWER_MS - 1);
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1];
    expect(Math.abs(median(times.known) - median(times.unknown))).toBeLessThan(20);
  });

  it('a link of an account deactivated since is refused', async () => {
    const admin = await makeUser(t, 'admin');
    const u = await makeUser(t, 'applicant', { email: uniqueEmail('deactivated-later') });
    await requestReset(u.email);
    const token = await lastToken(u.email, 'password-reset');
    expect((await call(t, admin.token, 'PATCH', `${V1}/users/${u.id}`, { active: false })).status).toBe(200);
    expect(fieldsOf((await confirmReset(token)).json)).toEqual([['token', 'token-invalid']]);
  });

  it('refuses a new password the policy forbids, on the field password, and the link stays usable', async () => {
    const u = await makeUser(t, 'applicant', { email: 'olga.smirnova.tula@example.org' });
    await requestReset(u.email);
    const token = await lastToken(u.email, 'password-reset');
    for (const [password, code] of [['Short-1', 'password-too-short'], ['123456789012', 'password-common'], ['Olga.Smirnova.Tula@example.org', 'password-is-email']]) {
      const r = await confirmReset(token, password);
      expect(r.status, password).toBe(400);
      expect(fieldsOf(r.json), password).toEqual([['password', code]]);
      expect(r.json.errors[0].message).toMatch(/[А-Яа-яЁё]/);
    }
    expect((await login(u.email, PASSWORD)).status).toBe(200);
    expect((await confirmReset(token)).status).toBe(204);
  });

  it('refuses bad input naming the field, never a 500', async () => {
    for (const [body, paths] of [
      [{}, ['email']], [{ email: 'not-an-e-mail' }, ['email']], [{ email: 5 }, ['email']],
    ] as const) {
      const r = await call(t, null, 'POST', `${V1}/auth/password-reset`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    }
    for (const [body, paths] of [
      [{}, ['token', 'password']], [{ token: 'short', password: NEW_PASSWORD }, ['token']],
      [{ token: 'a'.repeat(42) + '!', password: NEW_PASSWORD }, ['token']], [{ token: 'a'.repeat(43), password: 12 }, ['password']],
    ] as const) {
      const r = await call(t, null, 'POST', `${V1}/auth/password-reset/confirm`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toEqual(paths);
    }
    // Well-formed, but no link of ours.
    const unknown = await confirmReset('A'.repeat(43));
    expect(unknown).toMatchObject({ status: 400, json: { code: 'token-invalid' } });
    expect(fieldsOf(unknown.json)).toEqual([['token', 'token-invalid']]);
    const malformed = await t.app.inject({ method: 'POST', url: `${V1}/auth/password-reset`, headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
  });

  it('says the token problem in English when asked', async () => {
    const r = await call(t, null, 'POST', `${V1}/auth/password-reset/confirm`, { token: 'B'.repeat(43), password: NEW_PASSWORD }, { 'accept-language': 'en' });
    expect(r.json.errors).toEqual([{ path: 'token', code: 'token-invalid', message: 'The link is not valid or has already been used; request a new one' }]);
  });
});

describe('POST /auth/verify-email and /resend', () => {
  it('sign-up mails a confirmation link; it confirms once, in the user’s language', async () => {
    const email = uniqueEmail('verify');
    const reg = await register({ email, consent });
    expect(reg.status).toBe(201);
    const [mail] = await mailTo(email);
    expect(mail).toMatchObject({ kind: 'email-verification', language: 'ru', status: 'queued', userId: reg.json.user.id });
    const token = await lastToken(email, 'email-verification');
    expect((await call(t, reg.json.token, 'GET', `${V1}/auth/me`)).json.emailVerified).toBe(false);

    const ok = await call(t, null, 'POST', `${V1}/auth/verify-email`, { token });
    expect(ok).toMatchObject({ status: 204, body: '' });
    expect((await call(t, reg.json.token, 'GET', `${V1}/auth/me`)).json.emailVerified).toBe(true);
    const [row] = await t.db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, reg.json.user.id));
    expect(row.at?.toISOString()).toBe(t.clock.now().toISOString());

    const again = await call(t, null, 'POST', `${V1}/auth/verify-email`, { token });
    expect(again.status).toBe(400);
    expect(fieldsOf(again.json)).toEqual([['token', 'token-invalid']]);
  });

  it('a confirmation link is good for 7 days; resend mails a new one and ends the old', async () => {
    const email = uniqueEmail('week');
    const reg = await register({ email, consent });
    const first = await lastToken(email, 'email-verification');
    expect((await call(t, reg.json.token, 'POST', `${V1}/auth/verify-email/resend`)).status).toBe(202);
    const second = await lastToken(email, 'email-verification');
    expect(second).not.toBe(first);
    expect(fieldsOf((await call(t, null, 'POST', `${V1}/auth/verify-email`, { token: first })).json)).toEqual([['token', 'token-invalid']]);

    t.clock.advance(7 * 86_400_000);
    try {
      const late = await call(t, null, 'POST', `${V1}/auth/verify-email`, { token: second });
      expect(fieldsOf(late.json)).toEqual([['token', 'token-expired']]);
    } finally { t.clock.advance(-7 * 86_400_000); }
    expect((await call(t, null, 'POST', `${V1}/auth/verify-email`, { token: second })).status).toBe(204);

    // Confirmed: a resend mails nothing.
    const before = (await mailTo(email)).length;
    expect((await call(t, reg.json.token, 'POST', `${V1}/auth/verify-email/resend`)).status).toBe(202);
    expect((await mailTo(email)).length).toBe(before);
  });

  it('accounts opened by staff, the admin and test users count as confirmed', async () => {
    const admin = await makeUser(t, 'admin');
    const operator = await makeOperator(t);
    const email = uniqueEmail('staff');
    const made = await call(t, admin.token, 'POST', `${V1}/users`, { email, password: PASSWORD, fullName: 'Организатор', role: 'organiser', operatorId: operator.id });
    expect(made.status).toBe(201);
    expect(await mailTo(email)).toEqual([]);
    const me = await call(t, (await login(email, PASSWORD)).json.token, 'GET', `${V1}/auth/me`);
    expect(me.json).toMatchObject({ emailVerified: true, consentRequired: false });
  });

  it('refuses bad input naming the field; resend needs a session', async () => {
    for (const body of [{}, { token: 7 }, { token: 'x y'.repeat(10) }]) {
      const r = await call(t, null, 'POST', `${V1}/auth/verify-email`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['token']);
    }
    expect((await call(t, null, 'POST', `${V1}/auth/verify-email/resend`)).status).toBe(401);
  });
});

describe('an unconfirmed address (docs/SECURITY.md)', () => {
  it('may submit before the deadline; its notices reach the inbox but no e-mail goes to it until it is confirmed', async () => {
    const email = uniqueEmail('unconfirmed-applicant');
    const reg = await register({ email, consent });
    const user = reg.json.user as { id: string };
    const operator = await makeOperator(t);
    const comp = await makeCompetition(t, operator.id);
    const org = await makeOrganization(t, user.id);
    const first = await makeApplication(t, comp, org.id, user.id);
    expect((await call(t, reg.json.token, 'POST', `${V1}/applications/${first.id}/submit`)).status).toBe(200);
    const inbox = await t.db.select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.kind, 'application-submitted')));
    expect(inbox).toHaveLength(1);
    expect((await mailTo(email)).map((m) => m.kind)).toEqual(['email-verification']);

    await call(t, null, 'POST', `${V1}/auth/verify-email`, { token: await lastToken(email, 'email-verification') });
    const second = await makeApplication(t, comp, org.id, user.id);
    expect((await call(t, reg.json.token, 'POST', `${V1}/applications/${second.id}/submit`)).status).toBe(200);
    expect((await mailTo(email)).map((m) => m.kind).sort()).toEqual(['application-submitted', 'email-verification']);
  });
});

describe('consent (152-ФЗ)', () => {
  it('records the version and time of a sign-up’s consent', async () => {
    const email = uniqueEmail('consent');
    const reg = await register({ email, consent });
    expect(reg.status).toBe(201);
    const [row] = await t.db.select({ version: users.consentVersion, at: users.consentAt }).from(users).where(eq(users.id, reg.json.user.id));
    expect(row).toEqual({ version: CONSENT_VERSION, at: t.clock.now() });
    expect((await call(t, reg.json.token, 'GET', `${V1}/auth/me`)).json.consentRequired).toBe(false);
  });

  it('refuses a consent not accepted or of another text, and makes no account', async () => {
    for (const [given, path, code] of [
      [{ version: CONSENT_VERSION, accepted: false }, 'consent.accepted', undefined],
      [{ version: CONSENT_VERSION }, 'consent.accepted', undefined],
      [{ version: '2020-01-01', accepted: true }, 'consent.version', 'consent-outdated'],
      [{ accepted: true }, 'consent.version', undefined],
    ] as const) {
      const email = uniqueEmail('refused');
      const r = await register({ email, consent: given });
      expect(r.status, JSON.stringify(given)).toBe(400);
      expect(r.json.errors.map((e: { path: string }) => e.path), JSON.stringify(given)).toEqual([path]);
      if (code) expect(r.json.errors[0]).toMatchObject({ code, message: expect.stringMatching(/согласия/) });
      expect((await login(email, PASSWORD)).status).toBe(401);
    }
  });

  it('asks for consent after a sign-up without it (a v1 client) until POST /auth/consent records it', async () => {
    const email = uniqueEmail('v1');
    const reg = await register({ email });
    expect(reg.status).toBe(201);
    expect((await call(t, reg.json.token, 'GET', `${V1}/auth/me`)).json.consentRequired).toBe(true);

    const old = await call(t, reg.json.token, 'POST', `${V1}/auth/consent`, { consent: { version: '2020-01-01', accepted: true } });
    expect(old.status).toBe(400);
    expect(fieldsOf(old.json)).toEqual([['consent.version', 'consent-outdated']]);
    const declined = await call(t, reg.json.token, 'POST', `${V1}/auth/consent`, { consent: { version: CONSENT_VERSION, accepted: false } });
    expect(fieldsOf(declined.json).map(([p]) => p)).toEqual(['consent.accepted']);
    for (const body of [{}, { consent: 'yes' }]) expect((await call(t, reg.json.token, 'POST', `${V1}/auth/consent`, body)).status).toBe(400);
    expect((await call(t, reg.json.token, 'GET', `${V1}/auth/me`)).json.consentRequired).toBe(true);

    t.clock.advance(60_000);
    try {
      expect((await call(t, reg.json.token, 'POST', `${V1}/auth/consent`, { consent })).status).toBe(204);
      const [row] = await t.db.select({ version: users.consentVersion, at: users.consentAt }).from(users).where(eq(users.id, reg.json.user.id));
      expect(row).toEqual({ version: CONSENT_VERSION, at: t.clock.now() });
    } finally { t.clock.advance(-60_000); }
    expect((await call(t, reg.json.token, 'GET', `${V1}/auth/me`)).json.consentRequired).toBe(false);
    const audit = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.consent_given'), eq(auditEvents.entityId, reg.json.user.id)));
    expect(audit).toMatchObject([{ after: { consentVersion: CONSENT_VERSION } }]);
    expect((await call(t, null, 'POST', `${V1}/auth/consent`, { consent })).status).toBe(401);
  });

  it('GET /legal/consent: the text in force, in Russian unless English is asked for', async () => {
    const ru = await call(t, null, 'GET', `${V1}/legal/consent`);
    expect(ru.status).toBe(200);
    expect(ru.json).toMatchObject({ version: CONSENT_VERSION, title: 'Согласие на обработку персональных данных' });
    for (const words of ['152-ФЗ', 'статьёй 9', 'оператор', 'адрес электронной почты', 'номер телефона', 'экспертиза', 'отозвать']) expect(ru.json.text).toContain(words);
    const en = await call(t, null, 'GET', `${V1}/legal/consent`, undefined, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.json).toMatchObject({ version: CONSENT_VERSION, title: 'Consent to the processing of personal data' });
    expect(en.json.text).toContain('152-ФЗ');
    expect(en.json.text).not.toMatch(/[а-яё]{4}/);
    expect([ru.headers['content-language'], en.headers['content-language']]).toEqual(['ru', 'en']);
    expect(en.headers.vary).toMatch(/accept-language/i);
  });
});

describe('limits', () => {
  let limited: TestApp;
  beforeAll(async () => { limited = await createTestApp({ env: { LOGIN_RATE_LIMIT: '2' } }); });
  afterAll(async () => { await limited?.close(); });
  const ask = (email: string, ip = '203.0.113.7') =>
    limited.app.inject({ method: 'POST', url: `${V1}/auth/password-reset`, payload: { email }, remoteAddress: ip });

  it('reset requests are limited per e-mail and per client address (429 with Retry-After)', async () => {
    const victim = 'victim@example.org';
    expect((await ask(victim, '198.51.100.1')).statusCode).toBe(202);
    expect((await ask(victim, '198.51.100.2')).statusCode).toBe(202);
    const third = await ask(victim, '198.51.100.3');
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(third.body).code).toBe('rate-limited');

    expect((await ask('a@example.org')).statusCode).toBe(202);
    expect((await ask('b@example.org')).statusCode).toBe(202);
    expect((await ask('c@example.org')).statusCode).toBe(429);
    limited.clock.advance(60_000);
    expect((await ask('c@example.org')).statusCode).toBe(202);
  });

  it('confirmation e-mails are limited per account', async () => {
    const u = await makeUser(limited, 'applicant');
    const resend = () => call(limited, u.token, 'POST', `${V1}/auth/verify-email/resend`);
    expect((await resend()).status).toBe(202);
    expect((await resend()).status).toBe(202);
    expect((await resend()).status).toBe(429);
  });
});
