// Whether an expert's open assignment can still be worked on: not once the awards are decided, the competition
// has left the review, or the application is no longer under review (the server answers 409 then).
import { awardsDecided, isAssignable, type ApplicationStatus, type Assignment, type CompetitionStatus } from '@konkurs/shared';

export type ClosedReason = 'decided' | 'not-in-review' | 'application-left';

/** Why an assigned review is closed; null while it is open, or when the assignment is submitted or declined. */
export function closedReason(a: Pick<Assignment, 'status'>, competition?: CompetitionStatus, application?: ApplicationStatus): ClosedReason | null {
  if (a.status !== 'assigned') return null;
  if (competition && awardsDecided(competition)) return 'decided';
  if (competition && competition !== 'review') return 'not-in-review';
  if (application && !isAssignable(application)) return 'application-left';
  return null;
}
