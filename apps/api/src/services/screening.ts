// Screening: the organiser admits a submitted application to the review or rejects it with a reason. It happens
// once the competition is in review (after the call has closed), as PRODUCT.md orders it; an application
// submitted earlier waits until then.
import type { Db } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { requireReview } from '../domain/review-work.js';
import { applicationOfOrganiser } from '../queries/scope.js';
import { competitionSharedLock } from '../queries/assignments.js';
import { transitionApplication } from './transitions.js';
import { tellScreened } from './notices.js';

export async function screenApplication(db: Db, actor: AuthUser, id: string, body: { decision: 'admit' | 'reject'; reason?: string }, now: Date) {
  const to = body.decision === 'admit' ? 'admitted' as const : 'rejected' as const;
  const reason = body.reason || null;
  const row = await db.transaction(async (tx) => {
    // The competition first (in share mode, as every review-stage change takes it), then the application.
    const { application } = await applicationOfOrganiser(tx, actor, id);
    const comp = await competitionSharedLock(tx, application.competitionId);
    requireReview(comp);
    const { application: locked } = await applicationOfOrganiser(tx, actor, application.id, { lock: true });
    // The members hear of the decision (before the move: its audit event holds the chain's lock until COMMIT).
    await tellScreened(tx, comp, locked, body.decision, reason, now);
    return transitionApplication(tx, locked, to, { id: actor.id, role: actor.role }, now, {
      set: { screeningReason: reason }, operatorId: comp.operatorId, detail: reason ? { reason } : undefined,
    });
  });
  return { id: row.id, number: row.number, status: to, screeningReason: row.screeningReason };
}
