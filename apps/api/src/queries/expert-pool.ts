// A competition's expert pool: who may review in it, with the work each already has there.
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { PoolExpert } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import { assignments, competitionExperts, users } from '../db/schema/index.js';

/**
 * Which of the ids are active experts the caller may pool. An organiser pools the experts of the competition's
 * operator and the platform's experts of no operator (created by the admin); the admin (no `operatorId`) may pool
 * any active expert, e.g. lend a federal expert to a regional competition.
 */
export async function poolableExpertIds(tx: Executor, expertIds: readonly string[], operatorId?: string): Promise<Set<string>> {
  const found = await tx.select({ id: users.id }).from(users)
    .where(and(inArray(users.id, [...new Set(expertIds)]), eq(users.role, 'expert'), eq(users.active, true),
      operatorId ? or(eq(users.operatorId, operatorId), isNull(users.operatorId)) : undefined));
  return new Set(found.map((u) => u.id));
}

export async function addToPool(tx: Executor, competitionId: string, expertIds: readonly string[], at: Date): Promise<number> {
  const added = await tx.insert(competitionExperts).values([...new Set(expertIds)].map((expertId) => ({ competitionId, expertId, addedAt: at })))
    .onConflictDoNothing().returning({ id: competitionExperts.expertId });
  return added.length;
}

export async function poolSize(tx: Executor, competitionId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(competitionExperts).where(eq(competitionExperts.competitionId, competitionId));
  return row.n;
}

/** A page of the pool by name (then id), with each expert's load in this competition. */
export async function listPool(tx: Executor, competitionId: string, after: [string, string] | undefined, limit: number) {
  const work = tx.select({
    expertId: assignments.expertId,
    load: sql<number>`count(*) filter (where ${assignments.status} <> 'declined')::int`.as('load'),
    submitted: sql<number>`count(*) filter (where ${assignments.status} = 'submitted')::int`.as('submitted'),
  }).from(assignments).where(eq(assignments.competitionId, competitionId)).groupBy(assignments.expertId).as('work');
  return tx.select({
    expertId: users.id, fullName: users.fullName, email: users.email, directions: users.expertDirections, regionCode: users.regionCode, active: users.active,
    load: sql<number>`coalesce(${work.load}, 0)::int`, submitted: sql<number>`coalesce(${work.submitted}, 0)::int`,
  }).from(competitionExperts).innerJoin(users, eq(users.id, competitionExperts.expertId)).leftJoin(work, eq(work.expertId, users.id))
    .where(and(eq(competitionExperts.competitionId, competitionId),
      after ? or(gt(users.fullName, after[0]), and(eq(users.fullName, after[0]), gt(users.id, after[1]))) : undefined))
    .orderBy(asc(users.fullName), asc(users.id)).limit(limit + 1) as Promise<PoolExpert[]>;
}

export async function removeFromPool(tx: Executor, competitionId: string, expertId: string): Promise<boolean> {
  const removed = await tx.delete(competitionExperts)
    .where(and(eq(competitionExperts.competitionId, competitionId), eq(competitionExperts.expertId, expertId))).returning({ id: competitionExperts.expertId });
  return removed.length > 0;
}
