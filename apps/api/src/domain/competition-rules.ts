// What may change in a competition at each stage, and when it may move on. Pure functions. Which fields each
// status accepts is the workflow's (packages/shared EDITABLE_FIELDS), so the editor enables exactly those.
import { CLOSING_ONLY_LATER, EDITABLE_FIELDS, type CompetitionStatus } from '@konkurs/shared';
import { conflict, type FieldIssue } from './errors.js';

type Stage = { code: string; status: CompetitionStatus; closesAt: Date; timezone: string };

/** The fields of a patch the competition's stage forbids, each named; the closing time may only move later, into the future. */
export function frozenFieldIssues(current: Pick<Stage, 'status' | 'closesAt'>, patch: Record<string, unknown>, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const editable: readonly string[] = EDITABLE_FIELDS[current.status];
  for (const key of Object.keys(patch)) {
    if (key === 'version' || editable.includes(key)) continue;
    issues.push(key === 'criteria' ? { path: key, code: 'criteria-frozen' } : { path: key, code: 'field-frozen', params: { status: current.status } });
  }
  if (typeof patch.closesAt === 'string' && editable.includes('closesAt') && CLOSING_ONLY_LATER.includes(current.status)) {
    const closesAt = new Date(patch.closesAt);
    if (closesAt < current.closesAt) issues.push({ path: 'closesAt', code: 'closes-at-only-later' });
    else if (closesAt <= now) issues.push({ path: 'closesAt', code: 'closes-at-past' });
  }
  return issues;
}

/** Refuses (409) a patch that touches a frozen field. */
export function assertPatchAllowed(current: Stage, patch: Record<string, unknown>, now: Date): void {
  const frozen = frozenFieldIssues(current, patch, now);
  if (frozen.length) throw conflict('frozen', { code: current.code, status: current.status }, frozen);
}

const closing = (c: Stage) => ({ code: c.code, closesAt: c.closesAt.toISOString(), timezone: c.timezone });

/** A competition cannot start accepting applications once its closing time has passed. */
export function assertCanOpen(c: Stage, now: Date): void {
  if (c.closesAt <= now) throw conflict('closes-at-passed', closing(c));
}

/** The review starts once applications are no longer accepted: at closesAt by the server's clock. */
export function assertReviewCanStart(c: Stage, now: Date): void {
  if (now < c.closesAt) throw conflict('review-too-early', closing(c));
}
