// The admin's outbox (list, filter, pages, one e-mail as sent) and the unsubscribe link (one-click POST, JSON, the
// query): what they answer, and what they refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { emailOutbox, notifications, notificationSettings, users } from '../../src/db/schema/index.js';
import { notify } from '../../src/services/notifications.js';
import { unsubscribeToken } from '../../src/lib/email.js';
import { createTestApp, TEST_SECRET, type TestApp } from '../helper.js';
import { call, makeUser, type TestUser } from '../fixtures.js';
import { MAIL_ENV, outboxRow, queueRows, startSmtp, testWorker, type TestSmtp } from './smtp.js';

let t: TestApp;
let smtp: TestSmtp;
let admin: TestUser;
let organiser: TestUser;
const START = new Date('2027-03-01T09:00:00.000Z');
beforeAll(async () => {
  t = await createTestApp({ now: START, env: MAIL_ENV });
  smtp = await startSmtp();
  admin = await makeUser(t, 'admin');
  organiser = await makeUser(t, 'organiser');
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

describe('GET /admin/outbox', () => {
  it('lists the e-mails newest first, by status, page by page; the admin only', async () => {
    const older = await queueRows(t.db, 3, START);
    const newer = await queueRows(t.db, 2, new Date(START.getTime() + 1000), { kind: 'email-verification' });
    await t.db.update(emailOutbox).set({ status: 'failed', lastError: '550 Mailbox unavailable' }).where(eq(emailOutbox.id, older[0]!));

    const all = await call(t, admin.token, 'GET', '/api/v1/admin/outbox');
    expect(all.status).toBe(200);
    expect(all.json.items.slice(0, 2).map((i: { id: string }) => i.id).sort()).toEqual([...newer].sort());
    expect(all.json.items[0]).toMatchObject({ status: 'queued', attempts: 0, sentAt: null, lastError: null, kind: 'email-verification' });
    expect(Object.keys(all.json.items[0]).sort()).toEqual(['attempts', 'createdAt', 'id', 'kind', 'lastError', 'sentAt', 'status', 'subject', 'to']);

    const failed = await call(t, admin.token, 'GET', '/api/v1/admin/outbox?status=failed');
    expect(failed.json.items.map((i: { id: string; lastError: string }) => [i.id, i.lastError])).toEqual([[older[0], '550 Mailbox unavailable']]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p = await call(t, admin.token, 'GET', `/api/v1/admin/outbox?status=queued&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(p.status).toBe(200);
      seen.push(...p.json.items.map((i: { id: string }) => i.id));
      cursor = p.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen)).toEqual(new Set([...older.slice(1), ...newer]));

    expect((await call(t, organiser.token, 'GET', '/api/v1/admin/outbox')).status).toBe(403);
    expect((await call(t, null, 'GET', '/api/v1/admin/outbox')).status).toBe(401);
  });

  it('refuses a bad status, limit or cursor with a 400 naming the field', async () => {
    const first = (await call(t, admin.token, 'GET', '/api/v1/admin/outbox?limit=1')).json.nextCursor as string;
    expect(first).toBeTruthy();
    for (const [query, path, code] of [
      ['?status=delivered', 'status', undefined], ['?limit=0', 'limit', undefined], ['?limit=abc', 'limit', undefined],
      ['?cursor=nonsense', 'cursor', 'invalid-cursor'], [`?cursor=${encodeURIComponent(first.slice(0, -2) + 'xx')}`, 'cursor', 'invalid-cursor'],
      [`?status=sent&cursor=${encodeURIComponent(first)}`, 'cursor', 'cursor-other-list'],
    ] as const) {
      const r = await call(t, admin.token, 'GET', `/api/v1/admin/outbox${query}`);
      expect([r.status, r.headers['content-type'], r.json.errors?.[0]?.path], query).toEqual([400, 'application/problem+json; charset=utf-8', path]);
      if (code) expect(r.json.errors[0].code).toBe(code);
    }
  });
});

describe('GET /admin/outbox/:id', () => {
  it('shows the text, HTML and link as sent; a secret link while queued, scrubbed once sent', async () => {
    const [id] = await queueRows(t.db, 1, START, {
      kind: 'password-reset', subject: 'Сброс пароля',
      payload: { title: 'Сброс пароля', body: 'Чтобы задать новый пароль, откройте ссылку.', link: '/reset-password?token=abcdefghijklmnopqrstuvwxyz012345', secret: true },
    });
    const queued = await call(t, admin.token, 'GET', `/api/v1/admin/outbox/${id}`);
    expect(queued.status).toBe(200);
    expect(queued.json).toMatchObject({ id, status: 'queued', subject: 'Сброс пароля', link: 'https://konkurs.example.ru/reset-password?token=abcdefghijklmnopqrstuvwxyz012345' });
    expect(queued.json.text).toContain('Чтобы задать новый пароль, откройте ссылку.');
    expect(queued.json.html).toContain('href="https://konkurs.example.ru/reset-password?token=abcdefghijklmnopqrstuvwxyz012345"');

    // Sent through the real SMTP server: what it received is what the admin read.
    await t.db.update(emailOutbox).set({ status: 'sent' }).where(and(eq(emailOutbox.status, 'queued')));
    await t.db.update(emailOutbox).set({ status: 'queued' }).where(eq(emailOutbox.id, id!));
    const w = testWorker(t.db, smtp, { clock: t.clock, config: t.config });
    await w.runOnce();
    await w.stop();
    expect(smtp.received.at(-1)!.mail.text).toBe(queued.json.text);
    expect(smtp.received.at(-1)!.mail.html).toBe(queued.json.html);

    const sent = await call(t, admin.token, 'GET', `/api/v1/admin/outbox/${id}`);
    expect(sent.json).toMatchObject({ status: 'sent', link: null, attempts: 1 });
    expect(sent.json.text).not.toContain('abcdefghijklmnopqrstuvwxyz012345');
    expect(sent.json.text).toContain('Ссылка из этого письма больше не хранится.');
    expect((await outboxRow(t.db, id!)).payload.link).toBe('');
  });

  it('unknown id: 404 in Russian; a malformed id: 400; not the admin: 403', async () => {
    const unknown = await call(t, admin.token, 'GET', '/api/v1/admin/outbox/00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.json.code, unknown.json.detail]).toEqual([404, 'not-found', 'Письмо не найдено']);
    const bad = await call(t, admin.token, 'GET', '/api/v1/admin/outbox/not-an-id');
    expect([bad.status, bad.json.errors?.[0]?.path]).toEqual([400, 'id']);
    expect((await call(t, organiser.token, 'GET', '/api/v1/admin/outbox/00000000-0000-4000-8000-000000000000')).status).toBe(403);
  });
});

describe('POST /notifications/unsubscribe', () => {
  async function verifiedUser() {
    const u = await makeUser(t, 'applicant');
    await t.db.update(users).set({ emailVerifiedAt: START }).where(eq(users.id, u.id));
    return u;
  }
  const notice = (recipients: string[]) => t.db.transaction((tx) => notify(tx, {
    kind: 'results-published', recipients, params: { code: 'КФ-2027', title: 'Конкурс' }, link: '/results/x',
  }, START));
  const mailOf = (userId: string) => t.db.select().from(emailOutbox).where(eq(emailOutbox.userId, userId));

  it('one click from a mail client turns that kind off: the next notice of it comes to the inbox but writes no e-mail', async () => {
    const u = await verifiedUser();
    await notice([u.id]);
    expect(await mailOf(u.id)).toHaveLength(1);

    const token = unsubscribeToken(TEST_SECRET, u.id, 'results-published');
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/unsubscribe?token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect([res.statusCode, res.body]).toEqual([204, '']);
    expect(await t.db.select().from(notificationSettings).where(eq(notificationSettings.userId, u.id))).toEqual([{ userId: u.id, kind: 'results-published', email: false }]);

    await notice([u.id]);
    expect(await mailOf(u.id)).toHaveLength(1);
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, u.id))).toHaveLength(2);

    // Again: still off, still 204. Another kind stays on.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/notifications/unsubscribe?token=${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })).statusCode).toBe(204);
    await t.db.transaction((tx) => notify(tx, { kind: 'screening-decision', recipients: [u.id], params: {}, link: '/x' }, START));
    expect((await mailOf(u.id)).map((r) => r.kind)).toEqual(['results-published', 'screening-decision']);
  });

  it('from the SPA page: the token in a JSON body, with or without signing in; a setting that was on turns off', async () => {
    const u = await verifiedUser();
    await t.db.insert(notificationSettings).values({ userId: u.id, kind: 'review-due', email: true });
    const token = unsubscribeToken(TEST_SECRET, u.id, 'review-due');
    expect((await call(t, null, 'POST', '/api/v1/notifications/unsubscribe', { token })).status).toBe(204);
    expect((await call(t, u.token, 'POST', '/api/v1/notifications/unsubscribe', { token })).status).toBe(204);
    const [setting] = await t.db.select().from(notificationSettings).where(eq(notificationSettings.userId, u.id));
    expect(setting!.email).toBe(false);
  });

  it('a bad token: 400 `token-invalid` naming `token`, and nothing changes', async () => {
    const u = await verifiedUser();
    const good = unsubscribeToken(TEST_SECRET, u.id, 'results-published');
    const cases: [string, { url?: string; body?: unknown; form?: string }][] = [
      ['no token', {}],
      ['an empty JSON body', { body: {} }],
      ['a forged signature', { body: { token: good.slice(0, -3) + 'abc' } }],
      ['another kind', { body: { token: good.replace('results-published', 'review-due') } }],
      ['an unknown kind', { body: { token: `${u.id}.spam.${good.split('.')[2]}` } }],
      ['another user', { body: { token: good.replace(u.id, '00000000-0000-4000-8000-000000000000') } }],
      ['signed by another key', { body: { token: unsubscribeToken('another-secret-0123456789abcdef0123456789', u.id, 'results-published') } }],
      ['not a token at all', { url: '?token=abc' }],
      ['the form without a token', { form: 'List-Unsubscribe=One-Click' }],
    ];
    for (const [name, c] of cases) {
      const res = await t.app.inject({
        method: 'POST', url: `/api/v1/notifications/unsubscribe${c.url ?? ''}`,
        ...(c.form !== undefined ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: c.form } : c.body !== undefined ? { payload: c.body as object } : {}),
      });
      const json = JSON.parse(res.body);
      expect([res.statusCode, json.errors?.[0]?.path, json.errors?.[0]?.code], name).toEqual([400, 'token', 'token-invalid']);
      expect(json.detail, name).toMatch(/[А-Яа-я]/);
    }
    // A signed token of a user who does not exist (the key is right, the account is not there).
    const ghost = unsubscribeToken(TEST_SECRET, '00000000-0000-4000-8000-000000000000', 'results-published');
    expect((await call(t, null, 'POST', '/api/v1/notifications/unsubscribe', { token: ghost })).json.errors?.[0]?.code).toBe('token-invalid');
    // Shapes that are not tokens at all: refused by the schema, naming the field.
    for (const [body, path] of [[{ token: 5 }, 'token'], [{ token: 'x'.repeat(301) }, 'token'], [{ 'List-Unsubscribe': 'Two-Clicks' }, 'List-Unsubscribe']] as const) {
      const r = await call(t, null, 'POST', '/api/v1/notifications/unsubscribe', body);
      expect([r.status, r.json.errors?.[0]?.path], JSON.stringify(body)).toEqual([400, path]);
    }
    expect(await t.db.select().from(notificationSettings).where(eq(notificationSettings.userId, u.id))).toEqual([]);
  });
});
