import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeCompetition, makeOperator, makeOrganization, makeScoredApplication, makeUser } from '../fixtures.js';
import { applications, awards, competitions } from '../../src/db/schema/index.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const R = 100;
/** PRODUCT.md's worked example: budget 1 000 000,00, pass mark 66, one win per organisation. */
async function workedExample(status: 'review' | 'open' = 'review') {
  const op = await makeOperator(t);
  const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  const owner = await makeUser(t, 'applicant');
  const [X, Y, W, Z] = [await makeOrganization(t, owner.id), await makeOrganization(t, owner.id), await makeOrganization(t, owner.id), await makeOrganization(t, owner.id)];
  const comp = await makeCompetition(t, op.id, { status, budgetKopecks: 1_000_000 * R, passMark: 66, oneWinPerOrganization: true, maxGrantKopecks: 1_000_000 * R });
  const make = (org: string, finalScore: number, rub: number) => makeScoredApplication(t, comp, org, owner.id, { finalScore, requestedKopecks: rub * R });
  const P1 = await make(X.id, 76.25, 600_000);
  const P2 = await make(X.id, 74.0, 200_000);
  const P3 = await make(Y.id, 70.1, 500_000);
  const P5 = await make(W.id, 68.0, 150_000);
  const P4 = await make(Z.id, 65.0, 300_000);
  // Not yet reviewed and never assigned: in the running, but they cannot win.
  const pending = await makeScoredApplication(t, comp, Z.id, owner.id, { finalScore: null, status: 'under_review' });
  const idle = await makeScoredApplication(t, comp, W.id, owner.id, { finalScore: null, status: 'admitted' });
  return { op, organiser, owner, comp, P1, P2, P3, P4, P5, pending, idle };
}
const propose = (token: string | null, id: string, body: unknown) => call(t, token, 'POST', `/api/v1/competitions/${id}/awards/proposal`, body);
const confirm = (token: string | null, id: string, body: unknown) => call(t, token, 'POST', `/api/v1/competitions/${id}/awards`, body);

describe('award proposal', () => {
  it('follows the worked example: stop → P1 (600 000,00), skip → P1 and P5 (750 000,00); nothing saved', async () => {
    const { organiser, comp, P1, P5 } = await workedExample();
    const stop = await propose(organiser.token, comp.id, { mode: 'stop' });
    expect(stop.status).toBe(200);
    expect(stop.json).toEqual({ budgetKopecks: 100_000_000, allocatedKopecks: 60_000_000, remainingKopecks: 40_000_000, awards: [{ applicationId: P1.id, rank: 1, amountKopecks: 60_000_000 }] });
    expect((await propose(organiser.token, comp.id, {})).json).toEqual(stop.json); // stop is the default
    const skip = await propose(organiser.token, comp.id, { mode: 'skip' });
    expect(skip.json).toEqual({
      budgetKopecks: 100_000_000, allocatedKopecks: 75_000_000, remainingKopecks: 25_000_000,
      awards: [{ applicationId: P1.id, rank: 1, amountKopecks: 60_000_000 }, { applicationId: P5.id, rank: 4, amountKopecks: 15_000_000 }],
    });
    expect(await t.db.select().from(awards).where(eq(awards.competitionId, comp.id))).toEqual([]);
  });

  it('takes lowered amounts and refuses raised, unknown, repeated ones naming overrides.N', async () => {
    const { organiser, comp, P1, P3 } = await workedExample();
    const lowered = await propose(organiser.token, comp.id, { mode: 'stop', overrides: [{ applicationId: P3.id, amountKopecks: 400_000 * R }] });
    expect(lowered.json.awards.map((a: { applicationId: string }) => a.applicationId)).toEqual([P1.id, P3.id]);
    expect(lowered.json.remainingKopecks).toBe(0);
    const bad = await propose(organiser.token, comp.id, { overrides: [
      { applicationId: P1.id, amountKopecks: 600_001 * R }, { applicationId: '00000000-0000-4000-8000-000000000000', amountKopecks: 1 },
      { applicationId: P3.id, amountKopecks: 0 }, { applicationId: P1.id, amountKopecks: 1 },
    ] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['overrides.0.amountKopecks', 'overrides.1.applicationId', 'overrides.2.amountKopecks', 'overrides.3.applicationId']);
    expect(bad.json.errors[0]).toEqual({
      path: 'overrides.0.amountKopecks', code: 'override-raises', params: { max: 600_000 * R },
      message: 'Размер гранта можно только уменьшить: от 0,01\u00a0₽ до 600\u00a0000,00\u00a0₽',
    });
    expect(bad.json.errors[1]).toMatchObject({ code: 'not-in-ranking', message: 'Этой заявки нет в рейтинге конкурса' });
    // The confirmation checks the same and records nothing.
    const refused = await confirm(organiser.token, comp.id, { overrides: [{ applicationId: P1.id, amountKopecks: 600_001 * R }] });
    expect([refused.status, refused.json.errors[0].code]).toEqual([400, 'override-raises']);
    expect(await t.db.select().from(awards).where(eq(awards.competitionId, comp.id))).toEqual([]);
    for (const body of [{ mode: 'all' }, { overrides: [{ applicationId: P1.id, amountKopecks: -1 }] }, { overrides: [{ applicationId: P1.id, amountKopecks: 1.5 }] }, { overrides: 'x' }]) {
      const r = await propose(organiser.token, comp.id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.errors.length).toBeGreaterThan(0);
    }
  });

  it('is refused outside review (409), for other operators (404) and roles (403)', async () => {
    const open = await workedExample('open');
    expect((await propose(open.organiser.token, open.comp.id, {})).json).toMatchObject({ status: 409, code: 'competition-not-in-review' });
    expect((await confirm(open.organiser.token, open.comp.id, {})).status).toBe(409);
    const { comp, owner } = await workedExample();
    const stranger = await makeUser(t, 'organiser', { operatorId: (await makeOperator(t)).id });
    expect((await propose(stranger.token, comp.id, {})).status).toBe(404);
    expect((await confirm(stranger.token, comp.id, {})).status).toBe(404);
    expect((await propose(owner.token, comp.id, {})).status).toBe(403);
    expect((await confirm((await makeUser(t, 'official', { operatorId: comp.operatorId })).token, comp.id, {})).status).toBe(403);
    expect((await confirm(null, comp.id, {})).status).toBe(401);
  });
});

describe('award confirmation', () => {
  it('records the decisions at once: winners, the rest not supported, the competition decided', async () => {
    const { organiser, comp, P1, P2, P3, P4, P5, pending, idle } = await workedExample();
    const r = await confirm(organiser.token, comp.id, { mode: 'skip' });
    expect(r.status).toBe(201);
    expect(r.json.allocatedKopecks).toBe(75_000_000);
    const status = async (id: string) => (await t.db.select().from(applications).where(eq(applications.id, id)))[0];
    expect(await status(P1.id)).toMatchObject({ status: 'winner', awardedKopecks: 60_000_000 });
    expect(await status(P5.id)).toMatchObject({ status: 'winner', awardedKopecks: 15_000_000 });
    for (const a of [P2, P3, P4, pending, idle]) expect(await status(a.id)).toMatchObject({ status: 'not_supported', awardedKopecks: null });
    const [c] = await t.db.select().from(competitions).where(eq(competitions.id, comp.id));
    expect(c.status).toBe('decided');
    expect(c.decidedAt).not.toBeNull();
    const again = await confirm(organiser.token, comp.id, { mode: 'stop' });
    expect([again.status, again.json.type]).toEqual([409, 'urn:konkurs:problem:already-decided']);
    expect(again.json).toMatchObject({ params: { code: comp.code }, detail: `Итоги конкурса ${comp.code} уже подведены` });
    expect((await propose(organiser.token, comp.id, {})).status).toBe(409);
    const admin = await makeUser(t, 'admin');
    expect((await confirm(admin.token, comp.id, {})).status).toBe(409);
  });

  it('lets the admin decide too', async () => {
    const { comp } = await workedExample();
    const admin = await makeUser(t, 'admin');
    expect((await confirm(admin.token, comp.id, { mode: 'stop' })).status).toBe(201);
  });
});
