// Reminders from the clock: the clock is moved over a competition accepting drafts and one under review, and
// sendDueReminders is asked at each instant; the inbox and the outbox say what went out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow, type TestUser } from '../fixtures.js';
import { assignments, competitions, emailOutbox, notifications, notificationSettings, users } from '../../src/db/schema/index.js';
import { sendDueReminders } from '../../src/services/reminders.js';
import { noticeText } from '../../src/services/notifications.js';
import { startSession } from '../../src/plugins/auth.js';

const DAY = 86_400_000;
const T0 = new Date('2027-03-01T09:00:00.000Z');
// The call closes 10 days after T0 and the reviews are due 5 days later, at 18:00 in Vladivostok (08:00 UTC, 11:00 in Moscow).
const CLOSES = new Date(T0.getTime() + 10 * DAY - 3_600_000);
const DUE = new Date(CLOSES.getTime() + 5 * DAY);

let t: TestApp;
let owner: TestUser; let member: TestUser; let outsider: TestUser;
let expertA: TestUser; let expertB: TestUser; let expertC: TestUser;
let open: CompetitionRow; let review: CompetitionRow;
let draft: { id: string; number: string }; let submitted: { id: string }; let laterDraft: { id: string };
let reviewed: { number: string };
let assigned: string; let toDecline: string; let toSubmit: string; let undated: string; let ofPassedOver: string;

const at = (ms: number) => new Date(ms);
// Sessions expire on the app's clock: a fresh one at the moved clock.
const as = (u: TestUser) => startSession(t.app, u.id);
const remind = (now: Date) => sendDueReminders(t.db, now);
const keysOf = async (kind: 'draft-deadline' | 'review-due') =>
  (await t.db.select({ key: notifications.dedupeKey }).from(notifications).where(eq(notifications.kind, kind))).map((r) => r.key!).sort();
const outboxTo = async (kind: 'draft-deadline' | 'review-due') =>
  (await t.db.select({ to: emailOutbox.toAddress }).from(emailOutbox).where(eq(emailOutbox.kind, kind))).map((r) => r.to).sort();

beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  const op = await makeOperator(t);
  owner = await makeUser(t, 'applicant');
  member = await makeUser(t, 'applicant');
  outsider = await makeUser(t, 'applicant');
  [expertA, expertB, expertC] = await Promise.all([makeUser(t, 'expert'), makeUser(t, 'expert'), makeUser(t, 'expert')]);
  // The owner and the experts confirmed their addresses; the member did not (inbox only) and reads English.
  await t.db.update(users).set({ emailVerifiedAt: T0 }).where(inArray(users.id, [owner.id, outsider.id, expertA.id, expertB.id, expertC.id]));
  await t.db.update(users).set({ language: 'en', emailVerifiedAt: null }).where(eq(users.id, member.id));

  open = await makeCompetition(t, op.id, { title: 'Добрые дела', closesAt: CLOSES, timezone: 'Asia/Vladivostok' });
  const org = await makeOrganization(t, owner.id, '40', [member.id]);
  draft = await makeApplication(t, open, org.id, owner.id);
  submitted = await makeApplication(t, open, org.id, owner.id);
  await makeApplication(t, open, org.id, owner.id, { status: 'withdrawn' });

  review = await makeCompetition(t, op.id, {
    title: 'Экспертиза', status: 'review', opensAt: at(T0.getTime() - 20 * DAY), closesAt: at(T0.getTime() - 5 * DAY),
    timezone: 'Asia/Vladivostok', criteria: [{ code: 'K1', weight: 1, maxScore: 10 }],
  });
  const app = await makeApplication(t, review, org.id, owner.id, { status: 'under_review' });
  reviewed = app;
  const other = await makeApplication(t, review, org.id, owner.id, { status: 'under_review' });
  // Passed over by the organiser: its open assignment's review would never count.
  const passedOver = await makeApplication(t, review, org.id, owner.id, { status: 'not_supported' });
  const rows = await t.db.insert(assignments).values([
    { competitionId: review.id, applicationId: app.id, expertId: expertA.id, dueAt: DUE },
    { competitionId: review.id, applicationId: app.id, expertId: expertB.id, dueAt: DUE },
    { competitionId: review.id, applicationId: other.id, expertId: expertC.id, dueAt: DUE },
    // No due date: never reminded.
    { competitionId: review.id, applicationId: other.id, expertId: expertA.id, dueAt: null },
    { competitionId: review.id, applicationId: passedOver.id, expertId: expertA.id, dueAt: DUE },
  ]).returning({ id: assignments.id });
  [assigned, toDecline, toSubmit, undated, ofPassedOver] = rows.map((r) => r.id);
});
afterAll(async () => { await t?.close(); });

describe('reminders from the clock', () => {
  it('nothing is due before 3 days', async () => {
    expect(await remind(T0)).toBe(0);
    expect(await remind(at(CLOSES.getTime() - 3 * DAY - 1))).toBe(0);
    expect(await keysOf('draft-deadline')).toEqual([]);
  });

  it('3 days before closing: the members of each draft are told once, however often asked', async () => {
    t.clock.set(CLOSES.getTime() - 3 * DAY);
    expect(await remind(t.clock.now())).toBe(4);
    expect(await keysOf('draft-deadline')).toEqual([
      `draft-deadline:${draft.id}:3d:${member.id}`, `draft-deadline:${draft.id}:3d:${owner.id}`,
      `draft-deadline:${submitted.id}:3d:${member.id}`, `draft-deadline:${submitted.id}:3d:${owner.id}`].sort());
    for (const ms of [0, 1, 3_600_000, DAY - 1]) expect(await remind(at(CLOSES.getTime() - 3 * DAY + ms))).toBe(0);
    expect(await keysOf('draft-deadline')).toHaveLength(4);
    // The e-mail: only to the confirmed address.
    expect(await outboxTo('draft-deadline')).toEqual([owner.email, owner.email]);

    const [row] = await t.db.select().from(notifications)
      .where(and(eq(notifications.userId, owner.id), eq(notifications.kind, 'draft-deadline'), eq(notifications.objectId, draft.id)));
    expect(row).toMatchObject({ link: `/applicant/applications/${draft.id}`, objectType: 'application', readAt: null });
    const params = { number: draft.number, title: 'Школа волонтёров', competitionTitle: 'Добрые дела', closesAt: CLOSES.toISOString(), step: '3d' };
    // Instants in the competition's timezone (18:00 in Vladivostok), not in Moscow's.
    expect({ title: row.title, body: row.body }).toEqual(noticeText('draft-deadline', params, 'ru', 'Asia/Vladivostok'));
    expect(row.body).not.toBe(noticeText('draft-deadline', params, 'ru').body);
    const [en] = await t.db.select().from(notifications)
      .where(and(eq(notifications.userId, member.id), eq(notifications.kind, 'draft-deadline'), eq(notifications.objectId, draft.id)));
    expect(en.body).toBe(noticeText('draft-deadline', params, 'en', 'Asia/Vladivostok').body);
    const [mail] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.kind, 'draft-deadline'), sql`${emailOutbox.payload}->>'link' = ${row.link}`));
    expect(mail).toMatchObject({ status: 'queued', language: 'ru', userId: owner.id, payload: { title: row.title, body: row.body, link: row.link } });
  });

  it('1 day before closing: the drafts still drafts; a draft created inside the last day gets only that one', async () => {
    t.clock.set(CLOSES.getTime() - DAY - 3_600_000);
    expect((await call(t, await as(owner), 'POST', `/api/v1/applications/${submitted.id}/submit`)).status).toBe(200);
    expect(await remind(t.clock.now())).toBe(0);
    t.clock.set(CLOSES.getTime() - DAY + 3_600_000);
    const org = await makeOrganization(t, outsider.id);
    laterDraft = await makeApplication(t, open, org.id, outsider.id);
    expect(await remind(t.clock.now())).toBe(3); // the first draft's two members, the new draft's owner
    expect((await keysOf('draft-deadline')).filter((k) => k.includes(':1d:'))).toEqual([
      `draft-deadline:${draft.id}:1d:${member.id}`, `draft-deadline:${draft.id}:1d:${owner.id}`,
      `draft-deadline:${laterDraft.id}:1d:${outsider.id}`].sort());
    expect(await keysOf('draft-deadline')).not.toContain(`draft-deadline:${laterDraft.id}:3d:${outsider.id}`);
    for (const ms of [0, 3_600_000, CLOSES.getTime() - 1 - t.clock.now().getTime()]) expect(await remind(at(t.clock.now().getTime() + ms))).toBe(0);
    expect(await outboxTo('draft-deadline')).toEqual([owner.email, owner.email, owner.email, outsider.email].sort());
  });

  it('nothing once the call has closed, nor in a competition no longer accepting', async () => {
    const before = (await t.db.select().from(notifications)).length;
    expect(await remind(CLOSES)).toBe(0);
    expect(await remind(at(CLOSES.getTime() + DAY))).toBe(0);
    // A competition moved on to review before its closing time: its drafts are no longer reminded.
    const op = await makeOperator(t);
    const early = await makeCompetition(t, op.id, { closesAt: at(CLOSES.getTime() + 20 * DAY) });
    await makeApplication(t, early, (await makeOrganization(t, outsider.id)).id, outsider.id);
    await t.db.update(competitions).set({ status: 'review' }).where(eq(competitions.id, early.id));
    expect(await remind(at(CLOSES.getTime() + 19 * DAY))).toBe(0);
    expect((await t.db.select().from(notifications)).length).toBe(before);
  });

  it('3 days before the review is due: each expert with an open assignment, once', async () => {
    expect(await remind(at(DUE.getTime() - 3 * DAY - 1))).toBe(0);
    t.clock.set(DUE.getTime() - 3 * DAY);
    expect(await remind(t.clock.now())).toBe(3);
    expect(await keysOf('review-due')).toEqual([
      `review-due:${assigned}:3d:${expertA.id}`, `review-due:${toDecline}:3d:${expertB.id}`, `review-due:${toSubmit}:3d:${expertC.id}`].sort());
    for (const ms of [0, 1, DAY]) expect(await remind(at(DUE.getTime() - 3 * DAY + ms))).toBe(0);
    expect(await outboxTo('review-due')).toEqual([expertA.email, expertB.email, expertC.email].sort());
    const [row] = await t.db.select().from(notifications).where(and(eq(notifications.userId, expertA.id), eq(notifications.kind, 'review-due')));
    expect(row).toMatchObject({ link: `/expert/assignments/${assigned}`, objectType: 'assignment', objectId: assigned });
    const params = { number: reviewed.number, competitionTitle: 'Экспертиза', dueAt: DUE.toISOString(), step: '3d' };
    expect({ title: row.title, body: row.body }).toEqual(noticeText('review-due', params, 'ru', 'Asia/Vladivostok'));
    expect(await t.db.select().from(notifications).where(inArray(notifications.objectId, [undated, ofPassedOver]))).toEqual([]);
  });

  it('1 day before the review is due: not after a decline or a submitted review', async () => {
    t.clock.set(DUE.getTime() - 2 * DAY);
    expect((await call(t, await as(expertB), 'POST', `/api/v1/assignments/${toDecline}/decline`, { reason: 'Конфликт интересов' })).status).toBe(200);
    expect((await call(t, await as(expertC), 'PUT', `/api/v1/assignments/${toSubmit}/review`, { scores: [{ criterionCode: 'K1', score: 7 }] })).status).toBe(200);
    expect((await call(t, await as(expertC), 'POST', `/api/v1/assignments/${toSubmit}/review/submit`)).status).toBe(200);
    t.clock.set(DUE.getTime() - DAY);
    expect(await remind(t.clock.now())).toBe(1);
    expect((await keysOf('review-due')).filter((k) => k.includes(':1d:'))).toEqual([`review-due:${assigned}:1d:${expertA.id}`]);
    expect(await remind(at(DUE.getTime() - 1))).toBe(0);
  });

  it('nothing once the review is overdue', async () => {
    const mails = (await t.db.select().from(emailOutbox)).length;
    for (const ms of [DUE.getTime(), DUE.getTime() + DAY]) expect(await remind(at(ms))).toBe(0);
    expect((await t.db.select().from(emailOutbox)).length).toBe(mails);
  });

  it('an e-mail turned off for the kind: the inbox row, no e-mail; an inactive account: nobody', async () => {
    const op = await makeOperator(t);
    const comp = await makeCompetition(t, op.id, { closesAt: at(T0.getTime() + 40 * DAY) });
    const quiet = await makeUser(t, 'applicant');
    const gone = await makeUser(t, 'applicant');
    await t.db.update(users).set({ emailVerifiedAt: T0 }).where(inArray(users.id, [quiet.id, gone.id]));
    await t.db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    await t.db.insert(notificationSettings).values({ userId: quiet.id, kind: 'draft-deadline', email: false });
    const org = await makeOrganization(t, quiet.id, '40', [gone.id]);
    const d = await makeApplication(t, comp, org.id, quiet.id);
    expect(await remind(at(comp.closesAt.getTime() - 3 * DAY))).toBe(1);
    expect(await keysOf('draft-deadline')).toContain(`draft-deadline:${d.id}:3d:${quiet.id}`);
    expect(await keysOf('draft-deadline')).not.toContain(`draft-deadline:${d.id}:3d:${gone.id}`);
    expect(await t.db.select().from(emailOutbox).where(inArray(emailOutbox.toAddress, [quiet.email, gone.email]))).toEqual([]);
  });
});
