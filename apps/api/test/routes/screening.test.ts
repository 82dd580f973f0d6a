import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser } from '../fixtures.js';
import { applications, auditEvents } from '../../src/db/schema/index.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function setup(status: 'open' | 'review' = 'review') {
  const op = await makeOperator(t);
  const organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  const owner = await makeUser(t, 'applicant');
  const org = await makeOrganization(t, owner.id);
  const comp = await makeCompetition(t, op.id, { status });
  const app = await makeApplication(t, comp, org.id, owner.id, { status: 'submitted' });
  return { op, organiser, owner, org, comp, app };
}
const screen = (token: string | null, id: string, body: unknown) => call(t, token, 'POST', `/api/v1/applications/${id}/screening`, body);

describe('POST /applications/:id/screening', () => {
  it('admits a submitted application, audited', async () => {
    const { organiser, app } = await setup();
    const r = await screen(organiser.token, app.id, { decision: 'admit' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ id: app.id, number: app.number, status: 'admitted', screeningReason: null });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, app.id));
    expect(events.map((e) => e.action)).toContain('application.admitted');
  });

  it('rejects with a reason the applicant reads on the application', async () => {
    const { organiser, app } = await setup();
    const r = await screen(organiser.token, app.id, { decision: 'reject', reason: 'Не приложен устав' });
    expect(r.json).toMatchObject({ status: 'rejected', screeningReason: 'Не приложен устав' });
    const [row] = await t.db.select().from(applications).where(eq(applications.id, app.id));
    expect(row).toMatchObject({ status: 'rejected', screeningReason: 'Не приложен устав' });
  });

  it('refuses bad bodies naming the field', async () => {
    const { organiser, app } = await setup();
    for (const [body, path] of [
      [{ decision: 'reject' }, 'reason'], [{ decision: 'reject', reason: '   ' }, 'reason'], [{ decision: 'maybe' }, 'decision'], [{}, 'decision'],
      [{ decision: 'reject', reason: 'x'.repeat(2001) }, 'reason'], [{ decision: 'admit', reason: 5 }, 'reason'],
    ] as const) {
      const r = await screen(organiser.token, app.id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const malformed = await t.app.inject({ method: 'POST', url: `/api/v1/applications/${app.id}/screening`, headers: { authorization: `Bearer ${organiser.token}`, 'content-type': 'application/json' }, payload: '{"decision":' });
    expect(malformed.statusCode).toBe(400);
    expect((await screen(organiser.token, 'not-a-uuid', { decision: 'admit' })).status).toBe(400);
  });

  it('answers 409 from a wrong status of the application or of the competition', async () => {
    const { organiser, app } = await setup();
    await screen(organiser.token, app.id, { decision: 'admit' });
    expect((await screen(organiser.token, app.id, { decision: 'reject', reason: 'x' })).status).toBe(409);
    const open = await setup('open');
    const r = await screen(open.organiser.token, open.app.id, { decision: 'admit' });
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ code: 'competition-not-in-review', params: { status: 'open' } });
  });

  it('lets only the organiser of the operator (or the admin) screen; drafts and others are 404', async () => {
    const { organiser, owner, org, comp, app } = await setup();
    expect((await screen(null, app.id, { decision: 'admit' })).status).toBe(401);
    expect((await screen(owner.token, app.id, { decision: 'admit' })).status).toBe(403);
    const expert = await makeUser(t, 'expert');
    expect((await screen(expert.token, app.id, { decision: 'admit' })).status).toBe(403);
    const stranger = await makeUser(t, 'organiser', { operatorId: (await makeOperator(t)).id });
    expect((await screen(stranger.token, app.id, { decision: 'admit' })).status).toBe(404);
    const draft = await makeApplication(t, comp, org.id, owner.id);
    expect((await screen(organiser.token, draft.id, { decision: 'admit' })).status).toBe(404);
    expect((await screen(organiser.token, '00000000-0000-4000-8000-000000000000', { decision: 'admit' })).status).toBe(404);
    const admin = await makeUser(t, 'admin');
    expect((await screen(admin.token, app.id, { decision: 'admit' })).status).toBe(200);
  });
});
