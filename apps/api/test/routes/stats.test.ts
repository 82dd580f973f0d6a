import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DIRECTIONS, REGIONS, TOTALS_GROUPS, type Totals, type TotalsGroup } from '@konkurs/shared';
import { reports } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call } from '../fixtures.js';
import { expectedTotals, makeFiguresWorld, type World } from '../figures-fixture.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeFiguresWorld(t);
});
afterAll(async () => { await t?.close(); });

const keyOf: Record<TotalsGroup, (a: World['apps'][number]) => string> = {
  region: (a) => a.region,
  direction: (a) => a.direction,
  competition: (a) => a.competitionId,
  operator: (a) => a.operatorId,
};

async function totals(token: string, query: string) {
  const r = await call(t, token, 'GET', `/api/v1/stats/totals?${query}`);
  expect(r.status, r.body).toBe(200);
  return r.json as Totals;
}

/** The API's answer against the figures computed in the test from what was inserted. */
function expectMatches(got: Awaited<ReturnType<typeof totals>>, apps: World['apps'], groupBy: TotalsGroup) {
  const want = expectedTotals(apps, keyOf[groupBy]);
  const byKey = Object.fromEntries(got.rows.map(({ key, label: _label, ...figures }) => [key, figures]));
  expect(byKey).toEqual(want.rows);
  expect(got.total).toEqual(want.total);
}

describe('GET /stats/totals', () => {
  it.each(TOTALS_GROUPS)('by %s: the admin sees every competition, figures as PRODUCT.md counts them', async (groupBy) => {
    expectMatches(await totals(w.users.admin.token, `groupBy=${groupBy}`), w.apps, groupBy);
  });

  it('counts rejected as submitted, never drafts or withdrawn ones (even withdrawn after submitting)', async () => {
    const r = await totals(w.users.admin.token, `groupBy=competition&competitionId=${w.comps.A1.id}`);
    // A1: submitted, admitted, rejected, under_review, reviewed, winner, not_supported = 7; withdrawn ×2 and the draft do not count.
    expect(r.total).toEqual({ submitted: 7, admitted: 5, winners: 1, requestedKopecks: 35_000_000, awardedKopecks: 6_500_000,
      spentKopecks: 3_000_000, reportsAccepted: 2, reportsOverdue: 0 });
    expect(r.rows).toEqual([{ key: w.comps.A1.id, label: 'Калуга: малые гранты', ...r.total }]);
  });

  it('labels regions, directions, competitions and operators with their names, regions in code order', async () => {
    const region = await totals(w.users.admin.token, 'groupBy=region');
    expect(region.rows.map((r) => r.key)).toEqual(['23', '40', '62']);
    const name = (code: string) => REGIONS.find((r) => r[0] === code)![1];
    expect(region.rows.map((r) => r.label)).toEqual([name('23'), name('40'), name('62')]);
    const direction = await totals(w.users.admin.token, 'groupBy=direction');
    // In the fund's order of directions.
    expect(direction.rows.map((r) => r.key)).toEqual(['social_services', 'youth', 'culture']);
    expect(direction.rows[0].label).toBe(DIRECTIONS.find((d) => d[0] === 'social_services')![1]);
    const operator = await totals(w.users.admin.token, 'groupBy=operator');
    expect(operator.rows.find((r) => r.key === w.operators.A.id)?.label).toBe(w.operators.A.name);
  });

  it('counts what the winners spent by each one’s latest accepted report, the accepted reports, and those still owed after their deadline', async () => {
    const byComp = Object.fromEntries((await totals(w.users.admin.token, 'groupBy=competition')).rows.map((r) => [r.key, r]));
    // A1: accepted 2 000 000 then 3 000 000 (cumulative: 3 000 000 spent), one not due yet.
    expect(byComp[w.comps.A1.id]).toMatchObject({ spentKopecks: 3_000_000, reportsAccepted: 2, reportsOverdue: 0 });
    // A2: the accepted one counts, not the returned one's larger sum, which is overdue; a draft not yet due is not.
    expect(byComp[w.comps.A2.id]).toMatchObject({ spentKopecks: 1_000_000, reportsAccepted: 1, reportsOverdue: 1 });
    // B: submitted after its deadline is not overdue (the organisation did its part); nothing accepted, nothing spent.
    expect(byComp[w.comps.B.id]).toMatchObject({ spentKopecks: 0, reportsAccepted: 0, reportsOverdue: 0 });
    expect(byComp[w.comps.F.id]).toMatchObject({ spentKopecks: 9_500_000, reportsAccepted: 2, reportsOverdue: 0 });
  });

  it('judges overdue by the request’s clock: a report owed becomes overdue once its deadline passes', async () => {
    const winner = w.apps.find((a) => a.competitionId === w.comps.A1.id && a.status === 'winner')!;
    const [due] = await t.db.select().from(reports).where(eq(reports.applicationId, winner.id)).orderBy(reports.seq).offset(2);
    const start = t.clock.now();
    const overdue = async () => (await totals(w.users.admin.token, `groupBy=competition&competitionId=${w.comps.A1.id}`)).total.reportsOverdue;
    await t.db.update(reports).set({ dueAt: new Date(start.getTime() + 1000) }).where(eq(reports.id, due.id));
    try {
      expect(await overdue()).toBe(0);
      t.clock.advance(2000);
      expect(await overdue()).toBe(1);
    } finally {
      t.clock.set(start);
      await t.db.update(reports).set({ dueAt: due.dueAt }).where(eq(reports.id, due.id));
    }
  });

  it('defaults to grouping by region', async () => {
    expectMatches(await totals(w.users.admin.token, ''), w.apps, 'region');
  });

  it.each(TOTALS_GROUPS)('by %s: an official or organiser sees their operator only', async (groupBy) => {
    const ofA = w.apps.filter((a) => a.operatorId === w.operators.A.id);
    expectMatches(await totals(w.users.officialA.token, `groupBy=${groupBy}`), ofA, groupBy);
    expectMatches(await totals(w.users.organiserA.token, `groupBy=${groupBy}`), ofA, groupBy);
    const ofB = w.apps.filter((a) => a.operatorId === w.operators.B.id);
    expectMatches(await totals(w.users.officialB.token, `groupBy=${groupBy}`), ofB, groupBy);
  });

  it('lets a federal official see every operator, but a federal organiser only its own', async () => {
    expectMatches(await totals(w.users.federalOfficial.token, 'groupBy=operator'), w.apps, 'operator');
    expectMatches(await totals(w.users.federalOrganiser.token, 'groupBy=region'), w.apps.filter((a) => a.operatorId === w.operators.F.id), 'region');
  });

  it('filters by competition and by operator within the scope', async () => {
    const a2 = w.apps.filter((a) => a.competitionId === w.comps.A2.id);
    expectMatches(await totals(w.users.officialA.token, `groupBy=region&competitionId=${w.comps.A2.id}`), a2, 'region');
    const ofB = w.apps.filter((a) => a.operatorId === w.operators.B.id);
    expectMatches(await totals(w.users.admin.token, `groupBy=direction&operatorId=${w.operators.B.id}`), ofB, 'direction');
    expectMatches(await totals(w.users.federalOfficial.token, `groupBy=competition&operatorId=${w.operators.B.id}`), ofB, 'competition');
    expectMatches(await totals(w.users.officialA.token, `groupBy=region&operatorId=${w.operators.A.id}`), w.apps.filter((a) => a.operatorId === w.operators.A.id), 'region');
    // Both filters at once: a competition of another operator gives nothing.
    const none = await totals(w.users.admin.token, `competitionId=${w.comps.A1.id}&operatorId=${w.operators.B.id}`);
    expect(none.rows).toEqual([]);
    expect(none.total).toEqual({ submitted: 0, admitted: 0, winners: 0, requestedKopecks: 0, awardedKopecks: 0, spentKopecks: 0, reportsAccepted: 0, reportsOverdue: 0 });
  });

  it('answers 404 for a competition or operator outside the scope, or that does not exist', async () => {
    for (const q of [`competitionId=${w.comps.B.id}`, `competitionId=${w.comps.F.id}`, `operatorId=${w.operators.B.id}`, `operatorId=${w.operators.F.id}`,
      `competitionId=${randomUUID()}`, `operatorId=${randomUUID()}`]) {
      const r = await call(t, w.users.officialA.token, 'GET', `/api/v1/stats/totals?${q}`);
      expect(r.status, q).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call(t, w.users.admin.token, 'GET', `/api/v1/stats/totals?operatorId=${randomUUID()}`)).status).toBe(404);
  });

  it('refuses bad parameters with 400 naming them', async () => {
    const r = await call(t, w.users.admin.token, 'GET', '/api/v1/stats/totals?groupBy=planet&competitionId=42');
    expect(r.status).toBe(400);
    expect(r.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['competitionId', 'groupBy']);
  });

  it('is for staff: anonymous 401, expert and applicant 403', async () => {
    expect((await call(t, null, 'GET', '/api/v1/stats/totals')).status).toBe(401);
    expect((await call(t, w.users.expert.token, 'GET', '/api/v1/stats/totals')).status).toBe(403);
    expect((await call(t, w.users.applicant.token, 'GET', '/api/v1/stats/totals')).status).toBe(403);
  });
});
