import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { competitions } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeCompetition, makeOperator, makeUser, type TestUser } from '../fixtures.js';

let t: TestApp;
let op: { id: string };
let organiser: TestUser;
let otherOrganiser: TestUser;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  op = await makeOperator(t);
  organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  otherOrganiser = await makeUser(t, 'organiser', { operatorId: (await makeOperator(t)).id });
  admin = await makeUser(t, 'admin');
});
afterAll(async () => { await t?.close(); });

let n = 0;
function input(extra: Record<string, unknown> = {}) {
  const now = t.clock.now().getTime();
  return {
    code: `KLG-${++n}`, title: 'Губернаторский конкурс', description: 'Поддержка НКО', operatorId: op.id, directionCodes: ['youth', 'culture'],
    regionCodes: ['40'], opensAt: new Date(now + 86_400_000).toISOString(), closesAt: new Date(now + 30 * 86_400_000).toISOString(),
    budgetKopecks: 100_000_000, minGrantKopecks: 1_000_000, maxGrantKopecks: 50_000_000, maxProjectMonths: 12, minCofinancingPercent: 10,
    reviewersPerApplication: 2, divergenceThreshold: 30, passMark: 60, oneWinPerOrganization: true, maxApplicationsPerOrganization: 2,
    requiredAttachmentKinds: ['charter'], ...extra,
  };
}
const paths = (r: { json: { errors?: { path: string }[] } }) => [...new Set((r.json.errors ?? []).map((e) => e.path))].sort();
const create = async (extra: Record<string, unknown> = {}, token = organiser.token) => call(t, token, 'POST', '/api/v1/competitions', input(extra));

describe('POST /competitions', () => {
  it('creates a draft with the default criteria, the operator name, audited', async () => {
    const r = await create();
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'draft', version: 1, operatorId: op.id, timezone: 'Europe/Moscow', requiredAttachmentKinds: ['charter'] });
    expect(r.json.operatorName).toMatch(/^Оператор/);
    expect(r.json.criteria).toHaveLength(10);
    expect(r.json.criteria[0]).toMatchObject({ code: 'K1', weight: 1, maxScore: 10 });
    const audit = await call(t, admin.token, 'GET', `/api/v1/audit?entityType=competition&entityId=${r.json.id}`);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['competition.created']);
  });

  it('takes the criteria given, in order, with defaults for description and commentRequired', async () => {
    const r = await create({ criteria: [{ code: 'A', title: 'Актуальность', weight: 2, maxScore: 10 }, { code: 'B', title: 'Бюджет', weight: 1, maxScore: 5, commentRequired: true }] });
    expect(r.json.criteria).toEqual([
      { code: 'A', title: 'Актуальность', description: '', weight: 2, maxScore: 10, commentRequired: false },
      { code: 'B', title: 'Бюджет', description: '', weight: 1, maxScore: 5, commentRequired: true },
    ]);
  });

  it('lets the admin create for any operator; refuses an unknown operator (400)', async () => {
    expect((await create({}, admin.token)).status).toBe(201);
    const r = await create({ operatorId: '00000000-0000-4000-8000-000000000000' }, admin.token);
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['operatorId']);
  });

  it('names every bad setting (400), the cross-field ones too', async () => {
    const now = t.clock.now().getTime();
    const r = await create({ closesAt: new Date(now).toISOString(), minGrantKopecks: 60_000_000, maxGrantKopecks: 50_000_000, directionCodes: ['youth', 'youth'],
      criteria: [{ code: 'A', title: 'x', weight: 1, maxScore: 10 }, { code: 'A', title: 'y', weight: 1, maxScore: 10 }] });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['closesAt', 'criteria.1.code', 'directionCodes', 'maxGrantKopecks']);
    const typed = await create({ budgetKopecks: 1.5, directionCodes: ['nope'], code: 'lower case', opensAt: 'tomorrow', timezone: 'Mars/Olympus', requiredAttachmentKinds: ['passport'] });
    expect(paths(typed)).toEqual(['budgetKopecks', 'code', 'directionCodes.0', 'opensAt', 'requiredAttachmentKinds.0', 'timezone']);
    const missing = await call(t, organiser.token, 'POST', '/api/v1/competitions', { code: 'X1' });
    expect(missing.status).toBe(400);
    expect(paths(missing)).toContain('title');
    expect(paths(await create({ title: 'я'.repeat(301) }))).toEqual(['title']);
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/competitions', headers: { authorization: `Bearer ${organiser.token}`, 'content-type': 'application/json' }, payload: '[' });
    expect(malformed.statusCode).toBe(400);
  });

  it('refuses a code in use (409), another operator (403), other roles (403), no token (401)', async () => {
    const first = await create();
    const dup = await create({ code: first.json.code });
    expect(dup.status).toBe(409);
    expect(paths(dup)).toEqual(['code']);
    expect((await create({}, otherOrganiser.token)).status).toBe(403);
    for (const role of ['applicant', 'expert', 'official'] as const) {
      const u = await makeUser(t, role, { operatorId: role === 'official' ? op.id : null });
      expect((await create({}, u.token)).status).toBe(403);
    }
    expect((await call(t, null, 'POST', '/api/v1/competitions', input())).status).toBe(401);
  });
});

describe('GET /competitions', () => {
  it('shows the public the open and published ones; staff their operator’s at every stage', async () => {
    const draft = (await create()).json.id;
    const open = (await makeCompetition(t, op.id, { status: 'open' })).id;
    const review = (await makeCompetition(t, op.id, { status: 'review' })).id;
    const published = (await makeCompetition(t, op.id, { status: 'published' })).id;
    const ids = async (token: string | null, q = '') => (await call(t, token, 'GET', `/api/v1/competitions?limit=500${q}`)).json.items.map((c: { id: string }) => c.id);
    const pub = await ids(null);
    expect(pub).toEqual(expect.arrayContaining([open, published]));
    expect(pub).not.toContain(draft);
    expect(pub).not.toContain(review);
    expect(await ids(organiser.token)).toEqual(expect.arrayContaining([draft, open, review, published]));
    const other = await ids(otherOrganiser.token);
    expect(other).toContain(open);
    expect(other).not.toContain(draft);
    expect(await ids(admin.token, '&status=draft')).toContain(draft);
    expect(await ids(null, '&status=open')).toEqual(expect.arrayContaining([open]));
    expect(await ids(null, '&status=draft')).toEqual([]);
    expect((await call(t, null, 'GET', '/api/v1/competitions?status=nope')).status).toBe(400);
  });

  it('pages with an opaque cursor, newest first; a forged cursor is a 400', async () => {
    const other = await makeOperator(t);
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await makeCompetition(t, other.id, { status: 'open' })).id);
    const first = await call(t, null, 'GET', `/api/v1/competitions?operatorId=${other.id}&limit=2`);
    expect(first.json.items.map((c: { id: string }) => c.id)).toEqual([made[2], made[1]]);
    expect(first.json.items[0].criteria).toHaveLength(10);
    const second = await call(t, null, 'GET', `/api/v1/competitions?operatorId=${other.id}&limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json).toEqual({ items: [expect.objectContaining({ id: made[0] })], nextCursor: null });
    const forged = await call(t, null, 'GET', '/api/v1/competitions?cursor=WyJ4Il0.abc');
    expect(forged.status).toBe(400);
    expect(paths(forged)).toEqual(['cursor']);
  });
});

describe('GET /competitions/:id', () => {
  it('hides a draft from the public and other operators (404)', async () => {
    const id = (await create()).json.id;
    expect((await call(t, organiser.token, 'GET', `/api/v1/competitions/${id}`)).json).toMatchObject({ id, status: 'draft' });
    expect((await call(t, null, 'GET', `/api/v1/competitions/${id}`)).status).toBe(404);
    expect((await call(t, otherOrganiser.token, 'GET', `/api/v1/competitions/${id}`)).status).toBe(404);
    const open = await makeCompetition(t, op.id);
    expect((await call(t, null, 'GET', `/api/v1/competitions/${open.id}`)).json).toMatchObject({ id: open.id, status: 'open' });
    expect((await call(t, null, 'GET', '/api/v1/competitions/123')).status).toBe(400);
  });

  it('shows an expert the competitions whose pool they are in', async () => {
    const expert = await makeUser(t, 'expert');
    const comp = await makeCompetition(t, op.id, { status: 'review', experts: [expert.id] });
    const hidden = await makeCompetition(t, op.id, { status: 'review' });
    expect((await call(t, expert.token, 'GET', `/api/v1/competitions/${comp.id}`)).status).toBe(200);
    expect((await call(t, expert.token, 'GET', `/api/v1/competitions/${hidden.id}`)).status).toBe(404);
  });
});

describe('PATCH /competitions/:id', () => {
  it('edits a draft with its version, keeps what is not sent, replaces criteria; a stale version is a 412', async () => {
    const c = (await create()).json;
    const r = await call(t, organiser.token, 'PATCH', `/api/v1/competitions/${c.id}`, { version: 1, title: 'Новое название', criteria: [{ code: 'Q', title: 'Качество', weight: 1, maxScore: 10 }] });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ version: 2, title: 'Новое название', description: 'Поддержка НКО', regionCodes: ['40'], requiredAttachmentKinds: ['charter'], reviewersPerApplication: 2 });
    expect(r.json.criteria.map((k: { code: string }) => k.code)).toEqual(['Q']);
    const stale = await call(t, organiser.token, 'PATCH', `/api/v1/competitions/${c.id}`, { version: 1, title: 'Устаревшее' });
    expect(stale.status).toBe(412);
    expect((await call(t, organiser.token, 'GET', `/api/v1/competitions/${c.id}`)).json.title).toBe('Новое название');
    const audit = await call(t, admin.token, 'GET', `/api/v1/audit?entityType=competition&entityId=${c.id}`);
    expect(audit.json.items[0]).toMatchObject({ action: 'competition.updated', before: { title: 'Губернаторский конкурс' } });
  });

  it('checks the merged settings (400) and refuses unknown fields and a missing version', async () => {
    const c = (await create()).json;
    const r = await call(t, organiser.token, 'PATCH', `/api/v1/competitions/${c.id}`, { version: 1, minGrantKopecks: 60_000_000 });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(['maxGrantKopecks']);
    const early = await call(t, organiser.token, 'PATCH', `/api/v1/competitions/${c.id}`, { version: 1, closesAt: new Date(Date.parse(c.opensAt) - 1000).toISOString() });
    expect(paths(early)).toEqual(['closesAt']);
    expect(paths(await call(t, organiser.token, 'PATCH', `/api/v1/competitions/${c.id}`, { title: 'x' }))).toEqual(['version']);
    expect(paths(await call(t, organiser.token, 'PATCH', `/api/v1/competitions/${c.id}`, { version: 1, operatorId: op.id }))).toEqual(['body']);
    expect((await call(t, organiser.token, 'PATCH', `/api/v1/competitions/${c.id}`, { version: 1, code: 'lower' })).status).toBe(400);
    const taken = await call(t, organiser.token, 'PATCH', `/api/v1/competitions/${c.id}`, { version: 1, code: (await create()).json.code });
    expect(taken.status).toBe(409);
    expect(paths(taken)).toEqual(['code']);
    expect((await call(t, organiser.token, 'PATCH', `/api/v1/competitions/${c.id}`, { version: 1, code: 'RENAMED-1' })).json.code).toBe('RENAMED-1');
  });

  it('freezes the rules once open: criteria and settings 409, texts and a later closing allowed', async () => {
    const comp = await makeCompetition(t, op.id, { status: 'open' });
    const url = `/api/v1/competitions/${comp.id}`;
    const crit = await call(t, organiser.token, 'PATCH', url, { version: 1, criteria: [{ code: 'Q', title: 'Q', weight: 1, maxScore: 10 }] });
    expect(crit.status).toBe(409);
    expect(paths(crit)).toEqual(['criteria']);
    const rules = await call(t, organiser.token, 'PATCH', url, { version: 1, directionCodes: ['youth'], maxGrantKopecks: 1_000_000 });
    expect(rules.status).toBe(409);
    expect(paths(rules)).toEqual(['directionCodes', 'maxGrantKopecks']);
    const earlier = await call(t, organiser.token, 'PATCH', url, { version: 1, closesAt: new Date(comp.closesAt.getTime() - 1000).toISOString() });
    expect(earlier.status).toBe(409);
    const later = await call(t, organiser.token, 'PATCH', url, { version: 1, title: 'Продлён', closesAt: new Date(comp.closesAt.getTime() + 86_400_000).toISOString() });
    expect(later.status).toBe(200);
    expect(later.json).toMatchObject({ version: 2, title: 'Продлён', closesAt: new Date(comp.closesAt.getTime() + 86_400_000).toISOString() });
  });

  it('is for the competition’s own organiser or the admin', async () => {
    const comp = await makeCompetition(t, op.id, { status: 'draft' });
    expect((await call(t, otherOrganiser.token, 'PATCH', `/api/v1/competitions/${comp.id}`, { version: 1, title: 'x' })).status).toBe(404);
    const applicant = await makeUser(t, 'applicant');
    expect((await call(t, applicant.token, 'PATCH', `/api/v1/competitions/${comp.id}`, { version: 1, title: 'x' })).status).toBe(403);
    expect((await call(t, admin.token, 'PATCH', `/api/v1/competitions/${comp.id}`, { version: 1, title: 'x' })).status).toBe(200);
    expect((await call(t, organiser.token, 'PATCH', '/api/v1/competitions/00000000-0000-4000-8000-000000000000', { version: 1, title: 'x' })).status).toBe(404);
  });
});

describe('competition lifecycle', () => {
  it('opens, starts the review after closing, publishes once decided, archives; 409 from a wrong status', async () => {
    const now = t.clock.now().getTime();
    const c = (await create({ opensAt: new Date(now - 1000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString() })).json;
    const go = (path: string, token = organiser.token) => call(t, token, 'POST', `/api/v1/competitions/${c.id}/${path}`);
    expect((await go('start-review')).status).toBe(409);
    const opened = await go('open');
    expect(opened.status).toBe(200);
    expect(opened.json).toMatchObject({ status: 'open', version: 2 });
    expect((await go('open')).status).toBe(409);
    const early = await go('start-review');
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ code: 'review-too-early', params: { closesAt: c.closesAt, timezone: 'Europe/Moscow' } });
    t.clock.set(Date.parse(c.closesAt));
    try {
      expect((await go('start-review')).json.status).toBe('review');
    } finally { t.clock.set(Date.now()); }
    expect((await go('publish')).status).toBe(409);
    await t.db.update(competitions).set({ status: 'decided' }).where(eq(competitions.id, c.id));
    expect((await go('publish')).json.status).toBe('published');
    const [row] = await t.db.select().from(competitions).where(eq(competitions.id, c.id));
    expect(row.publishedAt).not.toBeNull();
    expect((await go('archive')).json.status).toBe('archived');
    expect((await go('archive')).status).toBe(409);
    const audit = await call(t, admin.token, 'GET', `/api/v1/audit?entityType=competition&entityId=${c.id}`);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['competition.archived', 'competition.published', 'competition.review', 'competition.open', 'competition.created']);
  });

  it('will not open a competition whose closing time has passed; other operators get 404, other roles 403', async () => {
    const past = await makeCompetition(t, op.id, { status: 'draft', closesAt: new Date(t.clock.now().getTime() - 1000), opensAt: new Date(t.clock.now().getTime() - 86_400_000) });
    expect((await call(t, organiser.token, 'POST', `/api/v1/competitions/${past.id}/open`)).status).toBe(409);
    expect((await call(t, otherOrganiser.token, 'POST', `/api/v1/competitions/${past.id}/open`)).status).toBe(404);
    const official = await makeUser(t, 'official', { operatorId: op.id });
    expect((await call(t, official.token, 'POST', `/api/v1/competitions/${past.id}/open`)).status).toBe(403);
    expect((await call(t, null, 'POST', `/api/v1/competitions/${past.id}/open`)).status).toBe(401);
  });
});

describe('refusals by code, in the caller’s language', () => {
  const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
  const send = (method: 'POST' | 'PATCH', url: string, body?: object, lang?: string) =>
    call(t, organiser.token, method, url, body, lang ? { 'accept-language': lang } : {});

  it('start-review too early: the closing time in the competition’s zone, no ISO instant; English when asked', async () => {
    const closesAt = new Date(Date.UTC(2026, 11, 31, 7, 30));
    const comp = await makeCompetition(t, op.id, { status: 'open', opensAt: new Date(t.clock.now().getTime() - 1000), closesAt });
    const ru = await send('POST', `/api/v1/competitions/${comp.id}/start-review`);
    expect(ru.status).toBe(409);
    expect(ru.json).toMatchObject({ type: 'urn:konkurs:problem:review-too-early', code: 'review-too-early',
      params: { code: comp.code, closesAt: closesAt.toISOString(), timezone: 'Europe/Moscow' } });
    expect(ru.json.detail).toBe('Приём заявок идёт до 31.12.2026 10:30 (МСК); экспертизу можно начать после этого');
    const en = await send('POST', `/api/v1/competitions/${comp.id}/start-review`, undefined, 'en-GB,en;q=0.9');
    expect(en.json.detail).toBe('Applications are accepted until 31.12.2026 10:30 (Moscow time); the review starts after that');
    const far = await makeCompetition(t, op.id, { status: 'open', opensAt: new Date(t.clock.now().getTime() - 1000), closesAt, timezone: 'Asia/Vladivostok' });
    expect((await send('POST', `/api/v1/competitions/${far.id}/start-review`)).json.detail).toBe('Приём заявок идёт до 31.12.2026 17:30 (Asia/Vladivostok); экспертизу можно начать после этого');
  });

  it('opening after the closing time, a wrong status, a stale version and frozen fields each carry their code and a Russian sentence', async () => {
    const now = t.clock.now().getTime();
    const past = await makeCompetition(t, op.id, { status: 'draft', opensAt: new Date(now - 86_400_000), closesAt: new Date(now - 1000) });
    const late = await send('POST', `/api/v1/competitions/${past.id}/open`);
    expect(late.json).toMatchObject({ code: 'closes-at-passed', params: { closesAt: past.closesAt.toISOString() } });
    expect(late.json.detail).toMatch(/^Срок приёма заявок на конкурс .+ \(до \d\d\.\d\d\.\d{4} \d\d:\d\d \(МСК\)\) уже прошёл/);

    const open = await makeCompetition(t, op.id, { status: 'open' });
    const wrong = await send('POST', `/api/v1/competitions/${open.id}/publish`);
    expect(wrong.status).toBe(409);
    expect(wrong.json).toMatchObject({ code: 'wrong-status', params: { code: open.code, from: 'open', to: 'published' } });
    expect(wrong.json.detail).toBe(`Конкурс ${open.code} в статусе «Приём заявок»: перевести в статус «Итоги опубликованы» нельзя`);

    const stale = await send('PATCH', `/api/v1/competitions/${open.id}`, { version: 7, title: 'x' });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ code: 'stale-version', params: { current: 1 } });
    expect(stale.json.detail).toMatch(/^Пока вы работали, данные изменили/);
    expect((await send('PATCH', `/api/v1/competitions/${open.id}`, { version: 7, title: 'x' }, 'en')).json.detail).toMatch(/A newer version \(1\)/);

    const frozen = await send('PATCH', `/api/v1/competitions/${open.id}`, { version: 1, maxGrantKopecks: 1_000_000, closesAt: new Date(now + 1000).toISOString() });
    expect(frozen.status).toBe(409);
    expect(frozen.json).toMatchObject({ code: 'frozen', params: { status: 'open' } });
    expect(frozen.json.errors).toEqual(expect.arrayContaining([
      { path: 'maxGrantKopecks', code: 'field-frozen', params: { status: 'open' }, message: 'В статусе «Приём заявок» это поле изменить нельзя' },
      { path: 'closesAt', code: 'closes-at-only-later', message: 'Пока идёт приём заявок, срок окончания можно только продлить' },
    ]));
    for (const r of [late, wrong, stale, frozen]) expect(r.json.detail).not.toMatch(ISO);
  });

  it('a code in use and an unknown operator name their field by code', async () => {
    const first = (await create()).json;
    const dup = await create({ code: first.code });
    expect(dup.json).toMatchObject({ code: 'code-taken', errors: [{ path: 'code', code: 'code-taken', message: 'Конкурс с таким кодом уже есть' }] });
    const unknown = await create({ operatorId: '00000000-0000-4000-8000-000000000000' }, admin.token);
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([{ path: 'operatorId', code: 'unknown-operator', message: 'Такого оператора конкурса нет' }]);
    expect((await create({ operatorId: (await makeOperator(t)).id })).json).toMatchObject({ status: 403, code: 'own-operator-competitions' });
  });
});
