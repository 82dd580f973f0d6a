// A winner's reports (API.md "Reports and documents"): the schedule written at publication, the versioned autosave,
// submit with every problem at once, the organiser's review with comments per field, the history of rounds, the
// competition's list and its interim dates; bad input names the field; scope answers 404, roles 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import type { DraftFields } from '@konkurs/shared';
import { applications, auditEvents, reports } from '../../src/db/schema/index.js';
import { createReportSchedules } from '../../src/services/reports.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call, completeDraft, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow, type TestUser } from '../fixtures.js';

const NOW = '2027-01-10T09:00:00.000Z';
let t: TestApp;
let u: Record<'owner' | 'member' | 'stranger' | 'organiser' | 'otherOrganiser' | 'admin' | 'expert' | 'official', TestUser>;
let operatorId: string;
let org: { id: string };
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const op = await makeOperator(t);
  operatorId = op.id;
  const otherOp = await makeOperator(t, 'regional', '23');
  const owner = await makeUser(t, 'applicant');
  const member = await makeUser(t, 'applicant');
  const stranger = await makeUser(t, 'applicant');
  u = {
    owner, member, stranger,
    organiser: await makeUser(t, 'organiser', { operatorId: op.id }), otherOrganiser: await makeUser(t, 'organiser', { operatorId: otherOp.id }),
    admin: await makeUser(t, 'admin'), expert: await makeUser(t, 'expert', { operatorId: op.id }), official: await makeUser(t, 'official', { operatorId: op.id }),
  };
  org = await makeOrganization(t, owner.id, '40', [member.id]);
  await makeOrganization(t, stranger.id, '40');
});
afterAll(async () => { await t?.close(); });

/** A decided competition with one winner (awarded what it requested): publishing it writes the schedule. */
async function decidedWithWinner(content?: (c: CompetitionRow) => DraftFields, overrides: Partial<CompetitionRow> = {}) {
  const comp = await makeCompetition(t, operatorId, { status: 'decided', ...overrides });
  const app = await makeApplication(t, comp, org.id, u.owner.id, { status: 'winner', content: content?.(comp) ?? completeDraft(comp) });
  await t.db.update(applications).set({ awardedKopecks: app.requestedKopecks, finalScore: 80 }).where(eq(applications.id, app.id));
  return { comp, app };
}
async function publish(comp: CompetitionRow) {
  const r = await call(t, u.organiser.token, 'POST', `/api/v1/competitions/${comp.id}/publish`);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
}
/** A published competition's winner and its first report. */
async function winnerReport() {
  const { comp, app } = await decidedWithWinner();
  await publish(comp);
  const list = await call(t, u.owner.token, 'GET', `/api/v1/applications/${app.id}/reports`);
  return { comp, app, report: list.json[0] as { id: string; version: number } };
}
const reportEvents = (id: string) => t.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'report'), eq(auditEvents.entityId, id))).orderBy(asc(auditEvents.id));
const paths = (json: { errors?: { path: string; code: string }[] }) => (json.errors ?? []).map((e) => `${e.path}:${e.code}`);
/** What makes the completeDraft's report complete: the one event done, the one budget line within its grant share. */
const COMPLETE = {
  events: [{ calendarIndex: 0, status: 'done', actualStartDate: '2027-02-16', actualEndDate: '2027-04-01', result: 'Обучены 30 волонтёров' }],
  spending: [{ budgetIndex: 0, grantSpentKopecks: 4_000_000, cofinancingSpentKopecks: 1_000_000, note: 'Аренда зала' }],
  narrative: 'Первая половина проекта выполнена',
  links: ['https://example.org/news/1'],
};

describe('the schedule written at publication', () => {
  it('gives each winner an interim report at the project’s midpoint and the final one 30 days after its end, due at 23:59:59 Moscow time', async () => {
    const { app } = await winnerReport();
    const r = await call(t, u.owner.token, 'GET', `/api/v1/applications/${app.id}/reports`);
    expect(r.status).toBe(200);
    // Project 16.02.2027 – 16.07.2027: midpoint 02.05.2027; final 15.08.2027.
    expect(r.json.map((x: any) => [x.seq, x.kind, x.dueAt, x.status, x.version, x.overdue])).toEqual([
      [1, 'interim', '2027-05-02T20:59:59.000Z', 'due', 1, false],
      [2, 'final', '2027-08-15T20:59:59.000Z', 'due', 1, false],
    ]);
    expect(r.json[0]).toMatchObject({ applicationId: app.id, applicationNumber: app.number, applicationTitle: 'Школа волонтёров', regionCode: '40',
      grantSpentKopecks: 0, cofinancingSpentKopecks: 0, submittedAt: null, acceptedAt: null });
    // The operator's organiser and the admin read it too.
    expect((await call(t, u.organiser.token, 'GET', `/api/v1/applications/${app.id}/reports`)).json).toHaveLength(2);
    expect((await call(t, u.admin.token, 'GET', `/api/v1/applications/${app.id}/reports`)).json).toHaveLength(2);
  });

  it('uses the organiser’s interim dates that fall inside each project; an empty list means no interim report; no project dates: final 30 days after publication', async () => {
    const { comp, app } = await decidedWithWinner();
    const set = await call(t, u.organiser.token, 'PUT', `/api/v1/competitions/${comp.id}/report-schedule`, { interimDates: ['2027-06-01', '2027-01-01', '2027-03-15', '2027-07-16'] });
    expect(set.status, JSON.stringify(set.json)).toBe(200);
    expect(set.json).toEqual({ interimDates: ['2027-01-01', '2027-03-15', '2027-06-01', '2027-07-16'], finalReportDays: 30 });
    await publish(comp);
    const r = await call(t, u.owner.token, 'GET', `/api/v1/applications/${app.id}/reports`);
    expect(r.json.map((x: any) => [x.seq, x.kind, x.dueAt.slice(0, 10)])).toEqual([[1, 'interim', '2027-03-15'], [2, 'interim', '2027-06-01'], [3, 'final', '2027-08-15']]);

    const none = await decidedWithWinner(undefined, { reportInterimDates: [] });
    await publish(none.comp);
    expect((await call(t, u.owner.token, 'GET', `/api/v1/applications/${none.app.id}/reports`)).json.map((x: any) => x.kind)).toEqual(['final']);

    const undated = await decidedWithWinner((c) => ({ ...completeDraft(c), startDate: null, endDate: null }));
    await publish(undated.comp);
    expect((await call(t, u.owner.token, 'GET', `/api/v1/applications/${undated.app.id}/reports`)).json.map((x: any) => [x.kind, x.dueAt]))
      .toEqual([['final', '2027-02-09T20:59:59.000Z']]);
  });

  it('writes nothing twice and nothing for other applications', async () => {
    const { comp, app } = await decidedWithWinner();
    const loser = await makeApplication(t, comp, org.id, u.owner.id, { status: 'not_supported' });
    expect(await t.db.transaction((tx) => createReportSchedules(tx, comp, t.clock.now()))).toBe(2);
    expect(await t.db.transaction((tx) => createReportSchedules(tx, comp, t.clock.now()))).toBe(0);
    expect(await t.db.select().from(reports).where(eq(reports.applicationId, app.id))).toHaveLength(2);
    expect(await t.db.select().from(reports).where(eq(reports.applicationId, loser.id))).toHaveLength(0);
    // A visible application with no reports answers an empty list; a stranger's a 404.
    expect((await call(t, u.owner.token, 'GET', `/api/v1/applications/${loser.id}/reports`)).json).toEqual([]);
    expect((await call(t, u.stranger.token, 'GET', `/api/v1/applications/${loser.id}/reports`)).status).toBe(404);
  });
});

describe('GET/PUT /competitions/:id/report-schedule', () => {
  it('reads the default, refuses bad and repeated dates naming the field, audits the change, and is fixed once published', async () => {
    const { comp } = await decidedWithWinner();
    const url = `/api/v1/competitions/${comp.id}/report-schedule`;
    expect((await call(t, u.organiser.token, 'GET', url)).json).toEqual({ interimDates: null, finalReportDays: 30 });
    const bad = await call(t, u.organiser.token, 'PUT', url, { interimDates: ['2027-02-30'] });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('interimDates.0');
    expect(bad.json.detail).toMatch(/[а-я]/);
    const twice = await call(t, u.organiser.token, 'PUT', url, { interimDates: ['2027-03-01', '2027-03-01'] });
    expect(twice.status).toBe(400);
    expect(paths(twice.json)).toEqual(['interimDates.1:duplicate-date']);
    expect((await call(t, u.organiser.token, 'PUT', url, {})).status).toBe(400);
    expect(paths((await call(t, u.organiser.token, 'PUT', url, { interimDates: [], extra: 1 })).json)[0]).toMatch(/unknown-field|unrecognized/);
    expect((await call(t, u.organiser.token, 'PUT', url, { interimDates: ['2027-04-01'] })).status).toBe(200);
    expect((await call(t, u.organiser.token, 'GET', url)).json.interimDates).toEqual(['2027-04-01']);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, comp.id), eq(auditEvents.action, 'competition.report_schedule_updated')));
    expect(event).toMatchObject({ operatorId, before: { interimDates: null }, after: { interimDates: ['2027-04-01'] } });
    // null goes back to the default (one report at each project's midpoint).
    expect((await call(t, u.organiser.token, 'PUT', url, { interimDates: null })).json.interimDates).toBeNull();
    expect((await call(t, u.organiser.token, 'GET', url)).json.interimDates).toBeNull();
    expect((await call(t, u.organiser.token, 'PUT', url, { interimDates: ['2027-04-01'] })).status).toBe(200);
    // Scope and roles.
    expect((await call(t, u.otherOrganiser.token, 'GET', url)).status).toBe(404);
    expect((await call(t, u.otherOrganiser.token, 'PUT', url, { interimDates: [] })).status).toBe(404);
    expect((await call(t, u.official.token, 'PUT', url, { interimDates: [] })).status).toBe(403);
    expect((await call(t, u.owner.token, 'GET', url)).status).toBe(403);
    await publish(comp);
    const fixed = await call(t, u.organiser.token, 'PUT', url, { interimDates: [] });
    expect(fixed.status).toBe(409);
    expect(fixed.json.code).toBe('report-schedule-fixed');
  });
});

describe('a report’s way: due → draft → submitted → returned → submitted → accepted', () => {
  it('autosaves with versions, lists every problem at submit, keeps the rounds and their comments', async () => {
    const { app, report } = await winnerReport();
    const url = `/api/v1/reports/${report.id}`;
    const first = await call(t, u.owner.token, 'GET', url);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: 'due', version: 1, kind: 'interim', competitionTitle: 'Тестовый конкурс', timezone: 'Europe/Moscow',
      events: null, spending: null, narrative: null, attachments: [], comment: null, fieldComments: [], history: [] });
    expect(first.json.plan).toEqual({
      startDate: '2027-02-16', endDate: '2027-07-16', awardedKopecks: 10_000_000,
      calendarPlan: [{ title: 'Обучение', startDate: '2027-02-16', endDate: '2027-07-16', expectedResult: '30 волонтёров' }],
      budget: [{ category: 'events', item: 'Тренинги', totalKopecks: 12_500_000, cofinancingKopecks: 2_500_000, grantKopecks: 10_000_000 }],
    });

    // Bad input names the field (Russian by default), never a 500.
    for (const [body, path] of [
      [{ version: 1, events: [{ calendarIndex: 'x' }] }, 'events.0.calendarIndex'],
      [{ version: 1, events: [{ calendarIndex: 0, status: 'maybe' }] }, 'events.0.status'],
      [{ version: 1, spending: [{ budgetIndex: 0, grantSpentKopecks: -1 }] }, 'spending.0.grantSpentKopecks'],
      [{ version: 1, spending: [{ budgetIndex: 0, grantSpentKopecks: 1.5 }] }, 'spending.0.grantSpentKopecks'],
      [{ version: 1, links: ['ftp://example.org'] }, 'links.0'],
      [{ version: 1, events: [{ calendarIndex: 0, actualStartDate: '2027-13-01' }] }, 'events.0.actualStartDate'],
      [{ version: 1, narrative: 5 }, 'narrative'],
      [{ narrative: 'без версии' }, 'version'],
    ] as const) {
      const r = await call(t, u.owner.token, 'PATCH', url, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.errors.map((e: any) => e.path), JSON.stringify(body)).toContain(path);
      expect(r.json.errors[0].message).toMatch(/[А-Яа-яё]/);
    }
    expect((await call(t, u.owner.token, 'PATCH', url, { version: 1, title: 'нет такого поля' })).status).toBe(400);

    // The first save starts the report (audited); the next ones are versioned UPDATEs (not audited).
    const saved = await call(t, u.owner.token, 'PATCH', url, { version: 1, narrative: 'Начали' });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json).toMatchObject({ status: 'draft', version: 2, narrative: 'Начали' });
    const stale = await call(t, u.member.token, 'PATCH', url, { version: 1, narrative: 'Старая вкладка' });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ code: 'stale-version', params: { current: 2 } });
    const spent = await call(t, u.member.token, 'PATCH', url, { version: 2, spending: [{ budgetIndex: 0, grantSpentKopecks: 10_500_000, cofinancingSpentKopecks: 100 }] });
    expect(spent.json).toMatchObject({ status: 'draft', version: 3, narrative: 'Начали', grantSpentKopecks: 10_500_000, cofinancingSpentKopecks: 100 });
    expect((await reportEvents(report.id)).map((e) => e.action)).toEqual(['report.draft']);

    // Submit lists every problem at once, by the plan's indexes.
    const refused = await call(t, u.owner.token, 'POST', `${url}/submit`);
    expect(refused.status).toBe(422);
    expect(paths(refused.json)).toEqual([
      'events.0.status:report-event-required', 'spending.0.grantSpentKopecks:over-budget-line', 'spending:over-award',
      'cofinancingNote:cofinancing-explanation-required',
    ]);
    expect(refused.json.errors[1].message).toMatch(/105\s000,00\s₽/);
    expect((await call(t, u.owner.token, 'GET', url)).json.status).toBe('draft');

    const complete = await call(t, u.owner.token, 'PATCH', url, { version: 3, ...COMPLETE, narrative: '' });
    expect(complete.json.version).toBe(4);
    expect(paths((await call(t, u.owner.token, 'POST', `${url}/submit`)).json)).toEqual(['narrative:required']);
    await call(t, u.owner.token, 'PATCH', url, { version: 4, narrative: COMPLETE.narrative });
    // Organisers and the admin may not write: 403 by role.
    expect((await call(t, u.organiser.token, 'PATCH', url, { version: 5, narrative: 'x' })).status).toBe(403);
    expect((await call(t, u.organiser.token, 'POST', `${url}/submit`)).status).toBe(403);
    const submitted = await call(t, u.owner.token, 'POST', `${url}/submit`);
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
    expect(submitted.json).toMatchObject({ status: 'submitted', version: 6, submittedAt: NOW, grantSpentKopecks: 4_000_000, cofinancingSpentKopecks: 1_000_000 });
    expect(submitted.json.history).toEqual([{ round: 1, version: 5, submittedAt: NOW, submittedBy: expect.stringMatching(/^applicant /), content: expect.objectContaining(COMPLETE),
      decision: null, comment: null, fieldComments: [], reviewedAt: null, reviewedBy: null }]);

    // Not editable once submitted; a second submit is refused by status.
    const late = await call(t, u.owner.token, 'PATCH', url, { version: 6, narrative: 'ещё' });
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('report-not-editable');
    const again = await call(t, u.owner.token, 'POST', `${url}/submit`);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 'wrong-status', params: { entity: 'report', from: 'submitted', to: 'submitted' } });
    expect(again.json.detail).toContain(`Отчёт по заявке № ${app.number}`);

    // The review: field comments name fields of this report; returning needs a comment.
    const review = `${url}/review`;
    const noField = await call(t, u.organiser.token, 'POST', review, { decision: 'return', fieldComments: [{ path: 'narrative', comment: 'Подробнее' }, { path: 'spending.3.note', comment: 'Нет строки' }] });
    expect(noField.status).toBe(400);
    expect(paths(noField.json)).toEqual(['fieldComments.1.path:no-such-report-field']);
    const silent = await call(t, u.organiser.token, 'POST', review, { decision: 'return' });
    expect(silent.status).toBe(400);
    expect(paths(silent.json)).toEqual(['comment:return-comment-required']);
    expect((await call(t, u.organiser.token, 'POST', review, { decision: 'maybe' })).status).toBe(400);
    expect(paths((await call(t, u.organiser.token, 'POST', review, { decision: 'return', fieldComments: [{ path: '', comment: 'x' }] })).json)[0]).toMatch(/^fieldComments\.0\.path/);
    expect((await call(t, u.owner.token, 'POST', review, { decision: 'accept' })).status).toBe(403);
    expect((await call(t, u.otherOrganiser.token, 'POST', review, { decision: 'accept' })).status).toBe(404);

    const returned = await call(t, u.organiser.token, 'POST', review, { decision: 'return', comment: 'Уточните расходы',
      fieldComments: [{ path: 'spending.0.grantSpentKopecks', comment: 'Приложите акты' }, { path: 'events.0.result', comment: 'Сколько человек?' }] });
    expect(returned.status, JSON.stringify(returned.json)).toBe(200);
    expect(returned.json).toMatchObject({ status: 'returned', version: 7, comment: 'Уточните расходы',
      fieldComments: [{ path: 'spending.0.grantSpentKopecks', comment: 'Приложите акты' }, { path: 'events.0.result', comment: 'Сколько человек?' }] });
    expect(returned.json.history[0]).toMatchObject({ decision: 'return', comment: 'Уточните расходы', reviewedAt: NOW, reviewedBy: expect.stringMatching(/^organiser /) });
    expect((await call(t, u.organiser.token, 'POST', review, { decision: 'accept' })).status).toBe(409);

    // The returned report is edited (it stays returned) and submitted again.
    const fixed = await call(t, u.owner.token, 'PATCH', url, { version: 7, events: [{ ...COMPLETE.events[0], result: 'Обучены 32 волонтёра' }] });
    expect(fixed.json).toMatchObject({ status: 'returned', version: 8 });
    t.clock.advance(60_000);
    const resubmitted = await call(t, u.owner.token, 'POST', `${url}/submit`);
    expect(resubmitted.json).toMatchObject({ status: 'submitted', version: 9 });
    expect(resubmitted.json.history.map((h: any) => [h.round, h.version, h.decision])).toEqual([[1, 5, 'return'], [2, 8, null]]);
    expect(resubmitted.json.history[1].content.events[0].result).toBe('Обучены 32 волонтёра');
    expect(resubmitted.json.history[0].content.events[0].result).toBe('Обучены 30 волонтёров');

    const accepted = await call(t, u.admin.token, 'POST', review, { decision: 'accept', comment: 'Спасибо' });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ status: 'accepted', version: 10, acceptedAt: t.clock.now().toISOString() });
    expect(accepted.json.history.map((h: any) => [h.round, h.decision, h.comment])).toEqual([[1, 'return', 'Уточните расходы'], [2, 'accept', 'Спасибо']]);
    expect((await call(t, u.owner.token, 'PATCH', url, { version: 10, narrative: 'x' })).status).toBe(409);
    expect((await call(t, u.organiser.token, 'POST', review, { decision: 'return', comment: 'ещё раз' })).status).toBe(409);

    const events = await reportEvents(report.id);
    expect(events.map((e) => [e.action, (e.before as any).status, (e.after as any).status])).toEqual([
      ['report.draft', 'due', 'draft'], ['report.submitted', 'draft', 'submitted'], ['report.returned', 'submitted', 'returned'],
      ['report.submitted', 'returned', 'submitted'], ['report.accepted', 'submitted', 'accepted'],
    ]);
    expect(events.every((e) => e.operatorId === operatorId)).toBe(true);
    expect(events[3]!.after).toMatchObject({ round: 2 });
    // The audit trail names the report by its application (never a raw id on a screen).
    const trail = await call(t, u.admin.token, 'GET', `/api/v1/audit?entityType=report&entityId=${report.id}`);
    expect(trail.status).toBe(200);
    expect(trail.json.items.map((e: any) => e.entity)).toEqual(Array(5).fill(expect.objectContaining({ number: app.number, title: 'Школа волонтёров' })));
  });

  it('a report submitted straight from due (with everything in one save) and the 404 of an unknown report', async () => {
    const { report } = await winnerReport();
    const saved = await call(t, u.owner.token, 'PATCH', `/api/v1/reports/${report.id}`, { version: 1, ...COMPLETE });
    expect(saved.json.status).toBe('draft');
    expect((await call(t, u.owner.token, 'POST', `/api/v1/reports/${report.id}/submit`)).status).toBe(200);
    const missing = await call(t, u.owner.token, 'GET', '/api/v1/reports/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.json.detail).toBe('Отчёт не найден');
    expect((await call(t, u.owner.token, 'GET', '/api/v1/reports/not-a-uuid')).status).toBe(400);
  });
});

describe('scope', () => {
  it('another organisation, the other operator’s organiser, an expert and an official: 404 on reads; writes by role 403 or scope 404', async () => {
    const { app, report, comp } = await winnerReport();
    for (const who of [u.stranger, u.otherOrganiser, u.expert, u.official]) {
      expect((await call(t, who.token, 'GET', `/api/v1/reports/${report.id}`)).status, who.role).toBe(404);
      expect((await call(t, who.token, 'GET', `/api/v1/applications/${app.id}/reports`)).status, who.role).toBe(404);
    }
    expect((await call(t, u.stranger.token, 'PATCH', `/api/v1/reports/${report.id}`, { version: 1, narrative: 'x' })).status).toBe(404);
    expect((await call(t, u.stranger.token, 'POST', `/api/v1/reports/${report.id}/submit`)).status).toBe(404);
    for (const who of [u.expert, u.official]) {
      expect((await call(t, who.token, 'PATCH', `/api/v1/reports/${report.id}`, { version: 1, narrative: 'x' })).status).toBe(403);
      expect((await call(t, who.token, 'POST', `/api/v1/reports/${report.id}/review`, { decision: 'accept' })).status).toBe(403);
      expect((await call(t, who.token, 'GET', `/api/v1/competitions/${comp.id}/reports`)).status).toBe(403);
    }
    expect((await call(t, u.otherOrganiser.token, 'GET', `/api/v1/competitions/${comp.id}/reports`)).status).toBe(404);
    expect((await call(t, null, 'GET', `/api/v1/reports/${report.id}`)).status).toBe(401);
  });
});

describe('GET /competitions/:id/reports', () => {
  it('orders overdue first, then still owed by deadline, then awaiting review, then the rest; filters; pages with a cursor bound to its list', async () => {
    const comp = await makeCompetition(t, operatorId, { status: 'decided' });
    const apps = [];
    for (let i = 0; i < 3; i++) {
      const a = await makeApplication(t, comp, org.id, u.owner.id, { status: 'winner' });
      await t.db.update(applications).set({ awardedKopecks: a.requestedKopecks }).where(eq(applications.id, a.id));
      apps.push(a);
    }
    await publish(comp);
    // Six reports (an interim and a final each). Make one interim submitted and another accepted, and the third one's deadline passed.
    const all = await t.db.select().from(reports).where(eq(reports.competitionId, comp.id)).orderBy(asc(reports.dueAt), asc(reports.id));
    expect(all).toHaveLength(6);
    const interims = all.filter((r) => r.kind === 'interim');
    await t.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, interims[0]!.id));
    await t.db.update(reports).set({ status: 'accepted' }).where(eq(reports.id, interims[1]!.id));
    const url = `/api/v1/competitions/${comp.id}/reports`;
    await t.db.update(reports).set({ dueAt: new Date(t.clock.now().getTime() - 1000) }).where(eq(reports.id, interims[2]!.id));
    {
      const r = await call(t, u.organiser.token, 'GET', url);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json.items.map((x: any) => [x.id, x.overdue])).toEqual([
        [interims[2]!.id, true],
        ...all.filter((x) => x.kind === 'final').map((x) => [x.id, false]),
        [interims[0]!.id, false], [interims[1]!.id, false],
      ]);
      expect(r.json.nextCursor).toBeNull();
      // The counts are the whole competition's, whatever the filter.
      expect(r.json.counts).toEqual({ due: 3, overdue: 1, submitted: 1, accepted: 1 });
      expect((await call(t, u.organiser.token, 'GET', `${url}?status=accepted`)).json.counts).toEqual(r.json.counts);
      expect((await call(t, u.organiser.token, 'GET', `${url}?overdue=true`)).json.items.map((x: any) => x.id)).toEqual([interims[2]!.id]);
      expect((await call(t, u.organiser.token, 'GET', `${url}?overdue=false`)).json.items).toHaveLength(5);
      expect((await call(t, u.admin.token, 'GET', `${url}?status=submitted`)).json.items.map((x: any) => x.id)).toEqual([interims[0]!.id]);
      // Pages of two, in the same order.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const p: any = await call(t, u.organiser.token, 'GET', `${url}?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(p.status).toBe(200);
        seen.push(...p.json.items.map((x: any) => x.id));
        cursor = p.json.nextCursor;
      } while (cursor);
      expect(seen).toEqual(r.json.items.map((x: any) => x.id));
      const firstPage = await call(t, u.organiser.token, 'GET', `${url}?limit=2`);
      const other = await call(t, u.organiser.token, 'GET', `${url}?limit=2&status=due&cursor=${encodeURIComponent(firstPage.json.nextCursor)}`);
      expect(other.status).toBe(400);
      expect(paths(other.json)).toEqual(['cursor:cursor-other-list']);
      // Bad input names the field.
      for (const q of ['status=lost', 'overdue=yes', 'limit=0', 'cursor=abc']) {
        const bad = await call(t, u.organiser.token, 'GET', `${url}?${q}`);
        expect(bad.status, q).toBe(400);
        expect(bad.json.errors[0].path, q).toBe(q.split('=')[0]);
      }
    }
    expect(apps).toHaveLength(3);
  });
});
