// Reviews in the database: the expert's assignment and review rows, the versioned draft save, and what an
// application's assignments and reviews say when it is settled.
import { and, asc, eq } from 'drizzle-orm';
import type { Review } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, assignments, criteria, reviews } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, notFound, staleVersion } from '../domain/errors.js';
import { normaliseScores, type CriterionDef, type ScoreEntry } from '../domain/scoring.js';

type ReviewRow = typeof reviews.$inferSelect;
type AssignmentRow = typeof assignments.$inferSelect;
type ApplicationRow = typeof applications.$inferSelect;

/** The expert's own assignment; anyone else's is "not found" (reviews are blind). */
export async function assignmentOfExpert(tx: Executor, user: AuthUser, id: string): Promise<AssignmentRow> {
  const [row] = await tx.select().from(assignments).where(and(eq(assignments.id, id), eq(assignments.expertId, user.id)));
  if (!row) throw notFound('assignment');
  return row;
}

export async function assignmentById(tx: Executor, id: string): Promise<AssignmentRow> {
  const [row] = await tx.select().from(assignments).where(eq(assignments.id, id));
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

/** Saves a draft: the first save sends no version; every later one the version it was based on (412 when stale). */
export async function saveDraft(tx: Tx, assignment: AssignmentRow, input: { version?: number; scores: ScoreEntry[]; comment: string }, at: Date): Promise<ReviewRow> {
  const existing = await reviewOfAssignment(tx, assignment.id);
  if (existing?.status === 'submitted') throw conflict('already-submitted');
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

/** Every assignment of the application with its review's status and total (what settling it judges). */
export function reviewStateOf(tx: Tx, applicationId: string) {
  return tx.select({ status: assignments.status, isExtra: assignments.isExtra, total: reviews.total, reviewStatus: reviews.status })
    .from(assignments).leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(eq(assignments.applicationId, applicationId));
}

/** The application row locked FOR UPDATE (after the competition row, FOR SHARE). */
export async function lockApplication(tx: Tx, id: string): Promise<ApplicationRow> {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row) throw notFound('application');
  return row;
}

/** The flag that makes the extra expert happen once per application. */
export async function markExtraAssigned(tx: Tx, applicationId: string, at: Date): Promise<void> {
  await tx.update(applications).set({ extraReviewerAssigned: true, updatedAt: at }).where(eq(applications.id, applicationId));
}
