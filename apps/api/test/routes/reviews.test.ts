import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';
import { applications, assignments, competitions } from '../../src/db/schema/index.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const CRITERIA = [
  { code: 'K1', weight: 2, maxScore: 10 },
  { code: 'K2', weight: 1, maxScore: 10, commentRequired: true },
  { code: 'K3', weight: 1, maxScore: 10 },
];
const full = (a: number, b: number, c: number) => ({
  scores: [{ criterionCode: 'K1', score: a, comment: '' }, { criterionCode: 'K2', score: b, comment: 'Есть обоснование' }, { criterionCode: 'K3', score: c }],
  comment: 'Общий вывод',
});

/** A competition in review with one application assigned to `reviewers` of the pool's experts. */
async function assigned(options: { experts?: number; reviewers?: number; threshold?: number } = {}) {
  const op = await makeOperator(t);
  const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  const experts: TestUser[] = [];
  for (let i = 0; i < (options.experts ?? 2); i++) experts.push(await makeUser(t, 'expert'));
  const owner = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, owner.id);
  const comp = await makeCompetition(t, op.id, {
    status: 'review', criteria: CRITERIA, experts: experts.map((e) => e.id), reviewersPerApplication: options.reviewers ?? 2, divergenceThreshold: options.threshold ?? 30,
  });
  const app = await makeApplication(t, comp, org.id, owner.id, { status: 'admitted' });
  await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`);
  const rows = await t.db.select().from(assignments).where(eq(assignments.applicationId, app.id));
  const byExpert = (e: TestUser) => rows.find((r) => r.expertId === e.id)!;
  return { organiser, experts, owner, comp, app, rows, byExpert };
}
const put = (u: TestUser, id: string, body: unknown) => call(t, u.token, 'PUT', `/api/v1/assignments/${id}/review`, body);
const submit = (u: TestUser, id: string) => call(t, u.token, 'POST', `/api/v1/assignments/${id}/review/submit`);
const appRow = async (id: string) => (await t.db.select().from(applications).where(eq(applications.id, id)))[0];

describe('review drafts', () => {
  it('starts blank, saves versioned drafts, refuses a stale version (412)', async () => {
    const { experts, byExpert } = await assigned();
    const e = experts[0];
    const a = byExpert(e);
    const blank = await call(t, e.token, 'GET', `/api/v1/assignments/${a.id}/review`);
    expect(blank.json).toMatchObject({ id: null, status: 'draft', version: 0, total: null, comment: '' });
    expect(blank.json.scores).toEqual(CRITERIA.map((c) => ({ criterionCode: c.code, score: null, comment: '' })));
    const first = await put(e, a.id, { scores: [{ criterionCode: 'K2', score: 4 }], comment: 'черновик' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ version: 1, comment: 'черновик' });
    expect(first.json.scores[1]).toEqual({ criterionCode: 'K2', score: 4, comment: '' });
    expect((await put(e, a.id, { scores: [] })).status).toBe(412); // no version: based on nothing
    const second = await put(e, a.id, { version: 1, scores: [{ criterionCode: 'K1', score: 7 }] });
    expect(second.json.version).toBe(2);
    const stale = await put(e, a.id, { version: 1, scores: [] });
    expect(stale.status).toBe(412);
    expect(stale.json.type).toBe('urn:konkurs:problem:stale-version');
    expect((await call(t, e.token, 'GET', `/api/v1/assignments/${a.id}/review`)).json.scores[0].score).toBe(7);
  });

  it('two windows of one expert: the second save from the same version is a 412 in Russian and overwrites nothing', async () => {
    const { experts, byExpert } = await assigned();
    const e = experts[0];
    const a = byExpert(e);
    await put(e, a.id, { scores: [], comment: 'начало' });
    const windowA = await put(e, a.id, { version: 1, scores: [{ criterionCode: 'K1', score: 8 }], comment: 'окно A' });
    expect(windowA.json.version).toBe(2);
    const windowB = await put(e, a.id, { version: 1, scores: [{ criterionCode: 'K1', score: 2 }], comment: 'окно B' });
    expect(windowB.status).toBe(412);
    expect(windowB.json).toMatchObject({ code: 'stale-version', detail: 'Пока вы работали, данные изменили в другом окне или другой пользователь; обновите страницу и внесите изменения снова' });
    const stored = (await call(t, e.token, 'GET', `/api/v1/assignments/${a.id}/review`)).json;
    expect(stored).toMatchObject({ version: 2, comment: 'окно A' });
    expect(stored.scores[0].score).toBe(8);
    // After loading the newest version the same edits go in on top of it.
    expect((await put(e, a.id, { version: 2, scores: [{ criterionCode: 'K1', score: 2 }], comment: 'окно B' })).json.version).toBe(3);
  });

  it('refuses scores out of range, unknown criteria and bad bodies, naming the field', async () => {
    const { experts, byExpert } = await assigned();
    const e = experts[0];
    const a = byExpert(e);
    const cases: [unknown, string][] = [
      [{ scores: [{ criterionCode: 'K1', score: 11 }] }, 'scores.0.score'],
      [{ scores: [{ criterionCode: 'K1', score: 1 }, { criterionCode: 'K9', score: 1 }] }, 'scores.1.criterionCode'],
      [{ scores: [{ criterionCode: 'K1', score: 1 }, { criterionCode: 'K1', score: 2 }] }, 'scores.1.criterionCode'],
      [{ scores: [{ criterionCode: 'K1', score: 1.5 }] }, 'scores.0.score'],
      [{ scores: [{ criterionCode: 'K1', score: -1 }] }, 'scores.0.score'],
      [{ scores: [{ criterionCode: 'K1', score: 101 }] }, 'scores.0.score'],
      [{ scores: [{ criterionCode: 'K1', score: '5' }] }, 'scores.0.score'],
      [{ scores: 'all' }, 'scores'],
      [{}, 'scores'],
      [{ scores: [], comment: 'x'.repeat(10_001) }, 'comment'],
      [{ scores: [], version: 0 }, 'version'],
    ];
    for (const [body, path] of cases) {
      const r = await put(e, a.id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.errors.map((x: { path: string }) => x.path), JSON.stringify(body)).toContain(path);
    }
    // The rules beyond the schema answer by code, with the sentence in Russian.
    const range = await put(e, a.id, { scores: [{ criterionCode: 'K1', score: 11 }, { criterionCode: 'K9', score: 1 }] });
    expect(range.json.errors).toEqual([
      { path: 'scores.0.score', code: 'score-out-of-range', params: { max: 10 }, message: 'Балл — целое число от 0 до 10' },
      { path: 'scores.1.criterionCode', code: 'unknown-criterion', params: { criterionCode: 'K9' }, message: 'В конкурсе нет критерия K9' },
    ]);
    const malformed = await t.app.inject({ method: 'PUT', url: `/api/v1/assignments/${a.id}/review`, headers: { authorization: `Bearer ${e.token}`, 'content-type': 'application/json' }, payload: '[' });
    expect(malformed.statusCode).toBe(400);
  });

  it('is the assigned expert\'s alone: other experts 404, other roles 403, no token 401', async () => {
    const { experts, byExpert, organiser, owner } = await assigned({ experts: 2 });
    const a = byExpert(experts[0]);
    await put(experts[0], a.id, full(8, 6, 7));
    expect((await call(t, experts[1].token, 'GET', `/api/v1/assignments/${a.id}/review`)).status).toBe(404);
    expect((await put(experts[1], a.id, full(1, 1, 1))).status).toBe(404);
    expect((await submit(experts[1], a.id)).status).toBe(404);
    const outsider = await makeUser(t, 'expert');
    expect((await call(t, outsider.token, 'GET', `/api/v1/assignments/${a.id}/review`)).status).toBe(404);
    expect((await call(t, organiser.token, 'GET', `/api/v1/assignments/${a.id}/review`)).status).toBe(403);
    expect((await call(t, owner.token, 'GET', `/api/v1/assignments/${a.id}/review`)).status).toBe(403);
    expect((await call(t, null, 'GET', `/api/v1/assignments/${a.id}/review`)).status).toBe(401);
    expect((await call(t, experts[0].token, 'GET', '/api/v1/assignments/00000000-0000-4000-8000-000000000000/review')).status).toBe(404);
  });
});

describe('submitting reviews', () => {
  it('lists every missing score and comment (422), then submits once (200 total, then 409)', async () => {
    const { experts, byExpert } = await assigned();
    const e = experts[0];
    const a = byExpert(e);
    const nothing = await submit(e, a.id);
    expect(nothing.status).toBe(422);
    expect(nothing.json).toMatchObject({ code: 'review-incomplete', detail: 'Оценка заполнена не полностью' });
    expect(nothing.json.errors.map((x: { path: string }) => x.path)).toEqual(['scores.K1.score', 'scores.K2.score', 'scores.K2.comment', 'scores.K3.score']);
    expect(nothing.json.errors[2]).toMatchObject({ code: 'comment-required', message: 'Для этого критерия нужен комментарий' });
    await put(e, a.id, { scores: [{ criterionCode: 'K1', score: 8 }, { criterionCode: 'K2', score: 6 }] });
    expect((await submit(e, a.id)).json.errors.map((x: { path: string }) => x.path)).toEqual(['scores.K2.comment', 'scores.K3.score']);
    await put(e, a.id, { version: 1, ...full(8, 6, 7) });
    const ok = await submit(e, a.id);
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ total: 72.5 });
    const twice = await submit(e, a.id);
    expect(twice.status).toBe(409);
    expect(twice.json).toMatchObject({
      type: 'urn:konkurs:problem:already-submitted', code: 'already-submitted', detail: 'Экспертная оценка уже отправлена; отправленную оценку изменить нельзя',
    });
    const english = await t.app.inject({ method: 'POST', url: `/api/v1/assignments/${a.id}/review/submit`, headers: { authorization: `Bearer ${e.token}`, 'accept-language': 'en-GB,en;q=0.9' } });
    expect(english.json().detail).toBe('This review has been submitted; a submitted review is final');
    expect((await put(e, a.id, { version: 2, ...full(1, 1, 1) })).json.code).toBe('already-submitted');
    expect((await call(t, e.token, 'POST', `/api/v1/assignments/${a.id}/decline`, { reason: 'поздно' })).status).toBe(409);
    const read = await call(t, e.token, 'GET', `/api/v1/assignments/${a.id}/review`);
    expect(read.json).toMatchObject({ status: 'submitted', total: 72.5 });
    const mine = await call(t, e.token, 'GET', '/api/v1/assignments/mine?status=submitted');
    expect(mine.json.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
  });

  it('ends the review with the final score when the totals agree (worked example: 76.25)', async () => {
    const { experts, byExpert, app } = await assigned();
    await put(experts[0], byExpert(experts[0]).id, full(8, 6, 7));
    await submit(experts[0], byExpert(experts[0]).id);
    expect((await appRow(app.id)).status).toBe('under_review');
    await put(experts[1], byExpert(experts[1]).id, full(9, 9, 5));
    expect((await submit(experts[1], byExpert(experts[1]).id)).json.total).toBe(80);
    expect(await appRow(app.id)).toMatchObject({ status: 'reviewed', finalScore: 76.25, divergent: false, extraReviewerAssigned: false });
  });

  it('assigns exactly one extra expert when the totals diverge, and ends the review after it', async () => {
    const { experts, byExpert, app } = await assigned({ experts: 4 });
    const [x, y] = experts.filter((e) => byExpert(e));
    await put(x, byExpert(x).id, full(10, 10, 10));
    await submit(x, byExpert(x).id);
    await put(y, byExpert(y).id, full(2, 2, 2));
    await submit(y, byExpert(y).id);
    const rows = await t.db.select().from(assignments).where(eq(assignments.applicationId, app.id));
    expect(rows).toHaveLength(3);
    const extra = rows.find((r) => r.isExtra)!;
    expect(await appRow(app.id)).toMatchObject({ status: 'under_review', extraReviewerAssigned: true });
    const z = experts.find((e) => e.id === extra.expertId)!;
    await put(z, extra.id, full(10, 10, 10));
    await submit(z, extra.id);
    // Still 80 apart: no second extra expert; the review ends.
    expect(await appRow(app.id)).toMatchObject({ status: 'reviewed', finalScore: 73.33, divergent: false });
    expect(await t.db.select().from(assignments).where(eq(assignments.applicationId, app.id))).toHaveLength(3);
  });

  it('flags the application divergent when no expert is left for the extra review', async () => {
    const { experts, byExpert, app } = await assigned({ experts: 2 });
    await put(experts[0], byExpert(experts[0]).id, full(10, 10, 10));
    await submit(experts[0], byExpert(experts[0]).id);
    await put(experts[1], byExpert(experts[1]).id, full(0, 0, 0));
    await submit(experts[1], byExpert(experts[1]).id);
    expect(await appRow(app.id)).toMatchObject({ status: 'reviewed', finalScore: 50, divergent: true });
  });

  it('settles the application when a declined extra expert cannot be replaced', async () => {
    const { experts, byExpert, app } = await assigned({ experts: 3 });
    const [x, y] = experts.filter((e) => byExpert(e));
    await put(x, byExpert(x).id, full(10, 10, 10));
    await submit(x, byExpert(x).id);
    await put(y, byExpert(y).id, full(1, 1, 1));
    await submit(y, byExpert(y).id);
    const extra = (await t.db.select().from(assignments).where(eq(assignments.applicationId, app.id))).find((r) => r.isExtra)!;
    const z = experts.find((e) => e.id === extra.expertId)!;
    const d = await call(t, z.token, 'POST', `/api/v1/assignments/${extra.id}/decline`, { reason: 'Конфликт' });
    expect(d.json.replaced).toBe(false);
    expect(await appRow(app.id)).toMatchObject({ status: 'reviewed', finalScore: 55, divergent: true });
  });

  it('refuses review work once the competition has left review', async () => {
    const { experts, byExpert, comp } = await assigned();
    const a = byExpert(experts[0]);
    await put(experts[0], a.id, full(1, 2, 3));
    await t.db.update(competitions).set({ status: 'decided' }).where(eq(competitions.id, comp.id));
    const late = await put(experts[0], a.id, { version: 1, ...full(1, 2, 3) });
    expect(late.json).toMatchObject({ status: 409, code: 'competition-not-in-review', params: { code: comp.code, status: 'decided' } });
    expect(late.json.detail).toBe(`Конкурс ${comp.code} в статусе «Итоги подведены»: это делается только на этапе экспертизы`);
    expect((await submit(experts[0], a.id)).status).toBe(409);
  });
});
