// A competition's expert pool: who may review in it. It changes until the awards are decided.
import type { PoolAddResult, PoolExpert } from '@konkurs/shared';
import type { Db, Executor } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { invalid, conflict, notFound } from '../domain/errors.js';
import { requireOpenPool } from '../domain/review-work.js';
import { cursorList, decodeCursor, pageOf } from '../lib/cursor.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { addToPool, listPool, poolableExpertIds, poolSize, removeFromPool } from '../queries/expert-pool.js';
import { activeAssignmentCount } from '../queries/assignments.js';
import { recordAudit } from './audit-log.js';

/**
 * Adds active experts to the pool (those already in it stay). An organiser pools the competition's operator's
 * experts and the platform's; another operator's expert is refused exactly like a non-expert, so ids leak nothing.
 */
export async function addExpertsToPool(db: Db, actor: AuthUser, competitionId: string, expertIds: readonly string[], now: Date): Promise<PoolAddResult> {
  return db.transaction(async (tx) => {
    const comp = await competitionOfOrganiser(tx, actor, competitionId);
    requireOpenPool(comp);
    const poolable = await poolableExpertIds(tx, expertIds, actor.role === 'admin' ? undefined : comp.operatorId);
    const issues = expertIds.flatMap((id, i) => (poolable.has(id) ? [] : [{ path: `expertIds.${i}`, code: 'not-active-expert' }]));
    if (issues.length) throw invalid(issues);
    const added = await addToPool(tx, comp.id, expertIds, now);
    if (added) await recordAudit(tx, { actorId: actor.id, action: 'competition.experts_added', entityType: 'competition', entityId: comp.id,
      operatorId: comp.operatorId, after: { expertIds }, at: now });
    return { added, poolSize: await poolSize(tx, comp.id) };
  });
}

/** Removes an expert who has no live assignment in the competition (one who has stays: their work counts). */
export async function removeExpertFromPool(db: Db, actor: AuthUser, competitionId: string, expertId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const comp = await competitionOfOrganiser(tx, actor, competitionId, { lock: true });
    requireOpenPool(comp);
    if (await activeAssignmentCount(tx, comp.id, expertId)) throw conflict('expert-has-assignments');
    if (!(await removeFromPool(tx, comp.id, expertId))) throw notFound('expert');
    await recordAudit(tx, { actorId: actor.id, action: 'competition.expert_removed', entityType: 'competition', entityId: comp.id,
      operatorId: comp.operatorId, after: { expertId }, at: now });
  });
}

/** A page of the pool by name, with each expert's load in this competition. */
export async function competitionPool(db: Executor, actor: AuthUser, competitionId: string, query: { limit: number; cursor?: string }, secret: string) {
  const comp = await competitionOfOrganiser(db, actor, competitionId);
  const list = cursorList('expert-pool', { competitionId: comp.id }, secret);
  const after = query.cursor ? decodeCursor(query.cursor, list, 2).map(String) as [string, string] : undefined;
  const rows = await listPool(db, comp.id, after, query.limit);
  return pageOf(rows, query.limit, list, (r) => [r.fullName, r.expertId], (r): PoolExpert => r);
}
