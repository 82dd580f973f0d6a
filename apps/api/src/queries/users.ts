import { and, asc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { CreateUserBody, Role, User } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import { operators, sessions, users } from '../db/schema/index.js';
import { hashPassword } from '../lib/passwords.js';
import { fieldError, conflict } from '../lib/problem.js';

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

/** Organisers and officials belong to an operator; applicants and admins to none. */
export async function createUser(db: Executor, input: CreateUserBody): Promise<UserRow> {
  const needsOperator = input.role === 'organiser' || input.role === 'official';
  if (needsOperator && !input.operatorId) throw fieldError('operatorId', `required for the role ${input.role}`);
  if (input.operatorId) {
    const [op] = await db.select({ id: operators.id }).from(operators).where(eq(operators.id, input.operatorId));
    if (!op) throw fieldError('operatorId', 'no such operator');
  }
  if (input.expertDirections?.length && input.role !== 'expert') throw fieldError('expertDirections', 'only experts have directions');
  if (await findUserByEmail(db, input.email)) throw conflict('email-taken', 'A user with this e-mail already exists', [{ path: 'email', message: 'already registered' }]);
  const [row] = await db.insert(users).values({
    email: input.email.toLowerCase(),
    passwordHash: await hashPassword(input.password),
    fullName: input.fullName,
    role: input.role,
    operatorId: input.role === 'applicant' ? null : (input.operatorId ?? null),
    expertDirections: input.expertDirections ?? [],
    regionCode: input.regionCode ?? null,
  }).onConflictDoNothing().returning();
  if (!row) throw conflict('email-taken', 'A user with this e-mail already exists', [{ path: 'email', message: 'already registered' }]);
  return row;
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
