import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { call, makeCompetition, makeOperator, makeOrganization, makeScoredApplication, makeUser } from '../fixtures.js';
import { assignments, reviews } from '../../src/db/schema/index.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function setup() {
  const op = await makeOperator(t);
  const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  const owner = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, owner.id);
  const comp = await makeCompetition(t, op.id, { status: 'review' });
  return { op, organiser, owner, org, comp };
}

async function addReview(competitionId: string, applicationId: string, expertId: string, total: number, submittedAt: Date) {
  const [a] = await t.db.insert(assignments).values({ competitionId, applicationId, expertId, status: 'submitted' }).returning();
  await t.db.insert(reviews).values({ assignmentId: a.id, applicationId, expertId, status: 'submitted', total, submittedAt });
}

describe('GET /competitions/:id/ranking', () => {
  it('orders by final score, ties by earlier submission, unscored last; raw and normalised scores side by side', async () => {
    const { organiser, owner, org, comp } = await setup();
    const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 10, m));
    const late = await makeScoredApplication(t, comp, org.id, owner.id, { finalScore: 80, submittedAt: at(30) });
    const early = await makeScoredApplication(t, comp, org.id, owner.id, { finalScore: 80, submittedAt: at(10) });
    const top = await makeScoredApplication(t, comp, org.id, owner.id, { finalScore: 90.5, submittedAt: at(50), divergent: true });
    const waiting = await makeScoredApplication(t, comp, org.id, owner.id, { finalScore: null, status: 'under_review', submittedAt: at(1) });
    await makeScoredApplication(t, comp, org.id, owner.id, { finalScore: null, status: 'submitted' }); // not screened: not ranked
    const [h, l] = [await makeUser(t, 'expert'), await makeUser(t, 'expert')];
    await addReview(comp.id, top.id, h.id, 90, at(60));
    await addReview(comp.id, top.id, l.id, 91, at(61));
    await addReview(comp.id, early.id, h.id, 70, at(62));
    await addReview(comp.id, early.id, l.id, 90, at(63));
    await addReview(comp.id, waiting.id, h.id, 50, at(64));
    const r = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/ranking`);
    expect(r.status).toBe(200);
    expect(r.json.map((x: { applicationId: string; rank: number }) => [x.applicationId, x.rank])).toEqual([[top.id, 1], [early.id, 2], [late.id, 3], [waiting.id, 4]]);
    expect(r.json[0]).toMatchObject({ finalScore: 90.5, divergent: true, status: 'reviewed', number: top.number, organization: org.fullName, organizationId: org.id, requestedKopecks: 10_000_000 });
    expect(r.json[0].reviews).toEqual([{ expertId: h.id, total: 90 }, { expertId: l.id, total: 91 }]);
    expect(typeof r.json[0].normalizedScore).toBe('number');
    expect(r.json[2]).toMatchObject({ reviews: [], normalizedScore: null });
    expect(r.json[3]).toMatchObject({ finalScore: null, normalizedScore: null, reviews: [{ expertId: h.id, total: 50 }] });
  });

  it('is for the organiser of the operator and the admin only', async () => {
    const { comp, owner } = await setup();
    const stranger = await makeUser(t, 'organiser', { operatorId: (await makeOperator(t)).id });
    expect((await call(t, stranger.token, 'GET', `/api/v1/competitions/${comp.id}/ranking`)).status).toBe(404);
    expect((await call(t, owner.token, 'GET', `/api/v1/competitions/${comp.id}/ranking`)).status).toBe(403);
    expect((await call(t, (await makeUser(t, 'expert')).token, 'GET', `/api/v1/competitions/${comp.id}/ranking`)).status).toBe(403);
    expect((await call(t, null, 'GET', `/api/v1/competitions/${comp.id}/ranking`)).status).toBe(401);
    expect((await call(t, (await makeUser(t, 'admin')).token, 'GET', `/api/v1/competitions/${comp.id}/ranking`)).status).toBe(200);
    expect((await call(t, stranger.token, 'GET', '/api/v1/competitions/nope/ranking')).status).toBe(400);
  });

  it.runIf(isRealPostgres)('ranks a national round (12,000 applications, 24,000 reviews) in one response', async () => {
    const { organiser, owner, org, comp } = await setup();
    const experts = await Promise.all(Array.from({ length: 20 }, () => makeUser(t, 'expert')));
    const ids = `array[${experts.map((e) => `'${e.id}'::uuid`).join(',')}]`;
    await t.db.execute(sql.raw(`
      insert into applications (competition_id, organization_id, number, status, region_code, created_by, requested_kopecks, final_score, submitted_at, title)
      select '${comp.id}', '${org.id}', 'BIG-' || lpad(g::text, 6, '0'), 'reviewed', '40', '${owner.id}', 1000000, round((random() * 100)::numeric, 2), now() - g * interval '1 second', 'Проект ' || g
      from generate_series(1, 12000) g`));
    await t.db.execute(sql.raw(`
      with a as (select id, row_number() over (order by number) n from applications where competition_id = '${comp.id}'),
      ins as (
        insert into assignments (competition_id, application_id, expert_id, status)
        select '${comp.id}', a.id, (${ids})[1 + (a.n * 2 + k) % 20], 'submitted' from a, generate_series(0, 1) k returning id, application_id, expert_id)
      insert into reviews (assignment_id, application_id, expert_id, status, total, submitted_at)
      select id, application_id, expert_id, 'submitted', round((random() * 100)::numeric, 2), now() from ins`));
    await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/ranking`); // warm up
    const started = performance.now();
    const r = await call(t, organiser.token, 'GET', `/api/v1/competitions/${comp.id}/ranking`);
    const elapsed = performance.now() - started;
    console.info(`ranking of 12,000 applications: ${elapsed.toFixed(0)} ms`);
    expect(r.json).toHaveLength(12_000);
    expect(r.json[0].reviews).toHaveLength(2);
    // No bound here: the 200 ms target is measured by the benchmark harness on a quiet machine.
  });
});
