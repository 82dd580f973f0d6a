// When review work may happen: the competition's stage, the pool's, the application's and the assignment's.
// Each refusal is a code with the parameters its sentence needs (packages/shared/src/messages/review.ts).
import { awardsDecided, isAssignable, type ApplicationStatus, type AssignmentStatus, type CompetitionStatus } from '@konkurs/shared';
import { conflict } from './errors.js';

interface Stage { status: CompetitionStatus; code: string }

/** Screening, assignment, scoring and declining happen while the competition is in review. */
export function requireReview(comp: Stage): void {
  if (comp.status !== 'review') throw conflict('competition-not-in-review', { code: comp.code, status: comp.status });
}

/** The pool changes until the awards are decided. */
export function requireOpenPool(comp: Stage): void {
  if (awardsDecided(comp.status)) throw conflict('pool-closed', { code: comp.code, status: comp.status });
}

/** Experts are given to admitted applications and those under review. */
export function requireAssignable(app: { status: ApplicationStatus; number: string }): void {
  if (!isAssignable(app.status)) throw conflict('application-not-assignable', { number: app.number, status: app.status });
}

/** Work on an assignment stops once it is declined or its review is in. */
export function requireOpenAssignment(a: { status: AssignmentStatus }): void {
  if (a.status === 'submitted') throw conflict('already-submitted');
  if (a.status === 'declined') throw conflict('assignment-declined');
}
