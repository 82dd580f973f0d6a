// What applicants do with their applications: start a draft, autosave it, submit, withdraw; and the reads of
// whoever may see them. Each use case opens its transaction, locks, checks the rules, writes and audits.
import { APPLICATION_MOVES, canMove, isDeletable, isHideable, type Application, type ApplicationStatus, type DraftFields } from '@konkurs/shared';
import type { Db } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, DomainError, staleVersion } from '../domain/errors.js';
import { assertCountable, derivedColumns, derivedColumnsOfPatch } from '../domain/application-content.js';
import { assertAcceptsApplications, assertBelowLimit, assertRegionAllowed, submissionProblems } from '../domain/submission-rules.js';
import { cursorList, decodeCursor, pageOf } from '../lib/cursor.js';
import {
  countSubmittedByOrganization, deleteDraft, draftState, insertApplication, listApplications, lockForMember, readApplication, setHidden,
  submissionContext, toApplication, toSummary, updateDraft, type ApplicationRow,
} from '../queries/applications.js';
import type { CompetitionRow } from '../queries/competitions.js';
import type { Tx } from '../db/client.js';
import type { FileStorage } from '../storage/file-storage.js';
import { visibleCompetition } from '../queries/competitions.js';
import { memberOrganization } from '../queries/organizations.js';
import { transitionApplication } from './transitions.js';
import { tellSubmitted } from './notices.js';

export { readApplication } from '../queries/applications.js';

/**
 * Starts a draft: the competition must be accepting applications, the user a member of the organisation, and the
 * organisation registered in one of the competition's regions when it lists any.
 */
export async function createApplication(db: Db, actor: AuthUser, competitionId: string, body: DraftFields & { organizationId: string }, now: Date): Promise<Application> {
  const { organizationId, ...fields } = body;
  // Two independent reads, sent together.
  const [comp, org] = await Promise.all([visibleCompetition(db, actor, competitionId), memberOrganization(db, actor.id, organizationId)]);
  assertAcceptsApplications(comp, now);
  if (!org) throw new DomainError('not-found', 'not-found', { entity: 'organization' }, [{ path: 'organizationId', code: 'not-a-member' }]);
  assertRegionAllowed(comp, org.regionCode);
  // A read, not a lock: the submit holds the limit for certain; this tells it before the form is filled.
  assertBelowLimit(comp, await countSubmittedByOrganization(db, org.id, comp.id));
  const derived = derivedColumns(fields);
  assertCountable(derived);
  // One statement numbers and inserts, outside any transaction. Not an audit event, like the autosave: a draft is its
  // organisation's private working copy, which nobody else (no organiser, no admin) sees; the audit follows an
  // application from its submission, whose event records who created it and when. An event here would also queue
  // every creation behind the audit chain's lock.
  const row = await insertApplication(db, comp, org, actor.id, fields, derived, now);
  return toApplication(row, { competitionCode: comp.code, competitionTitle: comp.title, competitionStatus: comp.status, organizationName: org.shortName }, [], actor.role);
}

/**
 * The autosave, the hot path: no transaction, one statement when it succeeds; when it changes nothing, a second
 * look tells why (404, 409 not a draft, 412 stale). Not audited: a draft is its organisation's private working
 * copy, guarded by its versions; the audit records the changes of state. An event per autosave would also queue
 * every autosave behind the audit chain's lock.
 */
export async function saveDraft(db: Db, actor: AuthUser, id: string, body: DraftFields & { version: number }, now: Date): Promise<Application> {
  const { version, ...fields } = body;
  const derived = derivedColumnsOfPatch(fields);
  assertCountable(derived);
  const saved = await updateDraft(db, actor, id, version, fields, derived, now);
  if (saved) return saved;
  const current = await draftState(db, actor, id);
  if (current.status !== 'draft') throw conflict('not-a-draft', { number: current.number, status: current.status });
  throw staleVersion(current.version);
}

/**
 * Refuses what a submit of the locked application would refuse: another status (409), outside the window (409),
 * then every problem of the content, its documents, its organisation's region and limit at once (422).
 */
async function assertSubmittable(tx: Tx, actor: AuthUser, a: ApplicationRow, c: CompetitionRow, now: Date): Promise<void> {
  // Asked before the window, so that a second submit is told it is one.
  if (!canMove(APPLICATION_MOVES, a.status, 'submitted', actor.role)) throw conflict('wrong-status', { entity: 'application', number: a.number, from: a.status, to: 'submitted' });
  assertAcceptsApplications(c, now);
  const problems = submissionProblems(a.content, c, await submissionContext(tx, a));
  if (problems.length) throw new DomainError('unprocessable', 'rule-check-failed', { count: problems.length }, problems);
}

/**
 * Submits a draft. The application's row is locked (parallel submits of it queue, and the next finds it
 * submitted) with its organisation's, so that the organisation's limit holds; every problem is listed at once.
 */
export async function submitApplication(db: Db, actor: AuthUser, id: string, now: Date) {
  return db.transaction(async (tx) => {
    const { a, c } = await lockForMember(tx, actor, id, { organization: true });
    await assertSubmittable(tx, actor, a, c, now);
    // Before the move, whose audit event holds the chain's lock until COMMIT; rolled back with it should it fail.
    await tellSubmitted(tx, c, a, now);
    const row = await transitionApplication(tx, a, 'submitted', { id: actor.id, role: actor.role }, now,
      { set: { submittedAt: now, version: a.version + 1 }, operatorId: c.operatorId, detail: {
        number: a.number, requestedKopecks: a.requestedKopecks, organizationId: a.organizationId, createdBy: a.createdBy, createdAt: a.createdAt.toISOString(),
      } });
    return { id: row.id, status: 'submitted' as const, submittedAt: row.submittedAt!.toISOString(), version: row.version };
  });
}

/**
 * The submit's check without the submit (the editor asks it before the irreversible confirmation): the same
 * refusals, read under the submit's locks (the same snapshot a submit would judge); it writes nothing.
 */
export async function checkSubmission(db: Db, actor: AuthUser, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { a, c } = await lockForMember(tx, actor, id, { organization: true });
    await assertSubmittable(tx, actor, a, c, now);
  });
}

/**
 * Deletes a draft outright with its documents: nobody but its organisation ever saw it (no audit event, as for
 * its creation). Its files go once the deletion is committed.
 */
export async function deleteApplication(db: Db, actor: AuthUser, id: string, storage: FileStorage): Promise<void> {
  const keys = await db.transaction(async (tx) => {
    const { a } = await lockForMember(tx, actor, id);
    if (!isDeletable(a.status)) throw conflict('delete-not-draft', { number: a.number, status: a.status });
    return deleteDraft(tx, a.id);
  });
  await Promise.all(keys.map((key) => storage.delete(key)));
}

/**
 * Hides a withdrawn application from its organisation's list, or shows it again; answers it as it now is. Only a
 * withdrawn one: any other is still in play (409). A view setting, not a change of the application: no version, no audit.
 */
export async function setApplicationHidden(db: Db, actor: AuthUser, id: string, hidden: boolean, now: Date): Promise<Application> {
  await db.transaction(async (tx) => {
    const { a } = await lockForMember(tx, actor, id);
    if (!isHideable(a.status)) throw conflict('not-hideable', { number: a.number, status: a.status });
    await setHidden(tx, a.id, hidden ? (a.hiddenAt ?? now) : null);
  });
  return readApplication(db, actor, id);
}

/** Withdraws the application (from draft, submitted or admitted: the workflow says which); answers it as it now is. */
export async function withdrawApplication(db: Db, actor: AuthUser, id: string, now: Date): Promise<Application> {
  await db.transaction(async (tx) => {
    const { a, c } = await lockForMember(tx, actor, id);
    await transitionApplication(tx, a, 'withdrawn', { id: actor.id, role: actor.role }, now, { set: { version: a.version + 1 }, operatorId: c.operatorId, detail: { number: a.number } });
  });
  return readApplication(db, actor, id);
}

export interface ApplicationsFilter { competitionId?: string; organizationId?: string; status?: ApplicationStatus; hidden?: boolean; limit: number; cursor?: string }

/** A page of the applications the user may see, newest first. */
export async function applicationPage(db: Db, actor: AuthUser, query: ApplicationsFilter, secret: string) {
  const { limit, cursor, ...filter } = query;
  const list = cursorList('applications', filter, secret);
  const afterId = cursor ? String(decodeCursor(cursor, list, 1)[0]) : undefined;
  const rows = await listApplications(db, actor, { ...filter, afterId }, limit);
  return pageOf(rows, limit, list, (r) => [r.id], (r) => toSummary(r, actor.role));
}
