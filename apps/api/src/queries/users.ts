// Users and their sessions: plain reads and writes; the rules of who may be created are in services/users.ts.
import { and, asc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { Role, User } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { sessions, users } from '../db/schema/index.js';
import { notFound } from '../domain/errors.js';

export type UserRow = typeof users.$inferSelect;

export function toUser(u: UserRow): User {
  return {
    id: u.id, email: u.email, fullName: u.fullName, role: u.role, operatorId: u.operatorId,
    expertDirections: u.expertDirections, regionCode: u.regionCode, active: u.active, createdAt: u.createdAt.toISOString(),
  };
}

export async function findUserByEmail(db: Executor, email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return u;
}

/** Inserts the user (the e-mail lower-cased); undefined when the e-mail is taken (the unique index decides). */
export async function insertUser(tx: Tx, values: Omit<typeof users.$inferInsert, 'id' | 'createdAt'>): Promise<UserRow | undefined> {
  const [row] = await tx.insert(users).values({ ...values, email: values.email.toLowerCase() }).onConflictDoNothing().returning();
  return row;
}

/** The user locked for a change; 404 when there is none. */
export async function lockUser(tx: Tx, id: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!row) throw notFound('user');
  return row;
}

export async function setUser(tx: Tx, id: string, set: Partial<Omit<UserRow, 'id' | 'email' | 'createdAt'>>): Promise<UserRow> {
  const [row] = await tx.update(users).set(set).where(eq(users.id, id)).returning();
  return row;
}

export async function passwordHashOf(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.passwordHash;
}

/** The account's e-mail (it never changes), undefined when there is no such account. */
export async function emailOf(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
  return row?.email;
}

export async function listUsers(db: Executor, filter: { role?: Role; operatorId?: string; afterEmail?: string }, limit: number) {
  const where: SQL[] = [];
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.operatorId) where.push(eq(users.operatorId, filter.operatorId));
  if (filter.afterEmail) where.push(gt(users.email, filter.afterEmail));
  return db.select().from(users).where(and(...where)).orderBy(asc(users.email)).limit(limit + 1);
}

export async function revokeSessions(db: Executor, userId: string, at: Date, sessionId?: string) {
  await db.update(sessions).set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ...(sessionId ? [eq(sessions.id, sessionId)] : [])));
}

/** What the account records of its address, consent and language (`/auth/me`). */
export async function accountRecordOf(db: Executor, userId: string) {
  const [row] = await db.select({ verified: users.emailVerifiedAt, consentVersion: users.consentVersion, language: users.language })
    .from(users).where(eq(users.id, userId));
  return row;
}
