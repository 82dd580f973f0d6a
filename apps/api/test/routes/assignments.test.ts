import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';
import { applications, competitions, conflicts } from '../../src/db/schema/index.js';
import { verifyAuditChain } from '../../src/services/audit-log.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const NO_ID = '00000000-0000-4000-8000-000000000000';

async function round(options: { experts?: number; apps?: number; status?: 'review' | 'open' } = {}) {
  const op = await makeOperator(t);
  const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  const experts: TestUser[] = [];
  for (let i = 0; i < (options.experts ?? 3); i++) experts.push(await makeUser(t, 'expert', { expertDirections: [i % 2 ? 'youth' : 'culture'] }));
  const owner = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, owner.id);
  const comp = await makeCompetition(t, op.id, { status: options.status ?? 'review', experts: experts.map((e) => e.id) });
  const apps = [];
  for (let i = 0; i < (options.apps ?? 2); i++) apps.push(await makeApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id, { status: 'admitted' }));
  return { op, organiser, experts, owner, org, comp, apps };
}

describe('expert pool', () => {
  it("adds active experts (the operator's or the platform's), lists them with their load, removes one without work", async () => {
    const { organiser, comp, experts } = await round({ experts: 1 });
    const borrowed = await makeUser(t, 'expert', { operatorId: null });
    const federal = await makeUser(t, 'expert', { operatorId: (await makeOperator(t, 'federal')).id });
    const foreign = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/experts`, { expertIds: [federal.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.json.errors[0].path).toBe('expertIds.0');
    const add = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/experts`, { expertIds: [borrowed.id, experts[0].id, borrowed.id] });
    expect(add.status).toBe(200);
    expect(add.json).toEqual({ added: 1, poolSize: 2 });
    const pool = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/experts?limit=1`);
    expect(pool.json.items).toHaveLength(1);
    expect(pool.json.items[0]).toMatchObject({ load: 0, submitted: 0, active: true });
    const next = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/experts?limit=1&cursor=${pool.json.nextCursor}`);
    expect(next.json.items).toHaveLength(1);
    expect(next.json.nextCursor).toBeNull();
    expect((await call(t, organiser.token, 'DELETE', `/api/v1/competitions/${comp.id}/experts/${borrowed.id}`)).status).toBe(204);
    expect((await call(t, organiser.token, 'DELETE', `/api/v1/competitions/${comp.id}/experts/${borrowed.id}`)).status).toBe(404);
  });

  it('refuses non-experts naming expertIds.N, bad bodies, a forged cursor, and keeps an expert with work', async () => {
    const { organiser, comp, experts, owner, apps } = await round({ experts: 2, apps: 1 });
    const r = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/experts`, { expertIds: [experts[0].id, owner.id, NO_ID] });
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['expertIds.1', 'expertIds.2']);
    expect(r.json.errors[0]).toMatchObject({ code: 'not-active-expert', message: 'Это не действующий эксперт' });
    for (const body of [{}, { expertIds: [] }, { expertIds: ['x'] }, { expertIds: 'a' }]) {
      expect((await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/experts`, body)).status).toBe(400);
    }
    expect((await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/experts?cursor=abc.def`)).status).toBe(400);
    await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: apps[0].id, expertId: experts[0].id });
    const kept = await call(t, organiser.token, 'DELETE', `/api/v1/competitions/${comp.id}/experts/${experts[0].id}`);
    expect([kept.status, kept.json.code]).toEqual([409, 'expert-has-assignments']);
    await t.db.update(competitions).set({ status: 'decided' }).where(eq(competitions.id, comp.id));
    const closed = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/experts`, { expertIds: [experts[1].id] });
    expect(closed.json).toMatchObject({ status: 409, code: 'pool-closed', params: { code: comp.code, status: 'decided' } });
  });

  it('is the organiser\'s of the operator only', async () => {
    const { comp, experts } = await round({ experts: 1 });
    const stranger = await makeUser(t, 'organiser', { operatorId: (await makeOperator(t)).id });
    expect((await call(t, stranger.token, 'GET', `/api/v1/competitions/${comp.id}/experts`)).status).toBe(404);
    expect((await call(t, stranger.token, 'POST', `/api/v1/competitions/${comp.id}/experts`, { expertIds: [experts[0].id] })).status).toBe(404);
    expect((await call(t, experts[0].token, 'GET', `/api/v1/competitions/${comp.id}/experts`)).status).toBe(403);
    expect((await call(t, null, 'GET', `/api/v1/competitions/${comp.id}/experts`)).status).toBe(401);
  });
});

describe('automatic assignment', () => {
  it('assigns everyone, moves applications under review, is balanced, and a second run adds nothing', async () => {
    const { organiser, comp, apps } = await round({ experts: 4, apps: 6 });
    const r = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`, { dueAt: '2030-01-01T00:00:00+03:00' });
    expect(r.json).toEqual({ created: 12, unassigned: [] });
    const rows = await t.db.select().from(applications).where(eq(applications.competitionId, comp.id));
    expect(rows.every((a) => a.status === 'under_review')).toBe(true);
    const pool = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/experts`);
    expect(pool.json.items.map((e: { load: number }) => e.load)).toEqual([3, 3, 3, 3]);
    const list = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/assignments?limit=5`);
    expect(list.json.items).toHaveLength(5);
    expect(list.json.items[0]).toMatchObject({ applicationNumber: apps[0].number, status: 'assigned', dueAt: '2029-12-31T21:00:00.000Z', isExtra: false });
    expect((await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`)).json).toEqual({ created: 0, unassigned: [] });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('reports what it cannot assign and why: conflicts, membership, a small pool', async () => {
    const { organiser, comp, apps, experts } = await round({ experts: 2, apps: 2 });
    await t.db.insert(conflicts).values({ expertId: experts[0].id, organizationId: apps[0].organizationId, kind: 'declared', reason: 'Родственник' });
    const r = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`);
    expect(r.json.created).toBe(3);
    expect(r.json.unassigned).toEqual([{
      applicationId: apps[0].id, code: 'no-eligible-expert', params: { assigned: 1, needed: 2, pool: 2, conflicted: 1, already: 0 },
      reason: 'Назначено экспертов: 1 из 2. Других подходящих экспертов нет: в составе 2, из них с конфликтом интересов с организацией — 1, уже назначены на эту заявку — 0',
    }]);
    const empty = await round({ experts: 0, apps: 1 });
    const e = await call(t, empty.organiser.token, 'POST', `/api/v1/competitions/${empty.comp.id}/assignments/auto`);
    expect(e.json).toEqual({ created: 0, unassigned: [{ applicationId: empty.apps[0].id, code: 'pool-empty', params: {}, reason: 'В составе экспертов конкурса никого нет' }] });
    const english = await t.app.inject({
      method: 'POST', url: `/api/v1/competitions/${empty.comp.id}/assignments/auto`,
      headers: { authorization: `Bearer ${empty.organiser.token}`, 'accept-language': 'en' },
    });
    expect(english.json().unassigned[0].reason).toBe('The expert pool is empty');
    const [still] = await t.db.select().from(applications).where(eq(applications.id, empty.apps[0].id));
    expect(still.status).toBe('admitted');
  });

  it('refuses outside review, a bad dueAt, other operators and roles', async () => {
    const open = await round({ status: 'open' });
    const early = await call(t, open.organiser.token, 'POST', `/api/v1/competitions/${open.comp.id}/assignments/auto`);
    expect(early.json).toMatchObject({
      status: 409, code: 'competition-not-in-review', params: { code: open.comp.code, status: 'open' },
      detail: `Конкурс ${open.comp.code} в статусе «Приём заявок»: это делается только на этапе экспертизы`,
    });
    const { organiser, comp, experts, owner } = await round();
    const bad = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`, { dueAt: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('dueAt');
    const stranger = await makeUser(t, 'organiser', { operatorId: (await makeOperator(t)).id });
    expect((await call(t, stranger.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`)).status).toBe(404);
    expect((await call(t, experts[0].token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`)).status).toBe(403);
    expect((await call(t, owner.token, 'GET', `/api/v1/competitions/${comp.id}/assignments`)).status).toBe(403);
    expect((await call(t, stranger.token, 'GET', `/api/v1/competitions/${comp.id}/assignments`)).status).toBe(404);
  });
});

describe('manual assignment', () => {
  it('assigns a pool expert (201) and refuses a duplicate, a conflict, a member, an outsider (409)', async () => {
    const { organiser, comp, apps, experts, owner } = await round({ experts: 3, apps: 1 });
    const [app] = apps;
    const ok = await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: app.id, expertId: experts[0].id });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ applicationId: app.id, expertId: experts[0].id, competitionId: comp.id, status: 'assigned', applicationNumber: app.number });
    const [moved] = await t.db.select().from(applications).where(eq(applications.id, app.id));
    expect(moved.status).toBe('under_review');
    const dup = await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: app.id, expertId: experts[0].id });
    expect([dup.status, dup.json.errors[0].path]).toEqual([409, 'expertId']);
    await t.db.insert(conflicts).values({ expertId: experts[1].id, organizationId: app.organizationId, kind: 'declared' });
    const coi = await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: app.id, expertId: experts[1].id });
    expect([coi.status, coi.json.type]).toEqual([409, 'urn:konkurs:problem:conflict-of-interest']);
    expect(coi.json).toMatchObject({
      code: 'conflict-of-interest', detail: 'У эксперта конфликт интересов с организацией-заявителем',
      errors: [{ path: 'expertId', code: 'conflict-of-interest', message: 'У эксперта конфликт интересов с организацией-заявителем' }],
    });
    expect(dup.json).toMatchObject({ code: 'duplicate-assignment', errors: [{ path: 'expertId', code: 'duplicate-assignment' }] });
    const outsider = await makeUser(t, 'expert');
    const notPool = await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: app.id, expertId: outsider.id });
    expect([notPool.status, notPool.json.type]).toEqual([409, 'urn:konkurs:problem:not-in-pool']);
    expect((await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: app.id, expertId: owner.id })).status).toBe(409);
  });

  it('refuses bad bodies (400), foreign or unknown applications (404), wrong statuses (409), other roles (403)', async () => {
    const { organiser, comp, apps, experts, owner, org } = await round({ experts: 1, apps: 1 });
    for (const body of [{}, { applicationId: 'x', expertId: experts[0].id }, { applicationId: apps[0].id }, { applicationId: apps[0].id, expertId: experts[0].id, dueAt: 5 }]) {
      const r = await call(t, organiser.token, 'POST', '/api/v1/assignments', body);
      expect(r.status).toBe(400);
      expect(r.json.errors.length).toBeGreaterThan(0);
    }
    expect((await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: NO_ID, expertId: experts[0].id })).status).toBe(404);
    const stranger = await makeUser(t, 'organiser', { operatorId: (await makeOperator(t)).id });
    expect((await call(t, stranger.token, 'POST', '/api/v1/assignments', { applicationId: apps[0].id, expertId: experts[0].id })).status).toBe(404);
    expect((await call(t, experts[0].token, 'POST', '/api/v1/assignments', { applicationId: apps[0].id, expertId: experts[0].id })).status).toBe(403);
    const submitted = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    const early = await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: submitted.id, expertId: experts[0].id });
    expect(early.json).toMatchObject({ status: 409, code: 'application-not-assignable', params: { number: submitted.number, status: 'submitted' } });
    expect(early.json.detail).toBe(`Заявка № ${submitted.number} в статусе «Подана»: экспертов назначают на заявки, допущенные к экспертизе или находящиеся на ней`);
    // Once reviewed, a further expert would never count.
    const reviewed = await makeApplication(t, comp, org.id, owner.id, { status: 'reviewed' });
    expect((await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: reviewed.id, expertId: experts[0].id })).json.code).toBe('application-not-assignable');
  });
});

describe('the expert\'s list and declining', () => {
  it('lists only the expert\'s own assignments, filtered by status', async () => {
    const { organiser, comp, experts } = await round({ experts: 2, apps: 2 });
    await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`);
    const mine = await call(t, experts[0].token, 'GET', '/api/v1/assignments/mine');
    expect(mine.json.items).toHaveLength(2);
    expect(mine.json.items.every((a: { expertId: string }) => a.expertId === experts[0].id)).toBe(true);
    expect(mine.json.items[0]).toHaveProperty('applicationTitle', 'Школа волонтёров');
    expect((await call(t, experts[0].token, 'GET', '/api/v1/assignments/mine?status=submitted')).json.items).toEqual([]);
    expect((await call(t, experts[0].token, 'GET', '/api/v1/assignments/mine?status=nope')).status).toBe(400);
    expect((await call(t, organiser.token, 'GET', '/api/v1/assignments/mine')).status).toBe(403);
  });

  it('declines with a reason: a conflict with the organisation, a replacement when someone eligible is left', async () => {
    const { organiser, comp, experts, apps } = await round({ experts: 3, apps: 1 });
    await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`);
    const list = (await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/assignments`)).json.items;
    const first = list[0];
    const who = experts.find((e) => e.id === first.expertId)!;
    const noReason = await call(t, who.token, 'POST', `/api/v1/assignments/${first.id}/decline`, { reason: '  ' });
    expect([noReason.status, noReason.json.errors[0].path]).toEqual([400, 'reason']);
    for (const body of [{}, { reason: 5 }, { reason: 'x'.repeat(2001) }]) {
      const bad = await call(t, who.token, 'POST', `/api/v1/assignments/${first.id}/decline`, body);
      expect([bad.status, bad.json.errors[0].path], JSON.stringify(body)).toEqual([400, 'reason']);
    }
    const other = experts.find((e) => e.id !== first.expertId)!;
    expect((await call(t, other.token, 'POST', `/api/v1/assignments/${first.id}/decline`, { reason: 'x' })).status).toBe(404);
    const d = await call(t, who.token, 'POST', `/api/v1/assignments/${first.id}/decline`, { reason: 'Знаком с руководителем' });
    expect(d.json).toEqual({ id: first.id, status: 'declined', replaced: true });
    const [c] = await t.db.select().from(conflicts).where(and(eq(conflicts.expertId, who.id), eq(conflicts.organizationId, apps[0].organizationId)));
    expect(c).toMatchObject({ kind: 'declined', reason: 'Знаком с руководителем' });
    const after = (await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/assignments?applicationId=${apps[0].id}`)).json.items;
    expect(after.filter((a: { status: string }) => a.status === 'assigned')).toHaveLength(2);
    expect(after.find((a: { id: string }) => a.id === first.id)).toMatchObject({ status: 'declined', declineReason: 'Знаком с руководителем' });
    const again = await call(t, who.token, 'POST', `/api/v1/assignments/${first.id}/decline`, { reason: 'again' });
    expect(again.json).toMatchObject({ status: 409, code: 'assignment-declined', detail: 'От этой экспертизы вы отказались' });
    // Nobody left: the next decline is not replaced.
    const second = after.find((a: { status: string }) => a.status === 'assigned');
    const who2 = experts.find((e) => e.id === second.expertId)!;
    expect((await call(t, who2.token, 'POST', `/api/v1/assignments/${second.id}/decline`, { reason: 'Занят' })).json.replaced).toBe(false);
  });
});
