import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeCompetition, makeOperator, makeOrganization, makeScoredApplication, makeUser } from '../fixtures.js';
import { assignments, awards, reviews } from '../../src/db/schema/index.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

/** A decided competition: a winner with two reviews, a loser; published unless told. */
async function decided(status: 'decided' | 'published' | 'archived' = 'published') {
  const op = await makeOperator(t);
  const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  const owner = await makeUser(t, 'applicant');
  const member = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, owner.id, '62', [member.id]);
  const comp = await makeCompetition(t, op.id, { status });
  const winner = await makeScoredApplication(t, comp, org.id, owner.id, { finalScore: 76.25, status: 'winner' });
  const loser = await makeScoredApplication(t, comp, org.id, owner.id, { finalScore: 50, status: 'not_supported' });
  await t.db.insert(awards).values({ competitionId: comp.id, applicationId: winner.id, rank: 1, amountKopecks: 10_000_000, createdBy: organiser.id });
  const experts = [await makeUser(t, 'expert'), await makeUser(t, 'expert')];
  const totals = [80, 72.5];
  // The reviews export numbers reviews by id within an application: the first submitted has the higher id here.
  for (const [i, e] of experts.entries()) {
    const [a] = await t.db.insert(assignments).values({ competitionId: comp.id, applicationId: winner.id, expertId: e.id, status: 'submitted' }).returning();
    await t.db.insert(reviews).values({
      id: i === 0 ? crypto.randomUUID().replace(/^.{8}/, 'ffffffff') : crypto.randomUUID().replace(/^.{8}/, '00000000'),
      assignmentId: a.id, applicationId: winner.id, expertId: e.id, status: 'submitted', total: totals[i], comment: `Вывод ${i + 1}`,
      scores: [{ criterionCode: 'K1', score: 8 - i, comment: 'ok' }, { criterionCode: 'K2', score: null, comment: '' }], submittedAt: new Date(Date.UTC(2026, 1, 1, 0, i)),
    });
  }
  return { organiser, owner, member, org, comp, winner, loser, experts };
}

describe('GET /applications/:id/results', () => {
  it('shows the members of the organisation their score, rank, amount and anonymised reviews', async () => {
    const { member, winner, loser, experts } = await decided();
    const r = await call(t, member.token, 'GET', `/api/v1/applications/${winner.id}/results`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      finalScore: 76.25, rank: 1, status: 'winner', awardedKopecks: null, reason: null,
      reviews: [
        { expert: 'Expert 1', total: 72.5, scores: [{ criterionCode: 'K1', score: 7, comment: 'ok' }], comment: 'Вывод 2' },
        { expert: 'Expert 2', total: 80, scores: [{ criterionCode: 'K1', score: 8, comment: 'ok' }], comment: 'Вывод 1' },
      ],
    });
    for (const e of experts) expect(r.body).not.toContain(e.id);
    // Decided before reasons were kept, with a final score: no reason to tell.
    expect((await call(t, member.token, 'GET', `/api/v1/applications/${loser.id}/results`)).json).toMatchObject({ rank: 2, finalScore: 50, status: 'not_supported', reviews: [], reason: null });
  });

  it('numbers the experts as the organiser\'s reviews export lists them', async () => {
    const { owner, organiser, comp, winner } = await decided();
    const results = await call(t, owner.token, 'GET', `/api/v1/applications/${winner.id}/results`);
    const csv = await call(t, organiser.token, 'GET', `/api/v1/exports/reviews.csv?competitionId=${comp.id}`);
    expect(csv.status).toBe(200);
    const rows = csv.body.split(/\r?\n/).filter((line) => line.includes(winner.number));
    expect(rows.map((line) => (line.includes('Вывод 1') ? 80 : line.includes('Вывод 2') ? 72.5 : null)))
      .toEqual(results.json.reviews.map((r: { total: number }) => r.total));
  });

  it('tells a not supported application why, keeping its score and rank', async () => {
    const op = await makeOperator(t);
    const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
    const owner = await makeUser(t, 'applicant');
    const [X, Y, Z, V] = [await makeOrganization(t, owner.id), await makeOrganization(t, owner.id), await makeOrganization(t, owner.id), await makeOrganization(t, owner.id)];
    const comp = await makeCompetition(t, op.id, { status: 'review', budgetKopecks: 1_000_000_00, passMark: 66, oneWinPerOrganization: true, maxGrantKopecks: 1_000_000_00 });
    const make = (org: string, finalScore: number | null, rub: number) => makeScoredApplication(t, comp, org, owner.id, { finalScore, requestedKopecks: rub * 100 });
    const won = await make(X.id, 76.25, 600_000);
    const sameOrg = await make(X.id, 74, 200_000);
    const tooBig = await make(Y.id, 70.1, 500_000);
    const low = await make(Z.id, 65, 100_000);
    const unscored = await make(V.id, null, 100_000);
    expect((await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/awards`, { mode: 'skip' })).status).toBe(201);
    expect((await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/publish`)).status).toBe(200);
    const read = async (id: string) => (await call(t, owner.token, 'GET', `/api/v1/applications/${id}/results`)).json;
    expect(await read(won.id)).toMatchObject({ status: 'winner', rank: 1, reason: null });
    expect(await read(sameOrg.id)).toMatchObject({ status: 'not_supported', finalScore: 74, rank: 2, reason: 'organization-won' });
    expect(await read(tooBig.id)).toMatchObject({ status: 'not_supported', finalScore: 70.1, rank: 3, reason: 'budget-exhausted' });
    expect(await read(low.id)).toMatchObject({ status: 'not_supported', finalScore: 65, rank: 4, reason: 'below-pass-mark' });
    expect(await read(unscored.id)).toMatchObject({ status: 'not_supported', finalScore: null, rank: null, reason: 'not-reviewed' });
  });

  it('waits for publication (409) and stays visible once archived', async () => {
    const before = await decided('decided');
    const r = await call(t, before.owner.token, 'GET', `/api/v1/applications/${before.winner.id}/results`);
    expect([r.status, r.json.type]).toEqual([409, 'urn:konkurs:problem:results-not-published']);
    expect(r.json.detail).toBe('Итоги этого конкурса ещё не опубликованы');
    const archived = await decided('archived');
    expect((await call(t, archived.owner.token, 'GET', `/api/v1/applications/${archived.winner.id}/results`)).status).toBe(200);
  });

  it('is 404 for anyone outside the organisation, 403 for staff and experts, 401 without a token', async () => {
    const { winner, organiser, experts } = await decided();
    const other = await makeUser(t, 'applicant');
    expect((await call(t, other.token, 'GET', `/api/v1/applications/${winner.id}/results`)).status).toBe(404);
    expect((await call(t, other.token, 'GET', '/api/v1/applications/00000000-0000-4000-8000-000000000000/results')).status).toBe(404);
    expect((await call(t, organiser.token, 'GET', `/api/v1/applications/${winner.id}/results`)).status).toBe(403);
    expect((await call(t, experts[0].token, 'GET', `/api/v1/applications/${winner.id}/results`)).status).toBe(403);
    expect((await call(t, null, 'GET', `/api/v1/applications/${winner.id}/results`)).status).toBe(401);
    expect((await call(t, other.token, 'GET', '/api/v1/applications/bad/results')).status).toBe(400);
  });
});

describe('GET /public/competitions/:id/results', () => {
  it('lists the winners of a published competition without signing in', async () => {
    const { comp, winner, org } = await decided();
    const r = await call(t, null, 'GET', `/api/v1/public/competitions/${comp.id}/results`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ items: [{
      applicationId: winner.id, number: winner.number, title: 'Школа волонтёров', organization: org.fullName, inn: org.inn, regionCode: '62',
      directionCode: 'social_services', amountKopecks: 10_000_000, finalScore: 76.25,
      // No report of it yet.
      reportStatus: 'in_progress',
    }] });
  });

  it('is 404 before publication and for an unknown competition', async () => {
    const { comp } = await decided('decided');
    const early = await call(t, null, 'GET', `/api/v1/public/competitions/${comp.id}/results`);
    expect([early.status, early.json.code, early.json.params]).toEqual([404, 'not-found', { entity: 'results' }]);
    expect((await call(t, null, 'GET', '/api/v1/public/competitions/00000000-0000-4000-8000-000000000000/results')).status).toBe(404);
  });
});
