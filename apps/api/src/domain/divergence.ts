// What an application under review needs next, judged from its assignments: wait for reviews, one extra
// expert because the totals diverge, or the end of its review with a final score.
import type { AssignmentStatus, ExtraExpertState } from '@konkurs/shared';
import { finalScore } from './scoring.js';

export interface ReviewState {
  /** Reviews every application needs (the competition's reviewersPerApplication). */
  required: number;
  /** Points on the 100-point scale beyond which the highest and lowest totals diverge. */
  threshold: number;
  /** Totals of the submitted reviews (declined assignments never have one). */
  totals: readonly number[];
  /** Assignments neither declined nor submitted yet. */
  pending: number;
  /** Whether the one extra expert has been assigned already. */
  extraAssigned: boolean;
  /** Whether the extra expert's review is among the totals (it is not when they declined unreplaced). */
  extraReviewed: boolean;
}

export type ReviewOutcome =
  | { kind: 'waiting' }
  | { kind: 'needs-extra'; spread: number }
  | { kind: 'reviewed'; finalScore: number; divergent: boolean };

export const spreadOf = (totals: readonly number[]) =>
  totals.length === 0 ? 0 : Math.round((Math.max(...totals) - Math.min(...totals)) * 100) / 100;

export function reviewOutcome(s: ReviewState): ReviewOutcome {
  if (s.pending > 0 || s.totals.length < s.required || s.totals.length === 0) return { kind: 'waiting' };
  const spread = spreadOf(s.totals);
  if (spread > s.threshold && !s.extraAssigned) return { kind: 'needs-extra', spread };
  // Divergent still, and the extra expert left without a review: the organiser must know.
  return { kind: 'reviewed', finalScore: finalScore(s.totals)!, divergent: spread > s.threshold && !s.extraReviewed };
}

/** When the extra expert is needed but nobody eligible is left: reviewed all the same, flagged for the organiser. */
export function reviewedDivergent(totals: readonly number[]): ReviewOutcome & { kind: 'reviewed' } {
  return { kind: 'reviewed', finalScore: finalScore(totals)!, divergent: true };
}

/** The ranking's fact for the organiser: the submitted totals differ by more than the threshold, extra expert or not. */
export function isDivergent(totals: readonly number[], threshold: number): boolean {
  return totals.length > 1 && spreadOf(totals) > threshold;
}

/** Whether an extra expert was added (their assignments, declined ones left out) and whether their review is in. */
export function extraExpertState(statuses: readonly AssignmentStatus[]): ExtraExpertState | null {
  if (statuses.length === 0) return null;
  return statuses.includes('assigned') ? 'assigned' : 'reviewed';
}
