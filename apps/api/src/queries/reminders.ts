// What is due for a reminder at an instant, and not yet told: each query answers a batch of objects, each with the
// step due now and the recipients who have not had that step's notice. "Not yet told" is an anti-join on
// notifications.dedupe_key (unique), the same key notify() writes, so a sweep after everything went out reads the due
// objects and probes the index, and renders nothing.
import { and, asc, eq, gt, inArray, lte, notExists, sql, type SQL } from 'drizzle-orm';
import { ASSIGNABLE, REPORT_OWED, type NotificationKind } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import { applications, assignments, competitions, notifications, organizationMembers, reports, users } from '../db/schema/index.js';

const DAY_MS = 86_400_000;

/** A reminder goes out 3 days before an instant and again 1 day before it; inside the last day only the second. */
export const REMINDER_STEPS = ['3d', '1d'] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number];

/** The key of one reminder to one user: a second write of it is a no-op (notifications_dedupe_key). A step: '3d', '1d' (report-due will add its own). */
export function reminderKey(kind: NotificationKind, objectId: string, step: string, userId: string): string {
  return `${kind}:${objectId}:${step}:${userId}`;
}

/** The same key in SQL, over the columns of the due query. */
function reminderKeySql(kind: NotificationKind, objectId: SQL | typeof applications.id, step: SQL, userId: SQL | typeof users.id): SQL {
  return sql`${kind} || ':' || ${objectId}::text || ':' || ${step} || ':' || ${userId}::text`;
}

/** The step due for an instant `at` in the window (now, now + 3 days]: '1d' within the last day, '3d' before. */
function stepOf(at: SQL | typeof competitions.closesAt, now: Date): SQL<ReminderStep> {
  return sql<ReminderStep>`(case when ${at} <= ${new Date(now.getTime() + DAY_MS).toISOString()}::timestamptz then '1d' else '3d' end)`;
}

/** Instants a reminder is due for at `now`: after now, at most 3 days ahead. */
function inWindow(at: typeof competitions.closesAt | typeof assignments.dueAt, now: Date): SQL | undefined {
  return and(gt(at, now), lte(at, new Date(now.getTime() + 3 * DAY_MS)));
}

/** Objects are read in id order after `after` (keyset): every sweep goes through them in one order, and ends. */
export interface DueBatch { after?: string; limit: number }

export interface DueDraft {
  id: string; number: string; title: string | null; competitionTitle: string; closesAt: Date; timezone: string;
  step: ReminderStep; recipients: string[];
}

/**
 * Drafts in competitions that accept applications and close within 3 days, with the organisation's active members
 * who have not had the step's reminder.
 */
export async function dueDraftDeadlines(db: Executor, now: Date, batch: DueBatch): Promise<DueDraft[]> {
  const step = stepOf(competitions.closesAt, now);
  const told = db.select({ one: sql`1` }).from(notifications)
    .where(eq(notifications.dedupeKey, reminderKeySql('draft-deadline', sql`${applications.id}`, step, sql`${organizationMembers.userId}`)));
  const rows = await db.select({
    id: applications.id, number: applications.number, title: applications.title, competitionTitle: competitions.title,
    closesAt: competitions.closesAt, timezone: competitions.timezone, step,
    recipients: sql<string[]>`array_agg(${organizationMembers.userId}::text order by ${organizationMembers.userId})`,
  }).from(competitions)
    .innerJoin(applications, and(eq(applications.competitionId, competitions.id), eq(applications.status, 'draft')))
    .innerJoin(organizationMembers, eq(organizationMembers.organizationId, applications.organizationId))
    .innerJoin(users, and(eq(users.id, organizationMembers.userId), eq(users.active, true)))
    // Accepting applications (acceptsApplications in packages/shared): open, opened, not closed.
    .where(and(eq(competitions.status, 'open'), lte(competitions.opensAt, now), inWindow(competitions.closesAt, now),
      batch.after ? gt(applications.id, batch.after) : undefined, notExists(told)))
    .groupBy(applications.id, competitions.id)
    .orderBy(asc(applications.id))
    .limit(batch.limit);
  return rows;
}

export interface DueReview {
  id: string; number: string; competitionTitle: string; dueAt: Date; timezone: string; step: ReminderStep; expertId: string;
}

/**
 * Assignments still to be reviewed (neither submitted nor declined) in competitions under review, due within
 * 3 days, whose expert (active) has not had the step's reminder. Only while the application's reviews still count
 * (ASSIGNABLE: not once it is reviewed or passed over).
 */
export async function dueReviews(db: Executor, now: Date, batch: DueBatch): Promise<DueReview[]> {
  const dueAt = sql`${assignments.dueAt}`;
  const step = stepOf(dueAt, now);
  const told = db.select({ one: sql`1` }).from(notifications)
    .where(eq(notifications.dedupeKey, reminderKeySql('review-due', sql`${assignments.id}`, step, sql`${assignments.expertId}`)));
  const rows = await db.select({
    id: assignments.id, number: applications.number, competitionTitle: competitions.title, dueAt: assignments.dueAt,
    timezone: competitions.timezone, step, expertId: assignments.expertId,
  }).from(assignments)
    .innerJoin(competitions, and(eq(competitions.id, assignments.competitionId), eq(competitions.status, 'review')))
    .innerJoin(applications, and(eq(applications.id, assignments.applicationId), inArray(applications.status, ASSIGNABLE)))
    .innerJoin(users, and(eq(users.id, assignments.expertId), eq(users.active, true)))
    .where(and(eq(assignments.status, 'assigned'), inWindow(assignments.dueAt, now),
      batch.after ? gt(assignments.id, batch.after) : undefined, notExists(told)))
    .orderBy(asc(assignments.id))
    .limit(batch.limit);
  return rows.map((r) => ({ ...r, dueAt: r.dueAt! }));
}

/** A report's reminders: 14 days before its deadline, and once it is overdue. */
export type ReportReminderStep = '14d' | 'overdue';

export interface DueReport {
  id: string; applicationId: string; number: string; title: string | null; dueAt: Date; timezone: string;
  step: ReportReminderStep; recipients: string[];
}

/**
 * Reports still owed (due, draft, returned) whose deadline is within 14 days ('14d') or has passed ('overdue'), with
 * the organisation's active members who have not had that step's reminder.
 */
export async function dueReports(db: Executor, now: Date, batch: DueBatch): Promise<DueReport[]> {
  const step = sql<ReportReminderStep>`(case when ${reports.dueAt} < ${now.toISOString()}::timestamptz then 'overdue' else '14d' end)`;
  const told = db.select({ one: sql`1` }).from(notifications)
    .where(eq(notifications.dedupeKey, reminderKeySql('report-due', sql`${reports.id}`, step, sql`${organizationMembers.userId}`)));
  return db.select({
    id: reports.id, applicationId: reports.applicationId, number: applications.number, title: applications.title, dueAt: reports.dueAt,
    timezone: competitions.timezone, step,
    recipients: sql<string[]>`array_agg(${organizationMembers.userId}::text order by ${organizationMembers.userId})`,
  }).from(reports)
    .innerJoin(applications, eq(applications.id, reports.applicationId))
    .innerJoin(competitions, eq(competitions.id, reports.competitionId))
    .innerJoin(organizationMembers, eq(organizationMembers.organizationId, reports.organizationId))
    .innerJoin(users, and(eq(users.id, organizationMembers.userId), eq(users.active, true)))
    .where(and(inArray(reports.status, REPORT_OWED), lte(reports.dueAt, new Date(now.getTime() + 14 * DAY_MS)),
      batch.after ? gt(reports.id, batch.after) : undefined, notExists(told)))
    .groupBy(reports.id, applications.id, competitions.id)
    .orderBy(asc(reports.id))
    .limit(batch.limit);
}
