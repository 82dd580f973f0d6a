// What may change in a competition at each stage, and when it may move on. Pure functions.
import type { CompetitionStatus } from '@konkurs/shared';
import type { FieldError } from '../lib/problem.js';

/**
 * Once a competition is open, applicants rely on its rules: directions, regions, dates, grant bounds, co-financing,
 * limits, required documents and criteria are frozen. What stays editable:
 * - texts (title, description) at every stage but the archive;
 * - the closing time while open, but only later (an extension never cuts anyone off);
 * - the budget and the pass mark until awards are decided (a committee sets them during review);
 * - the review settings (reviewers per application, divergence threshold) until the review starts.
 */
export const EDITABLE_AFTER_DRAFT: Record<Exclude<CompetitionStatus, 'draft'>, readonly string[]> = {
  open: ['title', 'description', 'closesAt', 'budgetKopecks', 'passMark', 'reviewersPerApplication', 'divergenceThreshold'],
  review: ['title', 'description', 'budgetKopecks', 'passMark'],
  decided: ['title', 'description'],
  published: ['title', 'description'],
  archived: [],
};

/** The fields of a patch the competition's stage forbids (answered 409, each named). */
export function frozenFieldIssues(current: { status: CompetitionStatus; closesAt: Date }, patch: Record<string, unknown>, now: Date): FieldError[] {
  const issues: FieldError[] = [];
  if (current.status === 'draft') return issues;
  const editable = EDITABLE_AFTER_DRAFT[current.status];
  for (const key of Object.keys(patch)) {
    if (key === 'version') continue;
    if (key === 'criteria') issues.push({ path: key, message: 'criteria are frozen once the competition has left draft' });
    else if (!editable.includes(key)) issues.push({ path: key, message: `cannot change once the competition is ${current.status}` });
  }
  if (typeof patch.closesAt === 'string' && editable.includes('closesAt')) {
    const closesAt = new Date(patch.closesAt);
    if (closesAt < current.closesAt) issues.push({ path: 'closesAt', message: 'while applications are accepted the closing time may only be extended' });
    else if (closesAt <= now) issues.push({ path: 'closesAt', message: 'must be in the future' });
  }
  return issues;
}

/** Why the competition cannot start accepting applications now, or null. */
export function openingProblem(c: { closesAt: Date }, now: Date): string | null {
  return c.closesAt <= now ? 'the closing time has already passed; move it later first' : null;
}

/** Why the review cannot start now, or null: applications are accepted until closesAt by the server's clock. */
export function reviewStartProblem(c: { closesAt: Date }, now: Date): string | null {
  return now < c.closesAt ? `applications are accepted until ${c.closesAt.toISOString()}; the review starts after that` : null;
}
