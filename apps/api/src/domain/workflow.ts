// The two lifecycles as data: which status may follow which, and who may make the move.
// Every status change goes through transitionApplication / transitionCompetition (lifecycle.ts).
import type { ApplicationStatus, CompetitionStatus, Role } from '@konkurs/shared';

type Actor = Role | 'system';
interface Move<S> { from: readonly S[]; to: S; by: readonly Actor[] }

export const APPLICATION_MOVES: readonly Move<ApplicationStatus>[] = [
  { from: ['draft'], to: 'submitted', by: ['applicant'] },
  { from: ['draft', 'submitted', 'admitted'], to: 'withdrawn', by: ['applicant'] },
  // The admin may do what an organiser does (every organiser route admits the admin too).
  { from: ['submitted'], to: 'admitted', by: ['organiser', 'admin'] },
  { from: ['submitted'], to: 'rejected', by: ['organiser', 'admin'] },
  { from: ['admitted'], to: 'under_review', by: ['organiser', 'admin', 'system'] },
  { from: ['under_review'], to: 'reviewed', by: ['expert', 'organiser', 'admin', 'system'] },
  { from: ['reviewed'], to: 'winner', by: ['organiser', 'admin'] },
  { from: ['admitted', 'under_review', 'reviewed'], to: 'not_supported', by: ['organiser', 'admin'] },
];

export const COMPETITION_MOVES: readonly Move<CompetitionStatus>[] = [
  { from: ['draft'], to: 'open', by: ['organiser', 'admin'] },
  { from: ['open'], to: 'review', by: ['organiser', 'admin'] },
  { from: ['review'], to: 'decided', by: ['organiser', 'admin'] },
  { from: ['decided'], to: 'published', by: ['organiser', 'admin'] },
  { from: ['published'], to: 'archived', by: ['organiser', 'admin'] },
];

export function canMove<S>(moves: readonly Move<S>[], from: S, to: S, by: Actor): boolean {
  return moves.some((m) => m.to === to && m.from.includes(from) && m.by.includes(by));
}
