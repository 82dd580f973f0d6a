// Parallel submits of one report (PostgreSQL only: PGlite runs one statement at a time, so it cannot race): the row
// lock queues them, the first submits, the others find it submitted (409); one round, one audit event, one notice each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { applications, auditEvents, notifications, reportRounds, reports } from '../../src/db/schema/index.js';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';

let t: TestApp;
let owner: TestUser;
let member: TestUser;
let organiser: TestUser;
let reportId: string;
beforeAll(async () => {
  t = await createTestApp();
  const op = await makeOperator(t);
  owner = await makeUser(t, 'applicant');
  member = await makeUser(t, 'applicant');
  organiser = await makeUser(t, 'organiser', { operatorId: op.id });
  const org = await makeOrganization(t, owner.id, '40', [member.id]);
  const comp = await makeCompetition(t, op.id, { status: 'decided' });
  const app = await makeApplication(t, comp, org.id, owner.id, { status: 'winner' });
  await t.db.update(applications).set({ awardedKopecks: app.requestedKopecks }).where(eq(applications.id, app.id));
  expect((await call(t, organiser.token, 'POST', `/api/v1/competitions/${comp.id}/publish`)).status).toBe(200);
  [{ id: reportId }] = await t.db.select({ id: reports.id }).from(reports).where(and(eq(reports.applicationId, app.id), eq(reports.seq, 1)));
  const saved = await call(t, owner.token, 'PATCH', `/api/v1/reports/${reportId}`, {
    version: 1, narrative: 'Сделано', events: [{ calendarIndex: 0, status: 'not_done' }],
    spending: [{ budgetIndex: 0, grantSpentKopecks: 1_000_000, cofinancingSpentKopecks: 1_000_000 }],
  });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
});
afterAll(async () => { await t?.close(); });

describe.skipIf(!isRealPostgres)('report submit race (PostgreSQL)', () => {
  it('10 parallel submits of one report: exactly one 200, the rest 409', async () => {
    const rs = await Promise.all(Array.from({ length: 10 }, (_, i) => call(t, i % 2 ? member.token : owner.token, 'POST', `/api/v1/reports/${reportId}/submit`)));
    const counts = rs.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    expect(counts, JSON.stringify(rs.filter((r) => r.status !== 200 && r.status !== 409).map((r) => r.json))).toEqual({ 200: 1, 409: 9 });
    expect(rs.filter((r) => r.status === 409).every((r) => r.json.code === 'wrong-status')).toBe(true);
    expect(await t.db.select().from(reportRounds).where(eq(reportRounds.reportId, reportId))).toHaveLength(1);
    expect(await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, reportId), eq(auditEvents.action, 'report.submitted')))).toHaveLength(1);
    expect(await t.db.select().from(notifications).where(and(eq(notifications.objectId, reportId), eq(notifications.kind, 'report-submitted')))).toHaveLength(1);
    const [row] = await t.db.select().from(reports).where(eq(reports.id, reportId));
    expect(row).toMatchObject({ status: 'submitted', version: 3 });
  });
});
