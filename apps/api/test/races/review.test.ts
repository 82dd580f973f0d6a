// Races on the real PostgreSQL server (row locks do not exist on PGlite's single connection).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeScoredApplication, makeUser, type TestUser } from '../fixtures.js';
import { applications, assignments, awards, competitions } from '../../src/db/schema/index.js';
import { verifyAuditChain } from '../../src/services/audit-log.js';

let t: TestApp;
beforeAll(async () => { if (isRealPostgres) t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe.runIf(isRealPostgres)('review races', () => {
  it('20 parallel award confirmations: exactly one 201, the rest 409, the budget never exceeded', async () => {
    const op = await makeOperator(t);
    const organisers = await Promise.all(Array.from({ length: 4 }, () => makeUser(t, 'organiser', { operatorId: op.id })));
    const owner = await makeUser(t, 'applicant');
    const comp = await makeCompetition(t, op.id, { status: 'review', budgetKopecks: 50_000_000, passMark: 50 });
    for (let i = 0; i < 12; i++) {
      const org = await makeOrganization(t, owner.id);
      await makeScoredApplication(t, comp, org.id, owner.id, { finalScore: 60 + i, requestedKopecks: 9_000_000 + i * 100_000 });
    }
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      call(t, organisers[i % 4].token, 'POST', `/api/v1/competitions/${comp.id}/awards`, { mode: i % 2 ? 'skip' : 'stop' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const recorded = await t.db.select().from(awards).where(eq(awards.competitionId, comp.id));
    expect(recorded.reduce((s, a) => s + a.amountKopecks, 0)).toBeLessThanOrEqual(50_000_000);
    expect(recorded.length).toBe(results.find((r) => r.status === 201)!.json.awards.length);
    const [c] = await t.db.select().from(competitions).where(eq(competitions.id, comp.id));
    expect(c.status).toBe('decided');
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('two divergent reviews submitted at the same moment add exactly one extra expert', async () => {
    const op = await makeOperator(t);
    const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
    const experts: TestUser[] = await Promise.all(Array.from({ length: 6 }, () => makeUser(t, 'expert')));
    const owner = await makeUser(t, 'applicant');
    const comp = await makeCompetition(t, op.id, {
      status: 'review', experts: experts.map((e) => e.id), divergenceThreshold: 30,
      criteria: [{ code: 'K1', weight: 1, maxScore: 10 }],
    });
    const apps = [];
    for (let i = 0; i < 5; i++) apps.push(await makeApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id, { status: 'admitted' }));
    expect((await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`)).json.created).toBe(10);
    const rows = await t.db.select().from(assignments).where(eq(assignments.competitionId, comp.id));
    const token = (id: string) => experts.find((e) => e.id === id)!.token;
    for (const a of rows) {
      const high = rows.filter((r) => r.applicationId === a.applicationId)[0].id === a.id;
      expect((await call(t, token(a.expertId), 'PUT', `/api/v1/assignments/${a.id}/review`, { scores: [{ criterionCode: 'K1', score: high ? 10 : 1 }] })).status).toBe(200);
    }
    // Every pair of reviews of an application at once.
    const submits = await Promise.all(rows.map((a) => call(t, token(a.expertId), 'POST', `/api/v1/assignments/${a.id}/review/submit`)));
    expect(submits.map((s) => s.status)).toEqual(rows.map(() => 200));
    for (const app of apps) {
      const on = await t.db.select().from(assignments).where(eq(assignments.applicationId, app.id));
      expect(on.filter((a) => a.isExtra)).toHaveLength(1);
      expect(on).toHaveLength(3);
      const [row] = await t.db.select().from(applications).where(eq(applications.id, app.id));
      expect(row).toMatchObject({ status: 'under_review', extraReviewerAssigned: true });
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
  it('the same assignment submitted and declined at once: exactly one wins, the others are refused by code', async () => {
    const op = await makeOperator(t);
    const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
    const experts: TestUser[] = await Promise.all(Array.from({ length: 3 }, () => makeUser(t, 'expert')));
    const owner = await makeUser(t, 'applicant');
    const comp = await makeCompetition(t, op.id, { status: 'review', experts: experts.map((e) => e.id), criteria: [{ code: 'K1', weight: 1, maxScore: 10 }] });
    const app = await makeApplication(t, comp, (await makeOrganization(t, owner.id)).id, owner.id, { status: 'admitted' });
    await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/assignments/auto`);
    const [a] = await t.db.select().from(assignments).where(eq(assignments.applicationId, app.id));
    const expert = experts.find((e) => e.id === a.expertId)!;
    await call(t, expert.token, 'PUT', `/api/v1/assignments/${a.id}/review`, { scores: [{ criterionCode: 'K1', score: 7 }] });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2
      ? call(t, expert.token, 'POST', `/api/v1/assignments/${a.id}/review/submit`)
      : call(t, expert.token, 'POST', `/api/v1/assignments/${a.id}/decline`, { reason: 'Конфликт' }))));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused.map((r) => r.status)).toEqual(refused.map(() => 409));
    const [final] = await t.db.select().from(assignments).where(eq(assignments.id, a.id));
    const expected = final.status === 'submitted' ? 'already-submitted' : 'assignment-declined';
    expect(refused.map((r) => r.json.code)).toEqual(refused.map(() => expected));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});
