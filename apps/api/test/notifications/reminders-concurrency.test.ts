// Exactly once across processes: several sweeps at the same moment (on PostgreSQL, over two connection pools to one
// database, as two app processes would be), in small batches, then a "restart" (a new pool) asking again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow } from '../fixtures.js';
import { assignments, emailOutbox, notifications } from '../../src/db/schema/index.js';
import { connectPg, type Database } from '../../src/db/client.js';
import { sendDueReminders } from '../../src/services/reminders.js';
import { dueDraftDeadlines, dueReviews } from '../../src/queries/reminders.js';

const DAY = 86_400_000;
const T0 = new Date('2027-05-10T07:00:00.000Z');
const DRAFTS = 23;
const REVIEWS = 11;

let t: TestApp;
/** A second process's connections to the same database (on PGlite, its one connection again). */
let other: Database;

/** A competition closing at `closesAt` with DRAFTS drafts (two members each) and one under review with REVIEWS open assignments due then. */
async function dueObjects(closesAt: Date) {
  const op = await makeOperator(t);
  const comp = await makeCompetition(t, op.id, { closesAt });
  const members: string[] = [];
  const drafts: string[] = [];
  for (let i = 0; i < DRAFTS; i++) {
    const [owner, member] = [await makeUser(t, 'applicant'), await makeUser(t, 'applicant')];
    const org = await makeOrganization(t, owner.id, '40', [member.id]);
    drafts.push((await makeApplication(t, comp, org.id, owner.id)).id);
    members.push(owner.id, member.id);
  }
  const reviewComp: CompetitionRow = await makeCompetition(t, op.id, { status: 'review', opensAt: new Date(T0.getTime() - 30 * DAY), closesAt: new Date(T0.getTime() - 20 * DAY) });
  const owner = await makeUser(t, 'applicant');
  const app = await makeApplication(t, reviewComp, (await makeOrganization(t, owner.id)).id, owner.id, { status: 'under_review' });
  const experts = [];
  for (let i = 0; i < REVIEWS; i++) experts.push((await makeUser(t, 'expert')).id);
  const rows = await t.db.insert(assignments).values(experts.map((expertId) => ({ competitionId: reviewComp.id, applicationId: app.id, expertId, dueAt: closesAt })))
    .returning({ id: assignments.id });
  return { objects: [...drafts, ...rows.map((r) => r.id)], users: [...members, ...experts], expected: DRAFTS * 2 + REVIEWS };
}

async function written(objects: string[]) {
  const inbox = await t.db.select({ key: notifications.dedupeKey, userId: notifications.userId }).from(notifications).where(inArray(notifications.objectId, objects));
  return inbox;
}
async function mailsTo(users: string[]) {
  const [{ n }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox).where(inArray(emailOutbox.userId, users));
  return n;
}

beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  other = isRealPostgres ? connectPg((t.database as Database & { url: string }).url, 10) : t.database;
});
afterAll(async () => {
  if (other !== t?.database) await other?.close();
  await t?.close();
});

describe('reminders, exactly once', () => {
  it('in batches: a sweep goes through every batch, the next one writes nothing', async () => {
    const closes = new Date(T0.getTime() + 2 * DAY);
    const due = await dueObjects(closes);
    expect(await sendDueReminders(t.db, T0, { batchSize: 4 })).toBe(due.expected);
    const inbox = await written(due.objects);
    expect(inbox).toHaveLength(due.expected);
    expect(inbox.every((r) => r.key!.includes(':3d:'))).toBe(true);
    expect(await mailsTo(due.users)).toBe(due.expected);
    // Nothing left to render: the due queries skip what is written (the anti-join on the dedupe key).
    expect(await dueDraftDeadlines(t.db, T0, { limit: 500 })).toEqual([]);
    expect(await dueReviews(t.db, T0, { limit: 500 })).toEqual([]);
    expect(await sendDueReminders(t.db, T0, { batchSize: 4 })).toBe(0);
    expect(await sendDueReminders(t.db, new Date(T0.getTime() + 3_600_000))).toBe(0);
  });

  it('sweeps of two processes at the same moment: each reminder once, each e-mail once', async () => {
    const closes = new Date(T0.getTime() + 40 * DAY);
    const now = new Date(closes.getTime() - DAY);
    const due = await dueObjects(closes);
    const counts = await Promise.all([
      sendDueReminders(t.db, now, { batchSize: 5 }), sendDueReminders(other.db, now, { batchSize: 5 }),
      sendDueReminders(t.db, now, { batchSize: 7 }), sendDueReminders(other.db, now),
    ]);
    // What each sweep answers is what it wrote: together exactly the due reminders, none twice.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(due.expected);
    const inbox = await written(due.objects);
    expect(inbox).toHaveLength(due.expected);
    expect(new Set(inbox.map((r) => r.key)).size).toBe(due.expected);
    expect(inbox.every((r) => r.key!.includes(':1d:'))).toBe(true);
    expect(await mailsTo(due.users)).toBe(due.expected);
  });

  it('after a restart (a new connection pool on the same database) nothing is resent', async () => {
    const closes = new Date(T0.getTime() + 40 * DAY);
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox);
    let restarted: Database = t.database;
    if (isRealPostgres) {
      await other.close();
      restarted = connectPg((t.database as Database & { url: string }).url, 5);
      other = restarted;
    }
    for (const ms of [DAY, DAY / 2, 1]) expect(await sendDueReminders(restarted.db, new Date(closes.getTime() - ms))).toBe(0);
    expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox)).toEqual(before);
    // The dedupe key is what holds: a reminder written again by hand is refused by the unique index.
    const [one] = await t.db.select().from(notifications).where(eq(notifications.kind, 'draft-deadline')).limit(1);
    const { id: _id, ...copy } = one;
    await expect(t.db.insert(notifications).values(copy)).rejects.toThrow();
  });
});
