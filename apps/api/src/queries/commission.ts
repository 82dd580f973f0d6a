// The commission of a competition, kept on the competition row (competitions.commission, migration 0013).
import { and, eq } from 'drizzle-orm';
import type { CommissionMember } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { competitions } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { notFound } from '../domain/errors.js';
import { staffCompetitionScope } from './scope.js';

/** The commission of a competition the user's operator runs (the admin and a federal official, as for the protocol: any); 404 otherwise. */
export async function commissionOf(db: Executor, user: AuthUser, competitionId: string): Promise<CommissionMember[]> {
  const scope = await staffCompetitionScope(db, user, { federalSeesAll: true });
  const [row] = await db.select({ commission: competitions.commission }).from(competitions)
    .where(and(eq(competitions.id, competitionId), scope));
  if (!row) throw notFound('competition');
  return row.commission;
}

export async function writeCommission(tx: Tx, competitionId: string, members: CommissionMember[], now: Date): Promise<void> {
  await tx.update(competitions).set({ commission: members, updatedAt: now }).where(eq(competitions.id, competitionId));
}
