// Who reviews what: automatic assignment over the whole competition, one expert by hand, an expert declining,
// and the lists experts and organisers read.
import {
  isAssignable, type Assignment, type AssignmentStatus, type ExpertAssignment, type AutoAssignBody, type DeclineBody, type DeclineResult, type ManualAssignmentBody,
} from '@konkurs/shared';
import type { Db, Executor } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict } from '../domain/errors.js';
import { requireAssignable, requireOpenAssignment, requireReview } from '../domain/review-work.js';
import type { ShortfallReason } from '../domain/assignment-solver.js';
import { cursorList, decodeCursor, pageOf } from '../lib/cursor.js';
import { applicationOfOrganiser, competitionOfOrganiser } from '../queries/scope.js';
import {
  assignmentItem, competitionSharedLock, createAssignments, findAssignment, hasConflict, listAssignments, poolMember, recordDeclineConflict,
  toAssignment,
} from '../queries/assignments.js';
import { assignmentOfExpert, lockApplication } from '../queries/reviews.js';
import { recordAudit, recordAuditEvents } from './audit-log.js';
import { transitionApplication, transitionApplications, transitionAssignment } from './transitions.js';
import { dueAtOf, lockForReviewWork, settleApplication, solveForCompetition } from './review-round.js';
import { tellAssigned, tellConflict, tellIfReviewsCompleted } from './notices.js';

/** Applications left short and why, as a message code with its parameters (the handler adds the sentence). */
export interface AutoAssignOutcome { created: number; unassigned: { applicationId: string; code: ShortfallReason['code']; params: Record<string, number> }[] }

/**
 * Assigns the competition's experts to every assignable application that lacks reviewers, balanced by load.
 * The competition row is locked FOR UPDATE, so no review work or second run interleaves. Admitted applications
 * that got an expert go under review, with one audit event each naming their experts (written in bulk).
 */
export async function autoAssignExperts(db: Db, actor: AuthUser, competitionId: string, body: AutoAssignBody | null | undefined, now: Date): Promise<AutoAssignOutcome> {
  return db.transaction(async (tx) => {
    const comp = await competitionOfOrganiser(tx, actor, competitionId, { lock: true });
    requireReview(comp);
    const { applications: apps, result } = await solveForCompetition(tx, comp);
    const dueAt = dueAtOf(body?.dueAt, now);
    const created = await createAssignments(tx, result.pairs, { competitionId: comp.id, dueAt, at: now });
    const numbers = new Map(apps.map((a) => [a.id, a.number]));
    await tellAssigned(tx, comp, created, (id) => numbers.get(id)!, dueAt, now);
    const expertsOf = new Map<string, string[]>();
    for (const p of result.pairs) expertsOf.set(p.applicationId, [...(expertsOf.get(p.applicationId) ?? []), p.expertId]);
    const touched = apps.filter((a) => expertsOf.has(a.id));
    await transitionApplications(tx, touched.filter((a) => a.status === 'admitted'), 'under_review', actor, now, {
      operatorId: comp.operatorId, detail: (id) => ({ experts: expertsOf.get(id) }),
    });
    await recordAuditEvents(tx, touched.filter((a) => a.status === 'under_review').map((a) => ({
      actorId: actor.id, action: 'application.assigned', entityType: 'application', entityId: a.id, operatorId: comp.operatorId,
      after: { experts: expertsOf.get(a.id) }, at: now,
    })));
    return {
      created: created.length,
      unassigned: result.unassigned.map((u) => ({ applicationId: u.applicationId, code: u.code, params: u.params })),
    };
  });
}

/**
 * The organiser assigns one expert by hand: refused when the expert is not in the pool, already on the
 * application, or in conflict of interest with the organisation (each names the `expertId` field).
 */
export async function assignExpert(db: Db, actor: AuthUser, body: ManualAssignmentBody, now: Date): Promise<Assignment> {
  return db.transaction(async (tx) => {
    const { application } = await applicationOfOrganiser(tx, actor, body.applicationId);
    const comp = await competitionSharedLock(tx, application.competitionId);
    requireReview(comp);
    const app = await lockApplication(tx, application.id);
    requireAssignable(app);
    const refuse = (code: string) => conflict(code, {}, [{ path: 'expertId', code }]);
    if (!(await poolMember(tx, comp.id, body.expertId))) throw refuse('not-in-pool');
    if (await findAssignment(tx, app.id, body.expertId)) throw refuse('duplicate-assignment');
    if (await hasConflict(tx, body.expertId, app.organizationId)) throw refuse('conflict-of-interest');
    const dueAt = dueAtOf(body.dueAt, now);
    const [created] = await createAssignments(tx, [{ applicationId: app.id, expertId: body.expertId }], { competitionId: comp.id, dueAt, at: now });
    await tellAssigned(tx, comp, [created], () => app.number, dueAt, now);
    if (app.status === 'admitted') await transitionApplication(tx, app, 'under_review', actor, now, { operatorId: comp.operatorId, detail: { experts: [body.expertId] } });
    await recordAudit(tx, { actorId: actor.id, action: 'assignment.created', entityType: 'assignment', entityId: created.id, operatorId: comp.operatorId,
      after: { applicationId: app.id, expertId: body.expertId }, at: now });
    return assignmentItem(tx, created.id);
  });
}

/**
 * The expert declines: the assignment is declined, a conflict with the whole organisation is recorded, and
 * another eligible expert takes the place when there is one (an extra place stays extra). The answer says
 * whether someone took the place, never who: reviews are blind.
 */
export async function declineAssignment(db: Db, actor: AuthUser, assignmentId: string, body: DeclineBody, now: Date): Promise<DeclineResult> {
  return db.transaction(async (tx) => {
    const own = await assignmentOfExpert(tx, actor, assignmentId);
    const { comp, app, assignment: a } = await lockForReviewWork(tx, own);
    requireOpenAssignment(a);
    await recordDeclineConflict(tx, a.expertId, app.organizationId, body.reason, now);
    await tellConflict(tx, comp, app, actor.fullName, now);
    await transitionAssignment(tx, a, 'declined', actor, now, {
      set: { declineReason: body.reason }, operatorId: comp.operatorId, detail: { reason: body.reason, conflictWith: app.organizationId },
    });
    const declined = { id: a.id, status: 'declined' as const };
    if (!isAssignable(app.status)) return { ...declined, replaced: false };
    const { result } = await solveForCompetition(tx, comp, { applicationIds: [app.id], needed: 1 });
    if (result.pairs.length === 0) {
      await settleApplication(tx, app, comp, now);
      // The declined assignment may have been the last review work left.
      await tellIfReviewsCompleted(tx, comp, now);
      return { ...declined, replaced: false };
    }
    const dueAt = dueAtOf(undefined, now);
    const [replacement] = await createAssignments(tx, result.pairs, { competitionId: comp.id, dueAt, isExtra: a.isExtra, at: now });
    await tellAssigned(tx, comp, [replacement], () => app.number, dueAt, now);
    await recordAudit(tx, { actorId: null, action: 'assignment.created', entityType: 'assignment', entityId: replacement.id, operatorId: comp.operatorId,
      after: { applicationId: app.id, expertId: replacement.expertId, replaces: a.id, extra: a.isExtra }, at: now });
    return { ...declined, replaced: true };
  });
}

type ListFilter = { status?: AssignmentStatus; limit: number; cursor?: string };

async function assignmentPage<T>(db: Executor, filter: Omit<Parameters<typeof listAssignments>[1], 'after'>, limit: number, cursor: string | undefined, secret: string,
  map: (row: Awaited<ReturnType<typeof listAssignments>>[number]) => T) {
  const list = cursorList('assignments', filter, secret);
  const after = cursor ? decodeCursor(cursor, list, 2).map(String) as [string, string] : undefined;
  const rows = await listAssignments(db, { ...filter, after }, limit);
  return pageOf(rows, limit, list, (r) => [r.applicationNumber, r.assignment.id], map);
}

/** The expert's own assignments, without whether one is the extra expert's (shared's expertAssignment says why). */
export async function expertAssignments(db: Executor, actor: AuthUser, query: ListFilter, secret: string) {
  return assignmentPage(db, { expertId: actor.id, status: query.status }, query.limit, query.cursor, secret, (r): ExpertAssignment => {
    const { isExtra: _hidden, ...seen } = toAssignment(r);
    return seen;
  });
}

export async function competitionAssignments(
  db: Executor, actor: AuthUser, competitionId: string, query: ListFilter & { expertId?: string; applicationId?: string }, secret: string,
) {
  const comp = await competitionOfOrganiser(db, actor, competitionId);
  const { status, expertId, applicationId } = query;
  return assignmentPage(db, { competitionId: comp.id, expertId, applicationId, status }, query.limit, query.cursor, secret, toAssignment);
}
