// Reviews: an expert's draft and submission, and what follows a submission or a decline for the
// application (the extra expert on divergence, or the end of its review).
import { and, asc, eq } from 'drizzle-orm';
import type { Review } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, assignments, competitions, conflicts, criteria, reviews } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, notFound, staleVersion } from '../lib/problem.js';
import { recordAudit } from '../services/audit-log.js';
import { transitionApplication, type Actor } from '../services/transitions.js';
import { normaliseScores, type CriterionDef, type ScoreEntry } from '../domain/scoring.js';
import { reviewedDivergent, reviewOutcome } from '../domain/divergence.js';
import { competitionSharedLock, createAssignments, defaultDueAt, requireReview, solveForCompetition } from './assignments.js';

type ReviewRow = typeof reviews.$inferSelect;
type AssignmentRow = typeof assignments.$inferSelect;
type ApplicationRow = typeof applications.$inferSelect;
type CompetitionRow = typeof competitions.$inferSelect;

const SYSTEM: Actor = { id: null, role: 'system' };

/** The expert's own assignment; anyone else's is "not found" (reviews are blind). */
export async function assignmentOfExpert(tx: Executor, user: AuthUser, id: string, { lock = false } = {}): Promise<AssignmentRow> {
  const q = tx.select().from(assignments).where(and(eq(assignments.id, id), eq(assignments.expertId, user.id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Assignment');
  return row;
}

export async function criteriaOf(tx: Executor, competitionId: string): Promise<CriterionDef[]> {
  return tx.select({ code: criteria.code, weight: criteria.weight, maxScore: criteria.maxScore, commentRequired: criteria.commentRequired })
    .from(criteria).where(eq(criteria.competitionId, competitionId)).orderBy(asc(criteria.position));
}

export async function reviewOfAssignment(tx: Executor, assignmentId: string): Promise<ReviewRow | null> {
  const [row] = await tx.select().from(reviews).where(eq(reviews.assignmentId, assignmentId));
  return row ?? null;
}

/** The review as the expert sees it: one entry per criterion, a blank draft (version 0) before the first save. */
export function toReview(assignment: AssignmentRow, row: ReviewRow | null, crit: CriterionDef[]): Review {
  return {
    id: row?.id ?? null, assignmentId: assignment.id, status: row?.status ?? 'draft', version: row?.version ?? 0,
    scores: normaliseScores(row?.scores ?? [], crit), comment: row?.comment ?? '', total: row?.total ?? null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
  };
}

const alreadySubmitted = () => conflict('already-submitted', 'This review has been submitted; a submitted review is final');

/** Refuses work on an assignment that is declined or whose review is already in. */
export function requireOpenAssignment(a: AssignmentRow) {
  if (a.status === 'submitted') throw alreadySubmitted();
  if (a.status === 'declined') throw conflict('assignment-declined', 'This assignment was declined');
}

/** Saves a draft: the first save sends no version; every later one the version it was based on (412 when stale). */
export async function saveDraft(tx: Executor, assignment: AssignmentRow, input: { version?: number; scores: ScoreEntry[]; comment: string }, at: Date): Promise<ReviewRow> {
  const existing = await reviewOfAssignment(tx, assignment.id);
  if (existing?.status === 'submitted') throw alreadySubmitted();
  if (!existing) {
    if (input.version !== undefined) throw staleVersion();
    const [row] = await tx.insert(reviews).values({
      assignmentId: assignment.id, applicationId: assignment.applicationId, expertId: assignment.expertId, scores: input.scores, comment: input.comment, updatedAt: at,
    }).onConflictDoNothing().returning();
    if (!row) throw staleVersion(); // another save created it in between
    return row;
  }
  if (input.version !== existing.version) throw staleVersion(existing.version);
  const [row] = await tx.update(reviews).set({ scores: input.scores, comment: input.comment, version: existing.version + 1, updatedAt: at })
    .where(and(eq(reviews.id, existing.id), eq(reviews.version, existing.version), eq(reviews.status, 'draft'))).returning();
  if (!row) throw staleVersion();
  return row;
}

/** Marks the review and its assignment submitted with the total. */
export async function markSubmitted(tx: Executor, review: ReviewRow, total: number, at: Date) {
  const [row] = await tx.update(reviews).set({ status: 'submitted', total, submittedAt: at, updatedAt: at })
    .where(and(eq(reviews.id, review.id), eq(reviews.status, 'draft'))).returning();
  if (!row) throw alreadySubmitted();
  await tx.update(assignments).set({ status: 'submitted' }).where(eq(assignments.id, review.assignmentId));
  return row;
}

/**
 * Decides what the application needs after a review came in or an assignment went away: nothing yet, the
 * one extra expert (the flag on the application guards "once"), or the end of its review. The caller holds
 * the application row FOR UPDATE, so two reviews submitted at the same moment are judged one after the other.
 */
export async function settleApplication(tx: Tx, app: ApplicationRow, comp: CompetitionRow, at: Date): Promise<void> {
  if (app.status !== 'under_review') return;
  const rows = await tx.select({ status: assignments.status, isExtra: assignments.isExtra, total: reviews.total, reviewStatus: reviews.status })
    .from(assignments).leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(eq(assignments.applicationId, app.id));
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
      const [extra] = await createAssignments(tx, result.pairs, { competitionId: comp.id, dueAt: defaultDueAt(at), isExtra: true, at });
      await tx.update(applications).set({ extraReviewerAssigned: true, updatedAt: at }).where(eq(applications.id, app.id));
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

/** The application row locked FOR UPDATE (after the competition row, FOR SHARE). */
export async function lockApplication(tx: Executor, id: string): Promise<ApplicationRow> {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row) throw notFound('Application');
  return row;
}

/** Locks what review work on an assignment touches, in the one order: competition (shared), then application. */
export async function lockForReviewWork(tx: Executor, assignment: AssignmentRow, doing: string) {
  const comp = await competitionSharedLock(tx, assignment.competitionId);
  requireReview(comp, doing);
  const app = await lockApplication(tx, assignment.applicationId);
  const [fresh] = await tx.select().from(assignments).where(eq(assignments.id, assignment.id));
  return { comp, app, assignment: fresh };
}

/**
 * The expert declines: the assignment is marked declined, a conflict with the whole organisation is recorded,
 * and another eligible expert takes the place when there is one (an extra place stays extra).
 */
export async function declineAssignment(tx: Tx, assignment: AssignmentRow, reason: string, at: Date): Promise<{ replaced: boolean }> {
  const { comp, app, assignment: a } = await lockForReviewWork(tx, assignment, 'declining');
  requireOpenAssignment(a);
  await tx.update(assignments).set({ status: 'declined', declineReason: reason }).where(eq(assignments.id, a.id));
  await tx.insert(conflicts).values({ expertId: a.expertId, organizationId: app.organizationId, kind: 'declined', reason, createdAt: at }).onConflictDoNothing();
  await recordAudit(tx, { actorId: a.expertId, action: 'assignment.declined', entityType: 'assignment', entityId: a.id, operatorId: comp.operatorId,
    before: { status: a.status }, after: { status: 'declined', reason, conflictWith: app.organizationId }, at });
  if (app.status !== 'under_review' && app.status !== 'admitted') return { replaced: false };
  const { result } = await solveForCompetition(tx, comp, { applicationIds: [app.id], needed: 1 });
  if (result.pairs.length === 0) {
    await settleApplication(tx, app, comp, at);
    return { replaced: false };
  }
  const [replacement] = await createAssignments(tx, result.pairs, { competitionId: comp.id, dueAt: defaultDueAt(at), isExtra: a.isExtra, at });
  await recordAudit(tx, { actorId: null, action: 'assignment.created', entityType: 'assignment', entityId: replacement.id, operatorId: comp.operatorId,
    after: { applicationId: app.id, expertId: replacement.expertId, replaces: a.id, extra: a.isExtra }, at });
  return { replaced: true };
}
