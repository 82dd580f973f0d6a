// An expert's review: reading it, saving drafts, submitting it once. Only the assigned expert reaches a review
// (anyone else: 404); an expert never sees another's scores.
import { reviewCompletenessIssues, type Review, type ReviewBody, type ReviewSubmitResult } from '@konkurs/shared';
import type { Db, Executor } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { invalid, unprocessable } from '../domain/errors.js';
import { requireOpenAssignment } from '../domain/review-work.js';
import { expertTotal, normaliseScores, scoreInputIssues } from '../domain/scoring.js';
import { assignmentOfExpert, criteriaOf, reviewOfAssignment, saveDraft, toReview } from '../queries/reviews.js';
import { lockForReviewWork, settleApplication } from './review-round.js';
import { tellIfReviewsCompleted } from './notices.js';
import { transitionAssignment, transitionReview } from './transitions.js';

export async function expertReview(db: Executor, actor: AuthUser, assignmentId: string): Promise<Review> {
  const assignment = await assignmentOfExpert(db, actor, assignmentId);
  const [row, crit] = await Promise.all([reviewOfAssignment(db, assignment.id), criteriaOf(db, assignment.competitionId)]);
  return toReview(assignment, row, crit);
}

/** Saves the expert's draft: any subset of the scores, each in range; the version guards against another window. */
export async function saveReviewDraft(db: Db, actor: AuthUser, assignmentId: string, body: ReviewBody, now: Date): Promise<Review> {
  const { version, scores, comment } = body;
  return db.transaction(async (tx) => {
    const own = await assignmentOfExpert(tx, actor, assignmentId);
    const crit = await criteriaOf(tx, own.competitionId);
    const issues = scoreInputIssues(scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score ?? null })), crit);
    if (issues.length) throw invalid(issues);
    const { assignment } = await lockForReviewWork(tx, own);
    requireOpenAssignment(assignment);
    const stored = normaliseScores(scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score ?? null, comment: s.comment })), crit);
    const row = await saveDraft(tx, assignment, { version, scores: stored, comment }, now);
    return toReview(assignment, row, crit);
  });
}

/**
 * Submits the saved review once it is complete (every score, every required comment; all problems at once),
 * completes the assignment, and settles the application: the extra expert on divergence, or its final score.
 */
export async function submitReview(db: Db, actor: AuthUser, assignmentId: string, now: Date): Promise<ReviewSubmitResult> {
  return db.transaction(async (tx) => {
    const own = await assignmentOfExpert(tx, actor, assignmentId);
    // The application row stays locked to the end: two reviews submitted at once are settled one after the other.
    const { comp, app, assignment } = await lockForReviewWork(tx, own);
    requireOpenAssignment(assignment);
    const [row, crit] = await Promise.all([reviewOfAssignment(tx, assignment.id), criteriaOf(tx, assignment.competitionId)]);
    const scores = normaliseScores(row?.scores ?? [], crit);
    const issues = reviewCompletenessIssues(scores, crit);
    if (!row || issues.length) throw unprocessable(issues.length ? issues : [{ path: 'scores', code: 'scores-not-saved' }], 'review-incomplete');
    const total = expertTotal(scores, crit);
    // The review's event records the assignment's completion too: one event per submission.
    await transitionAssignment(tx, assignment, 'submitted', actor, now, { audit: false });
    await transitionReview(tx, row, 'submitted', actor, now, {
      set: { total, submittedAt: now }, operatorId: comp.operatorId, detail: { applicationId: app.id, total },
    });
    await settleApplication(tx, app, comp, now);
    await tellIfReviewsCompleted(tx, comp, now);
    return { total };
  });
}
