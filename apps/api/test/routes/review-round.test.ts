// A whole round through the review endpoints: screening → automatic assignment → reviews (one divergent)
// → ranking → proposal → confirmation → publication → the applicant's results and the public registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, completeDraft, type TestUser } from '../fixtures.js';
import { verifyAuditChain } from '../../src/services/audit-log.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const WORKED_CRITERIA = [
  { code: 'K1', weight: 2, maxScore: 10 },
  { code: 'K2', weight: 1, maxScore: 10, commentRequired: true },
  { code: 'K3', weight: 1, maxScore: 10 },
];

async function review(expert: TestUser, assignmentId: string, [a, b, c]: number[]) {
  const scores = [{ criterionCode: 'K1', score: a, comment: '' }, { criterionCode: 'K2', score: b, comment: 'Обоснование оценки' }, { criterionCode: 'K3', score: c, comment: '' }];
  const saved = await call(t, expert.token, 'PUT', `/api/v1/assignments/${assignmentId}/review`, { scores, comment: 'Итог' });
  expect(saved.status).toBe(200);
  const submitted = await call(t, expert.token, 'POST', `/api/v1/assignments/${assignmentId}/review/submit`);
  expect(submitted.status).toBe(200);
  return submitted.json.total as number;
}

describe('a whole review round', () => {
  it('runs from screening to the published winners registry', async () => {
    const op = await makeOperator(t);
    const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
    const experts = [await makeUser(t, 'expert', { expertDirections: ['youth'] }), await makeUser(t, 'expert', { expertDirections: ['culture'] }), await makeUser(t, 'expert')];
    const owners = [await makeUser(t, 'applicant'), await makeUser(t, 'applicant'), await makeUser(t, 'applicant'), await makeUser(t, 'applicant')];
    const orgs = [
      await makeOrganization(t, owners[0].id), await makeOrganization(t, owners[1].id),
      await makeOrganization(t, owners[2].id, '40', [experts[2].id]), // the third expert is a member: never assigned to it
      await makeOrganization(t, owners[3].id),
    ];
    const comp = await makeCompetition(t, op.id, {
      status: 'review', criteria: WORKED_CRITERIA, experts: experts.map((e) => e.id), budgetKopecks: 100_000_000, passMark: 66, divergenceThreshold: 30,
    });
    const requested = [60_000_000, 30_000_000, 50_000_000, 10_000_000];
    const apps = await Promise.all(orgs.map((o, i) => makeApplication(t, comp, o.id, owners[i].id, { status: 'submitted', content: completeDraft(comp, requested[i]) })));
    const [A, B, C, D] = apps;

    // Screening: a reason is required to reject; the applicant sees it.
    const noReason = await call(t, organiser.token, 'POST', `/api/v1/applications/${D.id}/screening`, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.errors[0].path).toBe('reason');
    for (const a of [A, B, C]) expect((await call(t, organiser.token, 'POST', `/api/v1/applications/${a.id}/screening`, { decision: 'admit' })).status).toBe(200);
    const rejected = await call(t, organiser.token, 'POST', `/api/v1/applications/${D.id}/screening`, { decision: 'reject', reason: 'Нет устава' });
    expect(rejected.json).toMatchObject({ status: 'rejected', screeningReason: 'Нет устава' });

    // Automatic assignment: 3 applications × 2 over 3 experts, the member kept off C.
    const auto = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`);
    expect(auto.status, auto.body).toBe(200);
    expect(auto.json).toEqual({ created: 6, unassigned: [] });
    const list = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/assignments?limit=500`);
    const pairs = list.json.items.map((x: { applicationId: string; expertId: string }) => `${x.applicationId}:${x.expertId}`);
    expect(pairs).not.toContain(`${C.id}:${experts[2].id}`);
    const pool = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/experts`);
    expect(pool.json.items.map((e: { load: number }) => e.load)).toEqual([2, 2, 2]);

    // Each expert reviews what they were given.
    const plan: Record<string, number[][]> = { [A.id]: [[8, 6, 7], [9, 9, 5]], [B.id]: [[10, 10, 10], [2, 2, 2]], [C.id]: [[7, 7, 7], [7, 7, 7]] };
    const totals: Record<string, number[]> = {};
    for (const e of experts) {
      const mine = await call(t, e.token, 'GET', '/api/v1/assignments/mine');
      for (const a of mine.json.items) {
        const score = plan[a.applicationId].shift()!;
        (totals[a.applicationId] ??= []).push(await review(e, a.id, score));
      }
    }
    expect(totals[A.id].sort()).toEqual([72.5, 80]);
    // B diverges (100 vs 20): exactly one extra expert, the one not yet on it.
    const extra = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/assignments?applicationId=${B.id}`);
    const extraOne = extra.json.items.find((x: { isExtra: boolean }) => x.isExtra);
    expect(extra.json.items).toHaveLength(3);
    const extraExpert = experts.find((e) => e.id === extraOne.expertId)!;

    // While the extra review is pending: B is divergent (the fact), its extra expert assigned, waiting and unranked
    // after the ranked ones; the proposal names it and the confirmation is refused.
    const before = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/ranking`);
    expect(before.json.items.map((r: { applicationId: string; rank: number | null; waiting: boolean; divergent: boolean; extraExpert: string | null }) =>
      [r.applicationId, r.rank, r.waiting, r.divergent, r.extraExpert])).toEqual([[A.id, 1, false, false, null], [C.id, 2, false, false, null], [B.id, null, true, true, 'assigned']]);
    const early = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/awards/proposal`, { mode: 'stop' });
    expect(early.json.waiting).toEqual([{ applicationId: B.id, number: B.number, title: B.title }]);
    const refused = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/awards`, { mode: 'stop' });
    expect([refused.status, refused.json.code, refused.json.params]).toEqual([409, 'reviews-pending', { numbers: [B.number], count: 1 }]);

    expect(await review(extraExpert, extraOne.id, [5, 5, 5])).toBe(50);

    const ranking = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/ranking`);
    expect(ranking.status).toBe(200);
    expect(ranking.json.nextCursor).toBeNull();
    expect(ranking.json.items.map((r: { applicationId: string; finalScore: number; rank: number }) => [r.applicationId, r.finalScore, r.rank]))
      .toEqual([[A.id, 76.25, 1], [C.id, 70, 2], [B.id, 56.67, 3]]);
    expect(ranking.json.items.every((r: { status: string; normalizedScore: number | null }) => r.status === 'reviewed' && r.normalizedScore !== null)).toBe(true);
    expect(ranking.json.items[2]).toMatchObject({ divergent: true, extraExpert: 'reviewed', waiting: false });

    const proposal = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/awards/proposal`, { mode: 'stop' });
    expect(proposal.json).toEqual({ budgetKopecks: 100_000_000, allocatedKopecks: 60_000_000, remainingKopecks: 40_000_000, awards: [{ applicationId: A.id, rank: 1, amountKopecks: 60_000_000 }], waiting: [] });
    const lowered = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/awards/proposal`, { mode: 'stop', overrides: [{ applicationId: C.id, amountKopecks: 40_000_000 }] });
    expect(lowered.json.awards).toHaveLength(2);
    // The organiser sees a results 409 for the applicant before publication.
    expect((await call(t, owners[0].token, 'GET', `/api/v1/applications/${A.id}/results`)).status).toBe(409);
    expect((await call(t, null, 'GET', `/api/v1/public/competitions/${comp.id}/results`)).status).toBe(404);

    const confirmed = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/awards`, { mode: 'stop', overrides: [{ applicationId: C.id, amountKopecks: 40_000_000 }] });
    expect(confirmed.status).toBe(201);
    expect(confirmed.json.allocatedKopecks).toBe(100_000_000);
    expect((await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/awards`, { mode: 'stop' })).status).toBe(409);

    expect((await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/publish`)).status).toBe(200);

    const results = await call(t, owners[0].token, 'GET', `/api/v1/applications/${A.id}/results`);
    expect(results.status).toBe(200);
    expect(results.json).toMatchObject({ finalScore: 76.25, rank: 1, status: 'winner', awardedKopecks: 60_000_000 });
    expect(results.json.reviews.map((r: { expert: string }) => r.expert)).toEqual(['Expert 1', 'Expert 2']);
    for (const e of experts) {
      expect(results.body).not.toContain(e.id);
      expect(results.body).not.toContain(e.email);
    }
    const loser = await call(t, owners[1].token, 'GET', `/api/v1/applications/${B.id}/results`);
    expect(loser.json).toMatchObject({ status: 'not_supported', rank: 3, finalScore: 56.67, awardedKopecks: null, reason: 'below-pass-mark' });
    expect(loser.json.reviews).toHaveLength(3);
    expect((await call(t, owners[1].token, 'GET', `/api/v1/applications/${A.id}/results`)).status).toBe(404);

    const registry = await call(t, null, 'GET', `/api/v1/public/competitions/${comp.id}/results`);
    expect(registry.status).toBe(200);
    expect(registry.json.items.map((i: { applicationId: string; amountKopecks: number; finalScore: number }) => [i.applicationId, i.amountKopecks, i.finalScore]))
      .toEqual([[A.id, 60_000_000, 76.25], [C.id, 40_000_000, 70]]);
    expect(registry.json.items[0]).toMatchObject({ inn: orgs[0].inn, regionCode: '40', organization: orgs[0].fullName });

    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
