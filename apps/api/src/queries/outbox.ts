// The e-mail outbox: the worker's claim of due rows (FOR UPDATE SKIP LOCKED, so that workers never share a row), what
// it writes back after each attempt, and the admin's reading of the rows. One kind's e-mail turned off for a user
// (the unsubscribe link) is here too: it is the outbox's own way back from the recipient.
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { NotificationKind, OutboxStatus } from '@konkurs/shared';
import type { Db, Executor } from '../db/client.js';
import { emailOutbox, notificationSettings, type EmailPayload } from '../db/schema/index.js';
import { rowsOf } from '../db/bulk.js';

export type OutboxRow = typeof emailOutbox.$inferSelect;

/**
 * Claims up to `limit` due rows until `lockedUntil`, counting the attempt: queued, due, and not claimed by a worker
 * whose lease still runs (a crashed worker's claim expires with its lease, and the row is sent again).
 */
export async function claimDueEmails(db: Db, now: Date, lockedUntil: Date, limit: number): Promise<OutboxRow[]> {
  const due = db.select({ id: emailOutbox.id }).from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'queued'), lte(emailOutbox.nextAttemptAt, now), or(isNull(emailOutbox.lockedUntil), lt(emailOutbox.lockedUntil, now))))
    .orderBy(asc(emailOutbox.nextAttemptAt)).limit(limit).for('update', { skipLocked: true });
  return db.update(emailOutbox).set({ lockedUntil, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, due)).returning();
}

/** Accepted by the SMTP server: a secret link is dropped from the row (it stays in the recipient's mailbox only). */
export async function markEmailSent(db: Db, row: OutboxRow, messageId: string, at: Date): Promise<void> {
  const payload: EmailPayload = row.payload.secret ? { ...row.payload, link: '', secret: true } : row.payload;
  await db.update(emailOutbox).set({ status: 'sent', sentAt: at, messageId, lockedUntil: null, lastError: null, payload })
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'queued')));
}

/** An attempt failed: tried again at `retryAt`, or (no retry) failed for good; the row is kept with its error. */
export async function markEmailFailed(db: Db, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db.update(emailOutbox)
    .set(retryAt ? { lastError: error, nextAttemptAt: retryAt, lockedUntil: null } : { lastError: error, status: 'failed', lockedUntil: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'queued')));
}

/** Newest first, limit+1 rows, after the (createdAt, id) of a cursor. */
export async function listOutbox(db: Executor, filter: { status?: OutboxStatus; after?: { createdAt: Date; id: string } }, limit: number): Promise<OutboxRow[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(emailOutbox.status, filter.status));
  if (filter.after) {
    const { createdAt, id } = filter.after;
    where.push(or(lt(emailOutbox.createdAt, createdAt), and(eq(emailOutbox.createdAt, createdAt), lt(emailOutbox.id, id)))!);
  }
  return db.select().from(emailOutbox).where(and(...where)).orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(limit + 1);
}

export async function findOutboxRow(db: Executor, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row;
}

/** One kind's e-mail off for a user (the inbox keeps every notice); answers false when there is no such user. */
export async function turnEmailOff(db: Executor, userId: string, kind: NotificationKind): Promise<boolean> {
  const result = await db.execute(sql`insert into ${notificationSettings} (user_id, kind, email)
    select id, ${kind}, false from users where id = ${userId}
    on conflict (user_id, kind) do update set email = false returning user_id`);
  return rowsOf(result).length > 0;
}
