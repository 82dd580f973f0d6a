// The single-use secrets of account e-mails (password reset, e-mail confirmation): only their sha256 is stored, so
// that a copy of the database opens no account. Plain reads and writes; the rules are in services/accounts.ts.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { accountTokens, users } from '../db/schema/index.js';

export type TokenPurpose = (typeof accountTokens.$inferSelect)['purpose'];

/** A new secret for an e-mail link (32 random bytes, base64url: 43 characters) and the digest kept of it. */
export function newSecret(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: digestOf(token) };
}

export const digestOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function insertToken(tx: Tx, values: { userId: string; purpose: TokenPurpose; tokenHash: string; createdAt: Date; expiresAt: Date }) {
  await tx.insert(accountTokens).values(values);
}

/** Ends every unused token of the user for the purpose (a newer one was issued, or the password changed). */
export async function invalidateTokens(db: Executor, userId: string, purpose: TokenPurpose, at: Date) {
  await db.update(accountTokens).set({ usedAt: at })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
}

/** The token with that digest and purpose, with what its account is; undefined when there is none. */
export async function findToken(db: Executor, purpose: TokenPurpose, tokenHash: string) {
  const [row] = await db.select({
    id: accountTokens.id, userId: accountTokens.userId, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt,
    email: users.email, language: users.language, active: users.active, verifiedAt: users.emailVerifiedAt,
  }).from(accountTokens).innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, tokenHash), eq(accountTokens.purpose, purpose)));
  return row;
}

/**
 * Marks the token used if it still is unused and unexpired; false when another request used it first. The row lock
 * the UPDATE takes makes a concurrent second one wait and then find `used_at` set, so exactly one of two wins.
 */
export async function useToken(tx: Tx, id: string, at: Date): Promise<boolean> {
  const used = await tx.update(accountTokens).set({ usedAt: at })
    .where(and(eq(accountTokens.id, id), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, at)))
    .returning({ id: accountTokens.id });
  return used.length === 1;
}
