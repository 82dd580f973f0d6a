// The inbox of whoever is signed in: their notices newest first with a keyset cursor, the unread filter and count,
// marking one or all read, and the e-mail switches with the language. Another user's notice does not exist for them
// (404, never listed), and every bad input is a 400 naming its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { NOTIFICATION_KINDS } from '@konkurs/shared';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeUser, type TestUser } from '../fixtures.js';
import { notificationSettings, users } from '../../src/db/schema/index.js';
import { notify } from '../../src/services/notifications.js';

const T0 = new Date('2027-02-01T15:00:00.000Z');
const V1 = '/api/v1';

let t: TestApp;
let me: TestUser; let other: TestUser;
const ids: string[] = [];

async function tell(user: TestUser, number: string, at: Date) {
  await t.db.transaction((tx) => notify(tx, {
    kind: 'screening-decision', recipients: [user.id], params: { number, title: 'Проект', decision: 'admit' },
    link: `/applicant/applications/${number}`,
  }, at));
}

beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  [me, other] = await Promise.all([makeUser(t, 'applicant'), makeUser(t, 'expert')]);
  // Five notices a minute apart (two at the same instant: the id breaks the tie), and one of someone else's.
  for (let i = 0; i < 5; i++) await tell(me, `N-${i}`, new Date(T0.getTime() + Math.min(i, 3) * 60_000));
  await tell(other, 'THEIRS', T0);
  const page = await call(t, me.token, 'GET', `${V1}/notifications?limit=50`);
  ids.push(...page.json.items.map((n: { id: string }) => n.id));
});
afterAll(async () => { await t?.close(); });

describe('GET /notifications', () => {
  it('lists one\'s own notices newest first, page by page, never another user\'s', async () => {
    const all = await call(t, me.token, 'GET', `${V1}/notifications`);
    expect(all.status).toBe(200);
    expect(all.headers['cache-control']).toContain('no-store');
    expect(all.json.items).toHaveLength(5);
    expect(all.json.nextCursor).toBeNull();
    const first = all.json.items[0];
    expect(first).toEqual({
      id: expect.any(String), kind: 'screening-decision', title: expect.stringMatching(/^Заявка № N-[34] допущена к экспертизе$/),
      body: expect.stringContaining('допущена к экспертизе'), link: expect.stringMatching(/^\/applicant\/applications\/N-[34]$/),
      createdAt: '2027-02-01T15:03:00.000Z', readAt: null,
    });
    const times = all.json.items.map((n: { createdAt: string }) => n.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.body).not.toContain('THEIRS');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(t, me.token, 'GET', `${V1}/notifications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.json.items.map((n: { id: string }) => n.id));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('refuses bad input naming the field', async () => {
    for (const [query, field] of [['unread=maybe', 'unread'], ['limit=0', 'limit'], ['limit=501', 'limit'], ['cursor=forged.cursor', 'cursor']] as const) {
      const res = await call(t, me.token, 'GET', `${V1}/notifications?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json.errors.map((e: { path: string }) => e.path), query).toContain(field);
    }
    // A cursor of the unread list is not one of the whole list.
    const unread = await call(t, me.token, 'GET', `${V1}/notifications?unread=true&limit=1`);
    const res = await call(t, me.token, 'GET', `${V1}/notifications?limit=1&cursor=${encodeURIComponent(unread.json.nextCursor)}`);
    expect(res.status).toBe(400);
    expect(res.json.errors[0]).toMatchObject({ path: 'cursor', code: 'cursor-other-list' });
    expect((await call(t, null, 'GET', `${V1}/notifications`)).status).toBe(401);
  });
});

describe('reading', () => {
  it('marks one read (204, once), counts the unread, filters by it; another user\'s notice is a 404', async () => {
    expect((await call(t, me.token, 'GET', `${V1}/notifications/unread-count`)).json).toEqual({ count: 5 });
    const res = await call(t, me.token, 'POST', `${V1}/notifications/${ids[1]}/read`);
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    const [again] = [await call(t, me.token, 'POST', `${V1}/notifications/${ids[1]}/read`)];
    expect(again.status).toBe(204);
    expect((await call(t, me.token, 'GET', `${V1}/notifications/unread-count`)).json).toEqual({ count: 4 });
    const unread = await call(t, me.token, 'GET', `${V1}/notifications?unread=true`);
    expect(unread.json.items.map((n: { id: string }) => n.id)).toEqual(ids.filter((id) => id !== ids[1]));
    const read = await call(t, me.token, 'GET', `${V1}/notifications?unread=false`);
    expect(read.json.items).toEqual([expect.objectContaining({ id: ids[1], readAt: T0.toISOString() })]);

    // Someone else's notice, as the other user sees it: not there.
    const theirs = (await call(t, other.token, 'GET', `${V1}/notifications`)).json.items[0].id;
    const foreign = await call(t, me.token, 'POST', `${V1}/notifications/${theirs}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.json).toMatchObject({ code: 'not-found', detail: 'Уведомление не найдено' });
    expect((await call(t, other.token, 'GET', `${V1}/notifications/unread-count`)).json).toEqual({ count: 1 });
    const bad = await call(t, me.token, 'POST', `${V1}/notifications/not-a-uuid/read`);
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('id');
  });

  it('marks all one\'s own read, and nobody else\'s', async () => {
    t.clock.advance(60_000);
    expect((await call(t, me.token, 'POST', `${V1}/notifications/read-all`)).status).toBe(204);
    expect((await call(t, me.token, 'GET', `${V1}/notifications/unread-count`)).json).toEqual({ count: 0 });
    expect((await call(t, me.token, 'GET', `${V1}/notifications?unread=true`)).json.items).toEqual([]);
    // The one read before keeps its time.
    const read = await call(t, me.token, 'GET', `${V1}/notifications?unread=false&limit=50`);
    expect(read.json.items.find((n: { id: string }) => n.id === ids[1]).readAt).toBe(T0.toISOString());
    expect((await call(t, other.token, 'GET', `${V1}/notifications/unread-count`)).json).toEqual({ count: 1 });
  });
});

describe('notification settings', () => {
  it('answers every kind on by default and the language; changes only the kinds given', async () => {
    const res = await call(t, me.token, 'GET', `${V1}/notification-settings`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ email: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])), language: 'ru' });

    const put = await call(t, me.token, 'PUT', `${V1}/notification-settings`, { email: { 'review-due': false, 'results-published': false } });
    expect(put.status).toBe(200);
    expect(put.json.email).toMatchObject({ 'review-due': false, 'results-published': false, 'application-submitted': true });
    const back = await call(t, me.token, 'PUT', `${V1}/notification-settings`, { email: { 'results-published': true }, language: 'en' });
    expect(back.json).toMatchObject({ language: 'en', email: { 'review-due': false, 'results-published': true } });
    const [user] = await t.db.select({ language: users.language }).from(users).where(eq(users.id, me.id));
    expect(user!.language).toBe('en');
    const stored = await t.db.select().from(notificationSettings).where(eq(notificationSettings.userId, me.id));
    expect(stored.map((s) => [s.kind, s.email]).sort()).toEqual([['results-published', true], ['review-due', false]]);
    // Another user's settings are untouched.
    expect((await call(t, other.token, 'GET', `${V1}/notification-settings`)).json.email['review-due']).toBe(true);
    // An empty body changes nothing.
    expect((await call(t, me.token, 'PUT', `${V1}/notification-settings`, {})).json).toEqual(back.json);
  });

  it('refuses an unknown kind, a non-boolean switch and an unknown language, naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ email: { 'no-such-kind': true } }, 'email'],
      [{ email: { 'review-due': 'yes' } }, 'email.review-due'],
      [{ email: [] }, 'email'],
      [{ language: 'de' }, 'language'],
    ];
    for (const [body, field] of cases) {
      const res = await call(t, me.token, 'PUT', `${V1}/notification-settings`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json.errors.map((e: { path: string }) => e.path).some((p: string) => p === field || p.startsWith(`${field}.`)), `${JSON.stringify(body)} ${res.body}`).toBe(true);
      expect(res.json.detail).toMatch(/[А-Яа-яЁё]/);
    }
    const notJson = await t.app.inject({ method: 'PUT', url: `${V1}/notification-settings`, headers: { authorization: `Bearer ${me.token}`, 'content-type': 'application/json' }, payload: '{' });
    expect(notJson.statusCode).toBe(400);
    expect((await call(t, me.token, 'GET', `${V1}/notification-settings`)).json.language).toBe('en');
  });
});
