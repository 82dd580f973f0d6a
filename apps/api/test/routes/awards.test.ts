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
async function workedExample(status: 'review' | 'open' = 'review', { waiting = false } = {}) {
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
  // Still waiting for a review (under review, admitted and never assigned): nothing can be decided until they are reviewed.
  const pending = waiting ? await makeScoredApplication(t, comp, Z.id, owner.id, { finalScore: null, status: 'under_review' }) : undefined;
  const idle = waiting ? await makeScoredApplication(t, comp, W.id, owner.id, { finalScore: null, status: 'admitted' }) : undefined;
  return { op, organiser, owner, comp, P1, P2, P3, P4, P5, pending, idle };
}
const propose = (token: string | null, id: string, body: unknown) => call(t, token, 'POST', `/api/v1/competitions/${id}/awards/proposal`, body);
const confirm = (token: string | null, id: string, body: unknown) => call(t, token, 'POST', `/api/v1/competitions/${id}/awards`, body);

describe('award proposal', () => {
  it('follows the worked example: stop → P1 (600 000,00), skip → P1 and P5 (750 000,00); nothing saved', async () => {
    const { organiser, comp, P1, P5 } = await workedExample();
    const stop = await propose(organiser.token, comp.id, { mode: 'stop' });
    expect(stop.status).toBe(200);
    expect(stop.json).toEqual({ budgetKopecks: 100_000_000, allocatedKopecks: 60_000_000, remainingKopecks: 40_000_000, awards: [{ applicationId: P1.id, rank: 1, amountKopecks: 60_000_000 }], waiting: [] });
    expect((await propose(organiser.token, comp.id, {})).json).toEqual(stop.json); // stop is the default
    const skip = await propose(organiser.token, comp.id, { mode: 'skip' });
    expect(skip.json).toEqual({
      budgetKopecks: 100_000_000, allocatedKopecks: 75_000_000, remainingKopecks: 25_000_000,
      awards: [{ applicationId: P1.id, rank: 1, amountKopecks: 60_000_000 }, { applicationId: P5.id, rank: 4, amountKopecks: 15_000_000 }], waiting: [],
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

const status = async (id: string) => (await t.db.select().from(applications).where(eq(applications.id, id)))[0];

describe('award confirmation', () => {
  it('is refused (409, naming them) while applications wait for a review; the proposal lists them; nothing is recorded', async () => {
    const { organiser, comp, P1, pending, idle } = await workedExample('review', { waiting: true });
    const proposal = await propose(organiser.token, comp.id, { mode: 'stop' });
    expect(proposal.status).toBe(200);
    // The waiting ones are not candidates: the figures are those of the reviewed ones.
    expect(proposal.json.awards).toEqual([{ applicationId: P1.id, rank: 1, amountKopecks: 60_000_000 }]);
    expect(proposal.json.waiting).toEqual([
      { applicationId: idle!.id, number: idle!.number, title: idle!.title }, { applicationId: pending!.id, number: pending!.number, title: pending!.title },
    ].sort((a, b) => (a.number < b.number ? -1 : 1)));
    const r = await confirm(organiser.token, comp.id, { mode: 'stop' });
    expect([r.status, r.json.code]).toEqual([409, 'reviews-pending']);
    const numbers = proposal.json.waiting.map((w: { number: string }) => w.number);
    expect(r.json.params).toEqual({ numbers, count: 2 });
    expect(r.json.detail).toBe(`Решение о грантах пока нельзя утвердить: ещё не завершена экспертиза заявок № ${numbers.join(', ')}`);
    const en = await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/awards`, { mode: 'stop' }, { 'accept-language': 'en' });
    expect(en.json.detail).toBe(`The awards cannot be confirmed yet: applications ${numbers.join(', ')} still wait for a review`);
    expect(await t.db.select().from(awards).where(eq(awards.competitionId, comp.id))).toEqual([]);
    expect((await t.db.select().from(competitions).where(eq(competitions.id, comp.id)))[0].status).toBe('review');
    expect(await status(P1.id)).toMatchObject({ status: 'reviewed', awardedKopecks: null });
    // Once the last one is reviewed, the same confirmation goes through.
    await t.db.update(applications).set({ status: 'reviewed', finalScore: 40 }).where(eq(applications.id, pending!.id));
    expect((await confirm(organiser.token, comp.id, { mode: 'stop' })).json).toMatchObject({ status: 409, params: { numbers: [idle!.number], count: 1 } });
    await t.db.update(applications).set({ status: 'reviewed', finalScore: 30 }).where(eq(applications.id, idle!.id));
    expect((await confirm(organiser.token, comp.id, { mode: 'stop' })).status).toBe(201);
  });

  it('records why each other application was passed over: pass mark, the organisation\'s win, the budget, no review', async () => {
    const { organiser, owner, comp, P1, P2, P3, P4, P5 } = await workedExample();
    const [V] = [await makeOrganization(t, owner.id)];
    // Reviewed without a final score (a review round settled before scores were kept): it cannot win.
    const unscored = await makeScoredApplication(t, comp, V.id, owner.id, { finalScore: null, status: 'reviewed' });
    expect((await confirm(organiser.token, comp.id, { mode: 'stop' })).status).toBe(201);
    expect(await status(P1.id)).toMatchObject({ status: 'winner', notSupportedReason: null });
    expect(await status(P2.id)).toMatchObject({ status: 'not_supported', notSupportedReason: 'organization-won' });
    expect(await status(P3.id)).toMatchObject({ status: 'not_supported', notSupportedReason: 'budget-exhausted' });
    // Mode stop ended the list at P3: P5 qualifies and is passed over for the budget, P4 for its score.
    expect(await status(P5.id)).toMatchObject({ status: 'not_supported', notSupportedReason: 'budget-exhausted' });
    expect(await status(P4.id)).toMatchObject({ status: 'not_supported', notSupportedReason: 'below-pass-mark' });
    expect(await status(unscored.id)).toMatchObject({ status: 'not_supported', notSupportedReason: 'not-reviewed' });
  });

  it('records the decisions at once: winners, the rest not supported, the competition decided', async () => {
    const { organiser, comp, P1, P2, P3, P4, P5 } = await workedExample();
    const r = await confirm(organiser.token, comp.id, { mode: 'skip' });
    expect(r.status).toBe(201);
    expect(r.json.allocatedKopecks).toBe(75_000_000);
    expect(await status(P1.id)).toMatchObject({ status: 'winner', awardedKopecks: 60_000_000 });
    expect(await status(P5.id)).toMatchObject({ status: 'winner', awardedKopecks: 15_000_000 });
    for (const a of [P2, P3, P4]) expect(await status(a.id)).toMatchObject({ status: 'not_supported', awardedKopecks: null });
    expect([(await status(P2.id)).notSupportedReason, (await status(P3.id)).notSupportedReason, (await status(P4.id)).notSupportedReason])
      .toEqual(['organization-won', 'budget-exhausted', 'below-pass-mark']);
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
