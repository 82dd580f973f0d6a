// The competition's commission: the organiser enters its members (positions, roles); the protocol lists them with
// signature lines. Organisers and officials of the operator read it, the admin any.
import type { Commission, CommissionMember } from '@konkurs/shared';
import type { Db, Executor } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, invalid } from '../domain/errors.js';
import { commissionIssues } from '../domain/commission.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { commissionOf, writeCommission } from '../queries/commission.js';
import { recordAudit } from './audit-log.js';

export async function readCommission(db: Executor, actor: AuthUser, competitionId: string): Promise<Commission> {
  return { members: await commissionOf(db, actor, competitionId) };
}

/** Replaces the commission (in the order given); at most one chair and one secretary; refused once archived. */
export async function setCommission(db: Db, actor: AuthUser, competitionId: string, body: { members: CommissionMember[] }, now: Date): Promise<Commission> {
  return db.transaction(async (tx) => {
    const comp = await competitionOfOrganiser(tx, actor, competitionId, { lock: true });
    if (comp.status === 'archived') throw conflict('competition-archived');
    const issues = commissionIssues(body.members);
    if (issues.length) throw invalid(issues);
    await writeCommission(tx, comp.id, body.members, now);
    await recordAudit(tx, { actorId: actor.id, action: 'competition.commission', entityType: 'competition', entityId: comp.id,
      operatorId: comp.operatorId, before: { members: comp.commission }, after: { members: body.members }, at: now });
    return { members: body.members };
  });
}
