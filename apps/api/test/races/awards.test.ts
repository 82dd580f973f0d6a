// Finding 8 of the audit, raced on the real PostgreSQL server (READ COMMITTED; PGlite has one connection and no
// row locks): the award confirmation against the submission of the last review, started together, many times.
// The invariant: a confirmation that succeeds has seen every review in (each application decided from "reviewed"),
// or it answers 409 reviews-pending; never a decision recorded while a review of an admitted application was
// pending at its commit. Half the rounds make the last review diverge, so that it brings the extra expert: the
// confirmation must then wait for that review too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeScoredApplication, makeUser, type TestUser } from '../fixtures.js';
import { applications, assignments, auditEvents, awards, competitions, reviews } from '../../src/db/schema/index.js';
import { verifyAuditChain } from '../../src/services/audit-log.js';

let t: TestApp;
beforeAll(async () => { if (isRealPostgres) t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const ROUNDS = 24;
/** Each round is a dozen requests: on a loaded machine the rounds take longer than vitest's default. */
const TIMEOUT_MS = 180_000;

/** A competition in review with one admitted application, two experts on it: the first review in, the second saved. */
async function roundWithOneReviewLeft(op: { id: string }, organiser: TestUser, experts: TestUser[], owner: TestUser, diverge: boolean) {
  const comp = await makeCompetition(t, op.id, {
    status: 'review', experts: experts.map((e) => e.id), reviewersPerApplication: 2, divergenceThreshold: 30, passMark: 0,
    criteria: [{ code: 'K1', weight: 1, maxScore: 10 }],
  });
  const app = await makeApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id, { status: 'admitted' });
  const ids: string[] = [];
  for (const [i, e] of experts.slice(0, 2).entries()) {
    const a = await call(t, organiser.token, 'POST', '/api/v1/assignments', { applicationId: app.id, expertId: e.id });
    expect(a.status, a.body).toBe(201);
    const score = i === 0 ? 10 : diverge ? 1 : 9;
    expect((await call(t, e.token, 'PUT', `/api/v1/assignments/${a.json.id}/review`, { scores: [{ criterionCode: 'K1', score }] })).status).toBe(200);
    ids.push(a.json.id);
  }
  expect((await call(t, experts[0].token, 'POST', `/api/v1/assignments/${ids[0]}/review/submit`)).status).toBe(200);
  return { comp, app, last: ids[1] };
}

describe.runIf(isRealPostgres)('award confirmation against the last review', () => {
  it(`${ROUNDS} rounds: the confirmation sees the review in, or answers 409; never a decision over a pending review`, async () => {
    const op = await makeOperator(t);
    const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
    const experts = await Promise.all(Array.from({ length: 3 }, () => makeUser(t, 'expert')));
    const owner = await makeUser(t, 'applicant');
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const diverge = round % 2 === 1;
      const { comp, app, last } = await roundWithOneReviewLeft(op, organiser, experts, owner, diverge);
      const submit = () => call(t, experts[1].token, 'POST', `/api/v1/assignments/${last}/review/submit`);
      const confirm = () => call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/awards`, { mode: 'stop' });
      const [review, decision] = round % 4 < 2 ? await Promise.all([submit(), confirm()]) : (await Promise.all([confirm(), submit()])).reverse();
      outcomes.add(`${review.status}/${decision.status}`);

      const [c] = await t.db.select().from(competitions).where(eq(competitions.id, comp.id));
      const [a] = await t.db.select().from(applications).where(eq(applications.id, app.id));
      const open = (await t.db.select().from(assignments).where(eq(assignments.applicationId, app.id))).filter((x) => x.status === 'assigned');
      const recorded = await t.db.select().from(awards).where(eq(awards.competitionId, comp.id));
      if (decision.status === 201) {
        // Decided: the review came in first, nothing was left to review, the application was decided from "reviewed".
        expect([review.status, diverge, c.status, open.length, a.finalScore !== null], `round ${round}`).toEqual([200, false, 'decided', 0, true]);
        expect(['winner', 'not_supported']).toContain(a.status);
        // In commit order (the audit chain's): the review's event before the decision's.
        const [r] = await t.db.select().from(reviews).where(eq(reviews.assignmentId, last));
        const [submitted] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, r.id), eq(auditEvents.action, 'review.submitted')));
        const [decided] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, comp.id), eq(auditEvents.action, 'competition.decided')));
        expect(submitted.id).toBeLessThan(decided.id);
      } else {
        // Refused: a review was pending (the last one, or the extra expert's it brought); nothing decided.
        expect([decision.status, decision.json.code, c.status, recorded.length], `round ${round}: ${decision.body}`).toEqual([409, 'reviews-pending', 'review', 0]);
        expect(review.status, `round ${round}: ${review.body}`).toBe(200);
        if (!diverge) {
          // The review may have come in just after the refusal: the confirmation asked again now succeeds.
          expect((await confirm()).status).toBe(201);
        } else {
          expect(open.map((x) => x.isExtra)).toEqual([true]);
        }
      }
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  }, TIMEOUT_MS);

  it(`${ROUNDS} rounds against an admission: an application admitted meanwhile is never left unreviewed in a decided competition`, async () => {
    // The snapshot alone does not hold this one: the confirmation's read sees the application submitted (nobody waits
    // for it), the admission's read sees the competition in review. The competition row (FOR UPDATE against the
    // admission's FOR SHARE) makes one wait for the other, and the one that waited reads the other's outcome.
    const op = await makeOperator(t);
    const organisers = await Promise.all([makeUser(t, 'organiser', { operatorId: op.id }), makeUser(t, 'organiser', { operatorId: op.id })]);
    const owner = await makeUser(t, 'applicant');
    for (let round = 0; round < ROUNDS; round++) {
      const comp = await makeCompetition(t, op.id, { status: 'review', passMark: 0 });
      await makeScoredApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id, { finalScore: 70 });
      const late = await makeApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id, { status: 'submitted' });
      const admit = () => call(t, organisers[0].token, 'POST', `/api/v1/applications/${late.id}/screening`, { decision: 'admit' });
      const confirm = () => call(t, organisers[1].token, 'POST', `/api/v1/competitions/${comp.id}/awards`, { mode: 'stop' });
      const [admission, decision] = round % 2 ? await Promise.all([admit(), confirm()]) : (await Promise.all([confirm(), admit()])).reverse();
      const [a] = await t.db.select().from(applications).where(eq(applications.id, late.id));
      const [c] = await t.db.select().from(competitions).where(eq(competitions.id, comp.id));
      if (decision.status === 201) {
        expect([admission.status, c.status, a.status], `round ${round}: ${admission.body}`).toEqual([409, 'decided', 'submitted']);
      } else {
        expect([decision.status, decision.json.code, admission.status, c.status, a.status], `round ${round}: ${decision.body}`)
          .toEqual([409, 'reviews-pending', 200, 'review', 'admitted']);
      }
    }
  }, TIMEOUT_MS);
});
