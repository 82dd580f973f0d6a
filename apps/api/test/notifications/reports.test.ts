// What reports tell (services/notices.ts, services/reminders.ts): a submitted report to the operator's organisers, the
// decision to the organisation's members, and the deadline's reminders (14 days before, once overdue) exactly once each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { applications, notifications, reports } from '../../src/db/schema/index.js';
import { sendDueReminders } from '../../src/services/reminders.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type TestUser } from '../fixtures.js';

const NOW = '2027-01-10T09:00:00.000Z';
const DAY = 86_400_000;
let t: TestApp;
let u: Record<'owner' | 'member' | 'organiser' | 'organiser2' | 'otherOrganiser' | 'stranger', TestUser>;
let app: { id: string; number: string };
let reportIds: string[];
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const op = await makeOperator(t);
  const otherOp = await makeOperator(t, 'regional', '23');
  u = {
    owner: await makeUser(t, 'applicant'), member: await makeUser(t, 'applicant'), stranger: await makeUser(t, 'applicant'),
    organiser: await makeUser(t, 'organiser', { operatorId: op.id }), organiser2: await makeUser(t, 'organiser', { operatorId: op.id }),
    otherOrganiser: await makeUser(t, 'organiser', { operatorId: otherOp.id }),
  };
  const org = await makeOrganization(t, u.owner.id, '40', [u.member.id]);
  await makeOrganization(t, u.stranger.id, '40');
  const comp = await makeCompetition(t, op.id, { status: 'decided', title: 'Добрые дела' });
  app = await makeApplication(t, comp, org.id, u.owner.id, { status: 'winner' });
  await t.db.update(applications).set({ awardedKopecks: 10_000_000 }).where(eq(applications.id, app.id));
  expect((await call(t, u.organiser.token, 'POST', `/api/v1/competitions/${comp.id}/publish`)).status).toBe(200);
  reportIds = (await t.db.select({ id: reports.id }).from(reports).where(eq(reports.applicationId, app.id)).orderBy(asc(reports.seq))).map((r) => r.id);
});
afterAll(async () => { await t?.close(); });

const noticesOf = (kind: string, objectId: string) => t.db.select().from(notifications)
  .where(and(eq(notifications.kind, kind as never), eq(notifications.objectId, objectId))).orderBy(asc(notifications.userId));
const recipients = async (kind: string, objectId: string) => (await noticesOf(kind, objectId)).map((n) => n.userId).sort();

describe('report notices', () => {
  it('submitted: the operator’s organisers; returned, then accepted: the organisation’s members', async () => {
    const id = reportIds[0]!;
    const saved = await call(t, u.owner.token, 'PATCH', `/api/v1/reports/${id}`, {
      version: 1, narrative: 'Сделано', events: [{ calendarIndex: 0, status: 'done', actualStartDate: '2027-02-16', actualEndDate: '2027-03-01', result: 'Итог' }],
      spending: [{ budgetIndex: 0, grantSpentKopecks: 4_000_000, cofinancingSpentKopecks: 1_000_000 }],
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect((await call(t, u.owner.token, 'POST', `/api/v1/reports/${id}/submit`)).status).toBe(200);
    expect(await recipients('report-submitted', id)).toEqual([u.organiser.id, u.organiser2.id].sort());
    const [told] = await noticesOf('report-submitted', id);
    expect(told).toMatchObject({ link: `/organiser/reports/${id}`, objectType: 'report' });
    expect(told!.title).toContain(app.number);
    expect(told!.body).toContain('Добрые дела');

    expect((await call(t, u.organiser.token, 'POST', `/api/v1/reports/${id}/review`, { decision: 'return', comment: 'Уточните' })).status).toBe(200);
    expect(await recipients('report-returned', id)).toEqual([u.owner.id, u.member.id].sort());
    const [returned] = await noticesOf('report-returned', id);
    expect(returned).toMatchObject({ link: `/applicant/applications/${app.id}/reports/${id}` });
    expect(returned!.title).toBe(`Отчёт по заявке № ${app.number} возвращён на доработку`);

    expect((await call(t, u.owner.token, 'POST', `/api/v1/reports/${id}/submit`)).status).toBe(200);
    expect(await recipients('report-submitted', id)).toEqual([u.organiser.id, u.organiser.id, u.organiser2.id, u.organiser2.id].sort());
    expect((await call(t, u.organiser2.token, 'POST', `/api/v1/reports/${id}/review`, { decision: 'accept' })).status).toBe(200);
    expect(await recipients('report-accepted', id)).toEqual([u.owner.id, u.member.id].sort());
  });

  it('report-due: 14 days before the deadline and once overdue, to the members, exactly once each across two sweeps; not for an accepted report', async () => {
    const [accepted, final] = await t.db.select().from(reports).where(eq(reports.applicationId, app.id)).orderBy(asc(reports.seq));
    expect(accepted!.status).toBe('accepted');
    const due = final!.dueAt.getTime();
    const sweep = async (ms: number) => { await sendDueReminders(t.db, new Date(ms)); await sendDueReminders(t.db, new Date(ms)); };

    await sweep(due - 15 * DAY);
    expect(await recipients('report-due', final!.id)).toEqual([]);
    await sweep(due - 14 * DAY + 3_600_000);
    expect(await recipients('report-due', final!.id)).toEqual([u.owner.id, u.member.id].sort());
    const [early] = await noticesOf('report-due', final!.id);
    expect(early).toMatchObject({ link: `/applicant/applications/${app.id}/reports/${final!.id}`, objectType: 'report',
      dedupeKey: `report-due:${final!.id}:14d:${early!.userId}` });
    expect(early!.title).toContain('14');
    await sweep(due - DAY);
    expect(await noticesOf('report-due', final!.id)).toHaveLength(2);

    await sweep(due + 3_600_000);
    await sweep(due + 30 * DAY);
    const all = await noticesOf('report-due', final!.id);
    expect(all.map((n) => n.dedupeKey!.split(':')[2]).sort()).toEqual(['14d', '14d', 'overdue', 'overdue']);
    const overdue = all.find((n) => n.dedupeKey!.includes(':overdue:'))!;
    expect(overdue.title).toBe(`Отчёт по заявке № ${app.number} просрочен`);
    // Nothing for the accepted report, nothing for anyone outside the organisation.
    expect(await noticesOf('report-due', accepted!.id)).toEqual([]);
    expect(all.every((n) => n.userId === u.owner.id || n.userId === u.member.id)).toBe(true);
  });
});
