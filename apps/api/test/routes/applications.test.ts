import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applications, assignments, attachments, organizations } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import {
  call, completeDraft, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow, type TestUser,
} from '../fixtures.js';

let t: TestApp;
let op: { id: string };
let owner: TestUser;
let stranger: TestUser;
let organiser: TestUser;
let org: { id: string; regionCode: string };
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  op = await makeOperator(t);
  owner = await makeUser(t, 'applicant');
  stranger = await makeUser(t, 'applicant');
  organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  admin = await makeUser(t, 'admin');
  org = await makeOrganization(t, owner.id, '40');
  await makeOrganization(t, stranger.id, '40');
});
afterAll(async () => { await t?.close(); });

const paths = (r: { json: { errors?: { path: string }[] } }) => [...new Set((r.json.errors ?? []).map((e) => e.path))].sort();
const draftOf = (comp: CompetitionRow, token = owner.token, body: Record<string, unknown> = {}) =>
  call(t, token, 'POST', `/api/v1/competitions/${comp.id}/applications`, { organizationId: org.id, ...body });

describe('POST /competitions/:id/applications', () => {
  it('starts a draft with the next number, saving what is sent; the region is the organisation’s', async () => {
    const comp = await makeCompetition(t, op.id, { code: 'KLG-2027' });
    const first = await draftOf(comp, owner.token, { title: 'Школа волонтёров', budget: [{ quantity: 2, unitCostKopecks: 1_000_000, cofinancingKopecks: 500_000 }] });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      number: 'KLG-2027-000001', status: 'draft', version: 1, title: 'Школа волонтёров', competitionCode: 'KLG-2027', organizationId: org.id, regionCode: '40',
      totalCostKopecks: 2_000_000, cofinancingKopecks: 500_000, requestedKopecks: 1_500_000, attachments: [], submittedAt: null,
    });
    expect((await draftOf(comp)).json.number).toBe('KLG-2027-000002');
    // A draft is private: its creation is no audit event (its submission's event says who created it and when).
    const audit = await call(t, admin.token, 'GET', `/api/v1/audit?entityType=application&entityId=${first.json.id}`);
    expect(audit.json.items).toEqual([]);
  });

  it('refuses an organisation the user is not a member of (404 naming organizationId)', async () => {
    const comp = await makeCompetition(t, op.id);
    const r = await draftOf(comp, stranger.token);
    expect(r.status).toBe(404);
    expect(paths(r)).toEqual(['organizationId']);
  });

  it('refuses an organisation outside the competition’s regions (409 naming organizationId)', async () => {
    const comp = await makeCompetition(t, op.id, { regionCodes: ['62', '77'] });
    const r = await draftOf(comp);
    expect(r.status).toBe(409);
    expect(paths(r)).toEqual(['organizationId']);
    expect((await draftOf(await makeCompetition(t, op.id, { regionCodes: ['40'] }))).status).toBe(201);
  });

  it('is refused outside the window (409) and for a competition the applicant cannot see (404)', async () => {
    const now = t.clock.now().getTime();
    const closed = await makeCompetition(t, op.id, { opensAt: new Date(now - 10_000), closesAt: new Date(now - 1) });
    expect((await draftOf(closed)).json.type).toBe('urn:konkurs:problem:deadline-passed');
    const early = await makeCompetition(t, op.id, { opensAt: new Date(now + 1000), closesAt: new Date(now + 86_400_000) });
    expect((await draftOf(early)).status).toBe(409);
    const review = await makeCompetition(t, op.id, { status: 'review' });
    expect((await draftOf(review)).status).toBe(404);
    const draft = await makeCompetition(t, op.id, { status: 'draft' });
    expect((await draftOf(draft)).status).toBe(404);
    expect((await call(t, owner.token, 'POST', '/api/v1/competitions/00000000-0000-4000-8000-000000000000/applications', { organizationId: org.id })).status).toBe(404);
  });

  it('names every bad field (400): types, unknown fields, lengths, malformed JSON', async () => {
    const comp = await makeCompetition(t, op.id);
    const r = await draftOf(comp, owner.token, { tasks: 'one', startDate: '2027-02-30', budget: [{ quantity: -1, category: 'cars' }], directionCode: 'nope', extra: 1 });
    expect(r.status).toBe(400);
    expect(paths(r)).toEqual(expect.arrayContaining(['budget.0.category', 'budget.0.quantity', 'directionCode', 'startDate', 'tasks']));
    expect(paths(await draftOf(comp, owner.token, { title: 'я'.repeat(301) }))).toEqual(['title']);
    expect(paths(await call(t, owner.token, 'POST', `/api/v1/competitions/${comp.id}/applications`, { title: 'x' }))).toEqual(['organizationId']);
    expect(paths(await draftOf(comp, owner.token, { organizationId: 'abc' }))).toEqual(['organizationId']);
    const malformed = await t.app.inject({ method: 'POST', url: `/api/v1/competitions/${comp.id}/applications`, headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, payload: '{"organizationId":' });
    expect(malformed.statusCode).toBe(400);
  });

  it('is refused (409, in Russian, naming organizationId) once the organisation has submitted its maximum; drafts and withdrawn ones do not count', async () => {
    const comp = await makeCompetition(t, op.id, { maxApplicationsPerOrganization: 2 });
    await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    await makeApplication(t, comp, org.id, owner.id, { status: 'withdrawn' });
    await makeApplication(t, comp, org.id, owner.id);
    expect((await draftOf(comp)).status).toBe(201);
    await makeApplication(t, comp, org.id, owner.id, { status: 'rejected' });
    const over = await draftOf(comp, owner.token, { title: 'Третья' });
    expect(over).toMatchObject({ status: 409, json: { code: 'limit-reached', params: { submitted: 2, max: 2 },
      detail: 'Организация уже подала 2 заявки: больше этот конкурс от одной организации не принимает',
      errors: [{ path: 'organizationId', code: 'limit-reached' }] } });
    expect((await draftOf(comp, owner.token, {}, )).json.code).toBe('limit-reached');
    // Another organisation of the same member is not held by it.
    const other = await makeOrganization(t, owner.id, '40');
    expect((await call(t, owner.token, 'POST', `/api/v1/competitions/${comp.id}/applications`, { organizationId: other.id })).status).toBe(201);
  });

  it('is for applicants (401 without a token, 403 for staff)', async () => {
    const comp = await makeCompetition(t, op.id);
    expect((await draftOf(comp, null as never)).status).toBe(401);
    expect((await draftOf(comp, organiser.token)).status).toBe(403);
  });
});

describe('GET /applications and /applications/:id', () => {
  it('lists the applicant’s own, staff their operator’s submitted ones, experts none; pages with a cursor', async () => {
    const otherOp = await makeOperator(t);
    const comp = await makeCompetition(t, op.id);
    const draft = await makeApplication(t, comp, org.id, owner.id);
    const submitted = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    const ids = async (token: string, q = '') => (await call(t, token, 'GET', `/api/v1/applications?competitionId=${comp.id}${q}`)).json.items.map((a: { id: string }) => a.id);
    expect(await ids(owner.token)).toEqual([submitted.id, draft.id]);
    expect(await ids(owner.token, '&status=draft')).toEqual([draft.id]);
    expect(await ids(stranger.token)).toEqual([]);
    expect(await ids(organiser.token)).toEqual([submitted.id]);
    expect(await ids((await makeUser(t, 'organiser', { operatorId: otherOp.id })).token)).toEqual([]);
    expect(await ids((await makeUser(t, 'official', { operatorId: op.id })).token)).toEqual([submitted.id]);
    expect(await ids((await makeUser(t, 'expert')).token)).toEqual([]);
    expect(await ids(admin.token)).toEqual([submitted.id]);

    const page1 = await call(t, owner.token, 'GET', `/api/v1/applications?competitionId=${comp.id}&limit=1`);
    expect(page1.json.items).toHaveLength(1);
    expect(page1.json.items[0]).toMatchObject({ id: submitted.id, number: submitted.number, competitionCode: comp.code, organizationName: expect.any(String) });
    const page2 = await call(t, owner.token, 'GET', `/api/v1/applications?competitionId=${comp.id}&limit=1&cursor=${page1.json.nextCursor}`);
    expect(page2.json).toMatchObject({ items: [{ id: draft.id }], nextCursor: null });
    expect((await call(t, owner.token, 'GET', '/api/v1/applications?cursor=forged.x')).status).toBe(400);
    expect((await call(t, owner.token, 'GET', '/api/v1/applications?status=nope')).status).toBe(400);
    expect((await call(t, null, 'GET', '/api/v1/applications')).status).toBe(401);
  });

  it('shows one application to members, staff once submitted, an expert assigned to it; 404 to others', async () => {
    const comp = await makeCompetition(t, op.id);
    const app = await makeApplication(t, comp, org.id, owner.id);
    const url = `/api/v1/applications/${app.id}`;
    const mine = await call(t, owner.token, 'GET', url);
    expect(mine.json).toMatchObject({ id: app.id, status: 'draft', title: 'Школа волонтёров', budget: expect.any(Array), attachments: [] });
    expect((await call(t, stranger.token, 'GET', url)).status).toBe(404);
    expect((await call(t, organiser.token, 'GET', url)).status).toBe(404);
    await t.db.update(applications).set({ status: 'admitted', submittedAt: t.clock.now(), finalScore: 77.5 }).where(eq(applications.id, app.id));
    expect((await call(t, organiser.token, 'GET', url)).json).toMatchObject({ status: 'admitted', finalScore: 77.5 });
    // The score is not the applicant's until the results are published.
    expect((await call(t, owner.token, 'GET', url)).json.finalScore).toBeNull();

    const expert = await makeUser(t, 'expert');
    const declined = await makeUser(t, 'expert');
    expect((await call(t, expert.token, 'GET', url)).status).toBe(404);
    await t.db.insert(assignments).values([{ competitionId: comp.id, applicationId: app.id, expertId: expert.id },
      { competitionId: comp.id, applicationId: app.id, expertId: declined.id, status: 'declined' }]);
    const seen = await call(t, expert.token, 'GET', url);
    expect(seen.json).toMatchObject({ id: app.id, title: 'Школа волонтёров', finalScore: null });
    expect((await call(t, declined.token, 'GET', url)).status).toBe(404);
    expect((await call(t, owner.token, 'GET', '/api/v1/applications/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call(t, owner.token, 'GET', '/api/v1/applications/nope')).status).toBe(400);
  });
});

describe('PATCH /applications/:id (autosave)', () => {
  it('merges the sent fields into the stored ones, bumps the version, updates the derived totals', async () => {
    const comp = await makeCompetition(t, op.id);
    const created = (await draftOf(comp, owner.token, { title: 'Черновик', goal: 'Цель', tasks: ['Задача'] })).json;
    const url = `/api/v1/applications/${created.id}`;
    const r = await call(t, owner.token, 'PATCH', url, { version: 1, title: 'Новое', summary: 'Описание', goal: null,
      budget: [{ category: 'rent', item: 'Зал', quantity: 3, unitCostKopecks: 1_000_000, cofinancingKopecks: 1_000_000 }] });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ version: 2, title: 'Новое', summary: 'Описание', goal: null, tasks: ['Задача'], totalCostKopecks: 3_000_000,
      cofinancingKopecks: 1_000_000, requestedKopecks: 2_000_000, number: created.number, competitionCode: comp.code, attachments: [] });
    const [row] = await t.db.select().from(applications).where(eq(applications.id, created.id));
    expect(row).toMatchObject({ title: 'Новое', requestedKopecks: 2_000_000, version: 2 });
    // A save without the budget keeps the totals.
    expect((await call(t, owner.token, 'PATCH', url, { version: 2, relevance: 'Важно' })).json).toMatchObject({ version: 3, requestedKopecks: 2_000_000, title: 'Новое' });
  });

  it('answers exactly what a later read returns, after full and partial saves', async () => {
    const comp = await makeCompetition(t, op.id);
    const created = (await draftOf(comp, owner.token, { title: 'Черновик', goal: 'Цель', tasks: ['Задача'] })).json;
    const url = `/api/v1/applications/${created.id}`;
    const saves = [
      { title: 'Полная', summary: 'Описание', goal: null, tasks: ['Первая', 'Вторая'], targetGroups: [], geographyRegionCodes: ['40'],
        startDate: '2030-01-01', endDate: '2030-12-31', team: [{ fullName: 'Иванова И. И.', role: null }],
        calendarPlan: [{ taskIndex: 0, title: 'Этап', expectedResult: 'Итог' }],
        budget: [{ category: 'rent', item: 'Зал', quantity: 2.5, unitCostKopecks: 1_000_000, cofinancingKopecks: 0 }] },
      { relevance: 'Важно "в кавычках" и \\ обратная черта, эмодзи 🙂' },
      { budget: null, directionCode: 'youth' },
    ];
    let version = 1;
    for (const fields of saves) {
      const r = await call(t, owner.token, 'PATCH', url, { version, ...fields });
      expect(r.status).toBe(200);
      version = r.json.version;
      // The read also names the organisation (ИНН, ОГРН… for the printed application), which no save changes.
      const { organization, ...read } = (await call(t, owner.token, 'GET', url)).json;
      expect(organization).toMatchObject({ inn: expect.any(String) });
      expect(r.json).toEqual(read);
    }
  });

  it('refuses a stale version (412) and overwrites nothing', async () => {
    const comp = await makeCompetition(t, op.id);
    const created = (await draftOf(comp, owner.token, { title: 'Первое' })).json;
    const url = `/api/v1/applications/${created.id}`;
    expect((await call(t, owner.token, 'PATCH', url, { version: 1, title: 'Второе' })).status).toBe(200);
    const stale = await call(t, owner.token, 'PATCH', url, { version: 1, title: 'Устаревшее', summary: 'x' });
    expect(stale.status).toBe(412);
    expect(stale.json.type).toBe('urn:konkurs:problem:stale-version');
    expect((await call(t, owner.token, 'GET', url)).json).toMatchObject({ title: 'Второе', version: 2 });
    expect((await call(t, owner.token, 'GET', url)).json.summary).toBeUndefined();
  });

  it('is for a member’s draft only: 409 once submitted, 404 for others, 403 for staff', async () => {
    const comp = await makeCompetition(t, op.id);
    const app = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    const url = `/api/v1/applications/${app.id}`;
    expect((await call(t, owner.token, 'PATCH', url, { version: 1, title: 'x' })).status).toBe(409);
    expect((await call(t, stranger.token, 'PATCH', url, { version: 1, title: 'x' })).status).toBe(404);
    expect((await call(t, organiser.token, 'PATCH', url, { version: 1, title: 'x' })).status).toBe(403);
    expect((await call(t, null, 'PATCH', url, { version: 1, title: 'x' })).status).toBe(401);
    const draft = await makeApplication(t, comp, org.id, owner.id);
    expect((await call(t, stranger.token, 'PATCH', `/api/v1/applications/${draft.id}`, { version: 1, title: 'x' })).status).toBe(404);
  });

  it('names every bad field (400)', async () => {
    const comp = await makeCompetition(t, op.id);
    const app = await makeApplication(t, comp, org.id, owner.id);
    const url = `/api/v1/applications/${app.id}`;
    expect(paths(await call(t, owner.token, 'PATCH', url, { title: 'x' }))).toEqual(['version']);
    expect(paths(await call(t, owner.token, 'PATCH', url, { version: 0 }))).toEqual(['version']);
    expect(paths(await call(t, owner.token, 'PATCH', url, { version: 1, team: [{ fullName: 5 }], geographyRegionCodes: ['99'] }))).toEqual(['geographyRegionCodes.0', 'team.0.fullName']);
    expect(paths(await call(t, owner.token, 'PATCH', url, { version: 1, organizationId: org.id }))).toEqual(['body']);
    expect(paths(await call(t, owner.token, 'PATCH', url, { version: 1, relevance: 'я'.repeat(20_001) }))).toEqual(['relevance']);
    expect(paths(await call(t, owner.token, 'PATCH', url, { version: 1, budget: [{ unitCostKopecks: 1.5 }] }))).toEqual(['budget.0.unitCostKopecks']);
    const huge = Array.from({ length: 20 }, () => ({ quantity: 1_000_000, unitCostKopecks: Number.MAX_SAFE_INTEGER }));
    expect(paths(await call(t, owner.token, 'PATCH', url, { version: 1, budget: huge }))).toEqual(['budget']);
    expect(paths(await draftOf(comp, owner.token, { budget: huge }))).toEqual(['budget']);
    const malformed = await t.app.inject({ method: 'PATCH', url, headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, payload: '{' });
    expect(malformed.statusCode).toBe(400);
    expect((await call(t, owner.token, 'GET', url)).json.version).toBe(1);
  });
});

describe('POST /applications/:id/submit', () => {
  it('lists every problem of an incomplete draft at once (422)', async () => {
    const comp = await makeCompetition(t, op.id, { requiredAttachmentKinds: ['charter'] });
    const created = (await draftOf(comp, owner.token, { title: 'Только название' })).json;
    const r = await call(t, owner.token, 'POST', `/api/v1/applications/${created.id}/submit`);
    expect(r.status).toBe(422);
    expect(r.json.type).toBe('urn:konkurs:problem:rule-check-failed');
    expect(paths(r)).toEqual(['attachments.charter', 'budget', 'calendarPlan', 'directionCode', 'endDate', 'geographyRegionCodes', 'goal', 'relevance',
      'startDate', 'summary', 'targetGroups', 'tasks', 'team']);
    expect((await call(t, owner.token, 'GET', `/api/v1/applications/${created.id}`)).json.status).toBe('draft');
  });

  it('submits a complete draft (audited); a second submit is a 409', async () => {
    const comp = await makeCompetition(t, op.id);
    const app = await makeApplication(t, comp, org.id, owner.id);
    const r = await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/submit`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ id: app.id, status: 'submitted', submittedAt: t.clock.now().toISOString(), version: 2 });
    const again = await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/submit`);
    expect(again.status).toBe(409);
    expect((await call(t, organiser.token, 'GET', `/api/v1/applications/${app.id}`)).json.status).toBe('submitted');
    const audit = await call(t, admin.token, 'GET', `/api/v1/audit?entityType=application&entityId=${app.id}`);
    expect(audit.json.items[0]).toMatchObject({ action: 'application.submitted', before: { status: 'draft' }, operatorId: op.id,
      after: { status: 'submitted', number: app.number, organizationId: org.id, createdBy: owner.id, createdAt: app.createdAt.toISOString() } });
  });

  it('refuses outside the window with a 409 of its own, whatever the content', async () => {
    const now = t.clock.now().getTime();
    const comp = await makeCompetition(t, op.id, { closesAt: new Date(now + 60_000) });
    const empty = (await draftOf(comp)).json;
    const complete = await makeApplication(t, comp, org.id, owner.id);
    t.clock.set(now + 60_000);
    try {
      for (const id of [empty.id, complete.id]) {
        const r = await call(t, owner.token, 'POST', `/api/v1/applications/${id}/submit`);
        expect(r.status).toBe(409);
        expect(r.json.type).toBe('urn:konkurs:problem:deadline-passed');
      }
    } finally { t.clock.set(now); }
    const review = await makeCompetition(t, op.id, { status: 'review' });
    const inReview = await makeApplication(t, review, org.id, owner.id);
    expect((await call(t, owner.token, 'POST', `/api/v1/applications/${inReview.id}/submit`)).status).toBe(409);
  });

  it('holds the organisation’s limit (withdrawn ones do not count) and requires the competition’s documents', async () => {
    const comp = await makeCompetition(t, op.id, { maxApplicationsPerOrganization: 1 });
    await makeApplication(t, comp, org.id, owner.id, { status: 'withdrawn' });
    const first = await makeApplication(t, comp, org.id, owner.id);
    const second = await makeApplication(t, comp, org.id, owner.id);
    expect((await call(t, owner.token, 'POST', `/api/v1/applications/${first.id}/submit`)).status).toBe(200);
    const over = await call(t, owner.token, 'POST', `/api/v1/applications/${second.id}/submit`);
    expect(over.status).toBe(422);
    expect(paths(over)).toEqual(['organizationId']);

    const docs = await makeCompetition(t, op.id, { requiredAttachmentKinds: ['charter', 'registration'] });
    const app = await makeApplication(t, docs, org.id, owner.id);
    await t.db.insert(attachments).values({ applicationId: app.id, kind: 'charter', fileName: 'устав.pdf', mimeType: 'application/pdf', sizeBytes: 10,
      sha256: 'a'.repeat(64), storageKey: 'ab/00000000-0000-4000-8000-000000000000', createdBy: owner.id });
    const missing = await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/submit`);
    expect(paths(missing)).toEqual(['attachments.registration']);
  });

  it('checks the rules against the competition: direction, dates, amounts', async () => {
    const comp = await makeCompetition(t, op.id, { directionCodes: ['youth'], maxGrantKopecks: 5_000_000 });
    const app = await makeApplication(t, comp, org.id, owner.id, { content: { ...completeDraft({ ...comp, directionCodes: ['culture'] }), startDate: '2020-01-01' } });
    const r = await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/submit`);
    expect(r.status).toBe(422);
    expect(paths(r)).toEqual(['directionCode', 'endDate', 'requestedKopecks', 'startDate']);
  });

  it('is for members (404 for others, 403 for staff)', async () => {
    const comp = await makeCompetition(t, op.id);
    const app = await makeApplication(t, comp, org.id, owner.id);
    expect((await call(t, stranger.token, 'POST', `/api/v1/applications/${app.id}/submit`)).status).toBe(404);
    expect((await call(t, organiser.token, 'POST', `/api/v1/applications/${app.id}/submit`)).status).toBe(403);
    expect((await call(t, null, 'POST', `/api/v1/applications/${app.id}/submit`)).status).toBe(401);
    expect((await call(t, owner.token, 'POST', '/api/v1/applications/00000000-0000-4000-8000-000000000000/submit')).status).toBe(404);
  });
});

describe('GET /applications/:id/submit-check (the submit’s check, nothing changed)', () => {
  it('answers the very 422 the submit would, then 204 once complete; the draft stays a draft', async () => {
    const comp = await makeCompetition(t, op.id, { requiredAttachmentKinds: ['charter'] });
    const created = (await draftOf(comp, owner.token, { title: 'Только название' })).json;
    const url = `/api/v1/applications/${created.id}`;
    const check = await call(t, owner.token, 'GET', `${url}/submit-check`);
    expect(check.status).toBe(422);
    const submit = await call(t, owner.token, 'POST', `${url}/submit`);
    expect(check.json).toEqual(submit.json);
    expect(check.json.detail).toMatch(/^Заявку пока нельзя подать/);

    const complete = await makeApplication(t, await makeCompetition(t, op.id), org.id, owner.id);
    const ok = await call(t, owner.token, 'GET', `/api/v1/applications/${complete.id}/submit-check`);
    expect(ok.status).toBe(204);
    expect(ok.body).toBe('');
    expect((await call(t, owner.token, 'GET', `/api/v1/applications/${complete.id}`)).json).toMatchObject({ status: 'draft', version: 1 });
    expect((await call(t, owner.token, 'POST', `/api/v1/applications/${complete.id}/submit`)).status).toBe(200);
    expect((await call(t, owner.token, 'GET', `/api/v1/applications/${complete.id}/submit-check`)).json).toMatchObject({ status: 409, code: 'wrong-status' });
  });

  it('is refused outside the window (409) and for others (404, 403, 401, 400)', async () => {
    const now = t.clock.now().getTime();
    const comp = await makeCompetition(t, op.id, { closesAt: new Date(now + 60_000) });
    const app = await makeApplication(t, comp, org.id, owner.id);
    const url = `/api/v1/applications/${app.id}/submit-check`;
    t.clock.set(now + 60_000);
    try { expect((await call(t, owner.token, 'GET', url)).json).toMatchObject({ status: 409, code: 'deadline-passed' }); } finally { t.clock.set(now); }
    expect((await call(t, stranger.token, 'GET', url)).status).toBe(404);
    expect((await call(t, organiser.token, 'GET', url)).status).toBe(403);
    expect((await call(t, null, 'GET', url)).status).toBe(401);
    expect((await call(t, owner.token, 'GET', '/api/v1/applications/nope/submit-check')).status).toBe(400);
  });
});

describe('region scope at submit', () => {
  it('an organisation that moved out of the competition’s regions since the draft was created is a 422 problem naming organizationId', async () => {
    const mover = await makeOrganization(t, owner.id, '62');
    const comp = await makeCompetition(t, op.id, { regionCodes: ['62', '77'] });
    const created = await call(t, owner.token, 'POST', `/api/v1/competitions/${comp.id}/applications`, { organizationId: mover.id, ...completeDraft(comp) });
    expect(created.status).toBe(201);
    await t.db.update(organizations).set({ regionCode: '40' }).where(eq(organizations.id, mover.id));
    const r = await call(t, owner.token, 'POST', `/api/v1/applications/${created.json.id}/submit`);
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ path: 'organizationId', code: 'region-not-allowed', params: { code: comp.code, regions: ['62', '77'], regionCode: '40' },
      message: `Конкурс ${comp.code} принимает заявки только от организаций из регионов: Рязанская область, Москва` }]);
    await t.db.update(organizations).set({ regionCode: '77' }).where(eq(organizations.id, mover.id));
    expect((await call(t, owner.token, 'POST', `/api/v1/applications/${created.json.id}/submit`)).status).toBe(200);
  });
});

describe('DELETE /applications/:id', () => {
  it('deletes a member’s draft (204): it is gone from reads and lists', async () => {
    const comp = await makeCompetition(t, op.id);
    const draft = (await draftOf(comp, owner.token, { title: 'Удаляемый' })).json;
    const url = `/api/v1/applications/${draft.id}`;
    const r = await call(t, owner.token, 'DELETE', url);
    expect(r.status).toBe(204);
    expect(r.body).toBe('');
    expect((await call(t, owner.token, 'GET', url)).status).toBe(404);
    expect((await call(t, owner.token, 'GET', `/api/v1/applications?competitionId=${comp.id}`)).json.items).toEqual([]);
    expect((await call(t, owner.token, 'DELETE', url)).status).toBe(404);
  });

  it('is for a draft only (409 otherwise) of the caller’s organisation (404 for a stranger, 403 for staff, 401, 400)', async () => {
    const comp = await makeCompetition(t, op.id);
    for (const status of ['submitted', 'withdrawn', 'admitted'] as const) {
      const app = await makeApplication(t, comp, org.id, owner.id, { status });
      expect((await call(t, owner.token, 'DELETE', `/api/v1/applications/${app.id}`)).json, status).toMatchObject({ status: 409, code: 'delete-not-draft',
        detail: `Заявка № ${app.number} в статусе «${({ submitted: 'Подана', withdrawn: 'Отозвана', admitted: 'Допущена к экспертизе' })[status]}»: удалить можно только черновик` });
    }
    const draft = await makeApplication(t, comp, org.id, owner.id);
    const url = `/api/v1/applications/${draft.id}`;
    expect((await call(t, stranger.token, 'DELETE', url)).status).toBe(404);
    expect((await call(t, organiser.token, 'DELETE', url)).status).toBe(403);
    expect((await call(t, admin.token, 'DELETE', url)).status).toBe(403);
    expect((await call(t, null, 'DELETE', url)).status).toBe(401);
    expect((await call(t, owner.token, 'DELETE', '/api/v1/applications/nope')).status).toBe(400);
    expect((await call(t, owner.token, 'GET', url)).json.status).toBe('draft');
  });
});

describe('POST /applications/:id/hide and /unhide', () => {
  it('hides a withdrawn application from the organisation’s list and shows it again; ?hidden=true lists the hidden ones; staff still see it', async () => {
    const comp = await makeCompetition(t, op.id);
    const withdrawn = await makeApplication(t, comp, org.id, owner.id, { status: 'withdrawn', submittedAt: t.clock.now() });
    const other = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
    const list = async (q = '', token = owner.token) =>
      (await call(t, token, 'GET', `/api/v1/applications?competitionId=${comp.id}${q}`)).json.items.map((a: { id: string; hiddenAt: string | null }) => [a.id, a.hiddenAt]);
    expect(await list()).toEqual([[other.id, null], [withdrawn.id, null]]);
    const hidden = await call(t, owner.token, 'POST', `/api/v1/applications/${withdrawn.id}/hide`);
    expect(hidden).toMatchObject({ status: 200, json: { id: withdrawn.id, status: 'withdrawn', hiddenAt: t.clock.now().toISOString() } });
    expect(await list()).toEqual([[other.id, null]]);
    expect(await list('&hidden=true')).toEqual([[withdrawn.id, t.clock.now().toISOString()]]);
    expect(await list('&hidden=false')).toEqual([[other.id, null]]);
    // Hiding twice keeps the first instant; the organiser's list does not depend on it.
    expect((await call(t, owner.token, 'POST', `/api/v1/applications/${withdrawn.id}/hide`)).status).toBe(200);
    expect((await list('', organiser.token)).map(([id]: [string]) => id).sort()).toEqual([other.id, withdrawn.id].sort());
    const shown = await call(t, owner.token, 'POST', `/api/v1/applications/${withdrawn.id}/unhide`);
    expect(shown).toMatchObject({ status: 200, json: { id: withdrawn.id, hiddenAt: null } });
    expect(await list()).toEqual([[other.id, null], [withdrawn.id, null]]);
  });

  it('is for a withdrawn application (409 otherwise) of the caller’s organisation (404, 403, 401, 400)', async () => {
    const comp = await makeCompetition(t, op.id);
    const draft = await makeApplication(t, comp, org.id, owner.id);
    const r = await call(t, owner.token, 'POST', `/api/v1/applications/${draft.id}/hide`);
    expect(r.json).toMatchObject({ status: 409, code: 'not-hideable', detail: `Заявка № ${draft.number} в статусе «Черновик»: скрыть из списка можно только отозванную` });
    const withdrawn = await makeApplication(t, comp, org.id, owner.id, { status: 'withdrawn' });
    for (const action of ['hide', 'unhide']) {
      const url = `/api/v1/applications/${withdrawn.id}/${action}`;
      expect((await call(t, stranger.token, 'POST', url)).status).toBe(404);
      expect((await call(t, organiser.token, 'POST', url)).status).toBe(403);
      expect((await call(t, null, 'POST', url)).status).toBe(401);
      expect((await call(t, owner.token, 'POST', `/api/v1/applications/nope/${action}`)).status).toBe(400);
    }
    expect((await call(t, owner.token, 'GET', '/api/v1/applications?hidden=maybe')).json).toMatchObject({ status: 400, errors: [{ path: 'hidden' }] });
  });
});

describe('POST /applications/:id/withdraw', () => {
  it('withdraws a draft, a submitted or an admitted application; nothing else', async () => {
    const comp = await makeCompetition(t, op.id);
    for (const status of ['draft', 'submitted', 'admitted'] as const) {
      const app = await makeApplication(t, comp, org.id, owner.id, { status });
      const r = await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/withdraw`);
      expect(r.status, status).toBe(200);
      expect(r.json).toMatchObject({ id: app.id, status: 'withdrawn', version: 2 });
      expect((await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/withdraw`)).status).toBe(409);
    }
    for (const status of ['rejected', 'under_review', 'winner'] as const) {
      const app = await makeApplication(t, comp, org.id, owner.id, { status });
      expect((await call(t, owner.token, 'POST', `/api/v1/applications/${app.id}/withdraw`)).status, status).toBe(409);
    }
    const other = await makeApplication(t, comp, org.id, owner.id);
    expect((await call(t, stranger.token, 'POST', `/api/v1/applications/${other.id}/withdraw`)).status).toBe(404);
    expect((await call(t, organiser.token, 'POST', `/api/v1/applications/${other.id}/withdraw`)).status).toBe(403);
  });
});

describe('refusals by code, in the caller’s language', () => {
  const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
  const send = (method: 'POST' | 'PATCH', url: string, body?: object, lang?: string) =>
    call(t, owner.token, method, url, body, lang ? { 'accept-language': lang } : {});

  it('the deadline: the closing time in the competition’s zone, Russian by default, English when asked', async () => {
    const now = t.clock.now().getTime();
    const closesAt = new Date(now + 60_000);
    const comp = await makeCompetition(t, op.id, { closesAt, timezone: 'Europe/Kaliningrad' });
    const app = await makeApplication(t, comp, org.id, owner.id);
    t.clock.set(closesAt.getTime());
    try {
      const ru = await send('POST', `/api/v1/applications/${app.id}/submit`);
      expect(ru.status).toBe(409);
      expect(ru.json).toMatchObject({ code: 'deadline-passed', params: { code: comp.code, closesAt: closesAt.toISOString(), timezone: 'Europe/Kaliningrad' } });
      expect(ru.json.detail).toMatch(new RegExp(`^Приём заявок на конкурс ${comp.code} завершён \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d \\(Europe/Kaliningrad\\)$`));
      expect(ru.json.detail).not.toMatch(ISO);
      const en = await send('POST', `/api/v1/applications/${app.id}/submit`, undefined, 'en');
      expect(en.json.detail).toMatch(new RegExp(`^Applications to competition ${comp.code} closed at `));
      const draft = await send('POST', `/api/v1/competitions/${comp.id}/applications`, { organizationId: org.id });
      expect(draft.json.code).toBe('deadline-passed');
    } finally { t.clock.set(now); }
    const early = await makeCompetition(t, op.id, { opensAt: new Date(now + 86_400_000), closesAt: new Date(now + 2 * 86_400_000) });
    const notYet = await send('POST', `/api/v1/competitions/${early.id}/applications`, { organizationId: org.id });
    expect(notYet.json).toMatchObject({ status: 409, code: 'submission-closed', params: { status: 'open', opensAt: early.opensAt.toISOString() } });
    expect(notYet.json.detail).toMatch(/^Конкурс .+ принимает заявки с \d\d\.\d\d\.\d{4} \d\d:\d\d \(МСК\) до /);
  });

  it('a stale autosave, an edit of a submitted one and a second submit say why', async () => {
    const comp = await makeCompetition(t, op.id);
    const app = await makeApplication(t, comp, org.id, owner.id);
    const url = `/api/v1/applications/${app.id}`;
    expect((await send('PATCH', url, { version: 1, title: 'Новое' })).status).toBe(200);
    const stale = await send('PATCH', url, { version: 1, title: 'Устаревшее' });
    expect(stale).toMatchObject({ status: 412, json: { code: 'stale-version', params: { current: 2 } } });
    expect(stale.json.detail).toMatch(/обновите страницу/);
    expect((await send('POST', `${url}/submit`)).status).toBe(200);
    const again = await send('POST', `${url}/submit`);
    expect(again.json).toMatchObject({ code: 'wrong-status', params: { entity: 'application', number: app.number, from: 'submitted', to: 'submitted' } });
    expect(again.json.detail).toBe(`Заявка № ${app.number} в статусе «Подана»: перевести в статус «Подана» нельзя`);
    const edit = await send('PATCH', url, { version: 3, title: 'x' });
    expect(edit.json).toMatchObject({ status: 409, code: 'not-a-draft', detail: `Заявка № ${app.number} в статусе «Подана»: изменять можно только черновик` });
  });

  it('every submit problem carries a code, and its message reads in Russian with money in roubles', async () => {
    const comp = await makeCompetition(t, op.id, { requiredAttachmentKinds: ['charter'] });
    const content = { ...completeDraft(comp, 100) };
    const app = await makeApplication(t, comp, org.id, owner.id, { content });
    const r = await send('POST', `/api/v1/applications/${app.id}/submit`);
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ code: 'rule-check-failed', params: { count: 2 }, detail: 'Заявку пока нельзя подать: исправьте замечания (2)' });
    expect(r.json.errors).toEqual([
      { path: 'requestedKopecks', code: 'requested-out-of-range', params: { min: 1_000_000, max: 50_000_000 },
        message: 'Запрашиваемая сумма должна быть от 10\u00a0000,00\u00a0₽ до 500\u00a0000,00\u00a0₽' },
      { path: 'attachments.charter', code: 'attachment-required', params: { kind: 'charter' }, message: 'Приложите документ «Устав»' },
    ]);
  });

  it('a region outside the competition’s and another’s organisation name organizationId by code', async () => {
    const comp = await makeCompetition(t, op.id, { regionCodes: ['62', '77'] });
    const far = await send('POST', `/api/v1/competitions/${comp.id}/applications`, { organizationId: org.id });
    expect(far.json).toMatchObject({ status: 409, code: 'region-not-allowed', params: { regions: ['62', '77'], regionCode: '40' } });
    expect(far.json.detail).toBe(`Конкурс ${comp.code} принимает заявки только от организаций из регионов: Рязанская область, Москва`);
    const foreign = await makeOrganization(t, stranger.id, '40');
    const notMine = await send('POST', `/api/v1/competitions/${comp.id}/applications`, { organizationId: foreign.id });
    expect(notMine.json).toMatchObject({ status: 404, code: 'not-found', detail: 'Организация не найдена', errors: [{ path: 'organizationId', code: 'not-a-member' }] });
  });
});
