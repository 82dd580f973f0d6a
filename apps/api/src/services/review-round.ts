// What review use cases share (submitting, declining, assigning by hand): the locks in their one order, the
// solver over the competition's problem, and settling an application after a review came in or an assignment
// went away (the one extra expert on divergence, or the end of its review).
import type { Tx } from '../db/client.js';
import type { applications, assignments, competitions } from '../db/schema/index.js';
import { solveAssignments } from '../domain/assignment-solver.js';
import { reviewedDivergent, reviewOutcome } from '../domain/divergence.js';
import { requireReview } from '../domain/review-work.js';
import { assignmentProblem, competitionSharedLock, createAssignments } from '../queries/assignments.js';
import { assignmentById, lockApplication, markExtraAssigned, reviewStateOf } from '../queries/reviews.js';
import { recordAudit } from './audit-log.js';
import { transitionApplication, type Actor } from './transitions.js';
import { tellAssigned } from './notices.js';

type AssignmentRow = typeof assignments.$inferSelect;
type ApplicationRow = typeof applications.$inferSelect;
type CompetitionRow = typeof competitions.$inferSelect;

export const SYSTEM: Actor = { id: null, role: 'system' };

/** Experts get this long to review unless the organiser gives a date. */
export const REVIEW_PERIOD_MS = 14 * 86_400_000;
export const dueAtOf = (dueAt: string | undefined, at: Date) => (dueAt ? new Date(dueAt) : new Date(at.getTime() + REVIEW_PERIOD_MS));

/**
 * Locks what review work touches, in the one order: the competition FOR SHARE (review work runs side by side,
 * automatic assignment and the award decision wait), then the application FOR UPDATE (two reviews of one
 * application are settled one after the other), then reads the application's assignment afresh.
 */
export async function lockForReviewWork(tx: Tx, assignment: Pick<AssignmentRow, 'id' | 'competitionId' | 'applicationId'>) {
  const comp = await competitionSharedLock(tx, assignment.competitionId);
  requireReview(comp);
  const app = await lockApplication(tx, assignment.applicationId);
  return { comp, app, assignment: await assignmentById(tx, assignment.id) };
}

/** The solver over the competition's assignable applications (or the given ones, each needing `needed` more). */
export async function solveForCompetition(tx: Tx, comp: Pick<CompetitionRow, 'id' | 'reviewersPerApplication'>, only?: { applicationIds: string[]; needed: number }) {
  const { applications: apps, input } = await assignmentProblem(tx, comp, only);
  return { applications: apps, result: solveAssignments(input) };
}

/**
 * Decides what the application needs after a review came in or an assignment went away: nothing yet, the
 * one extra expert (the flag on the application guards "once"), or the end of its review. The caller holds
 * the application row FOR UPDATE, so two reviews submitted at the same moment are judged one after the other.
 */
export async function settleApplication(tx: Tx, app: ApplicationRow, comp: CompetitionRow, at: Date): Promise<void> {
  if (app.status !== 'under_review') return;
  const rows = await reviewStateOf(tx, app.id);
  const live = rows.filter((r) => r.status !== 'declined');
  const submitted = live.filter((r) => r.reviewStatus === 'submitted' && r.total !== null);
  const totals = submitted.map((r) => r.total!);
  const outcome = reviewOutcome({
    required: comp.reviewersPerApplication, threshold: comp.divergenceThreshold, totals,
    pending: live.filter((r) => r.status === 'assigned').length, extraAssigned: app.extraReviewerAssigned, extraReviewed: submitted.some((r) => r.isExtra),
  });
  if (outcome.kind === 'waiting') return;
  if (outcome.kind === 'needs-extra') {
    const { result } = await solveForCompetition(tx, comp, { applicationIds: [app.id], needed: 1 });
    if (result.pairs.length > 0) {
      const dueAt = dueAtOf(undefined, at);
      const [extra] = await createAssignments(tx, result.pairs, { competitionId: comp.id, dueAt, isExtra: true, at });
      await tellAssigned(tx, comp, [extra], () => app.number, dueAt, at);
      await markExtraAssigned(tx, app.id, at);
      await recordAudit(tx, { actorId: null, action: 'assignment.created', entityType: 'assignment', entityId: extra.id, operatorId: comp.operatorId,
        after: { applicationId: app.id, expertId: extra.expertId, extra: true, spread: outcome.spread }, at });
      return;
    }
  }
  const { finalScore, divergent } = outcome.kind === 'reviewed' ? outcome : reviewedDivergent(totals);
  await transitionApplication(tx, app, 'reviewed', SYSTEM, at, {
    set: { finalScore, divergent }, operatorId: comp.operatorId, detail: { finalScore, divergent },
  });
}
