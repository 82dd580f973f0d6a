// Assignments: the solver's input read from the database (assignable applications, the pool and its loads,
// conflicts), the pairs written back, and the lists experts and organisers read.
import { and, asc, eq, gt, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { ASSIGNABLE, type Assignment, type AssignmentStatus } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, assignments, competitionExperts, competitions, conflicts, organizationMembers, users } from '../db/schema/index.js';
import type { SolverConflict, SolverInput, SolverPair } from '../domain/assignment-solver.js';
import { rowsOf, uuidArray } from '../db/bulk.js';
import { notFound } from '../domain/errors.js';

type AssignmentRow = typeof assignments.$inferSelect;
type CompetitionRow = typeof competitions.$inferSelect;

/**
 * The competition row locked FOR SHARE: review work (submits, declines, manual assignments) runs side by
 * side, while automatic assignment and the award decision, which lock it FOR UPDATE, wait for it.
 * Lock order everywhere: competition, then application.
 */
export async function competitionSharedLock(tx: Tx, id: string): Promise<CompetitionRow> {
  const [row] = await tx.select().from(competitions).where(eq(competitions.id, id)).for('share');
  if (!row) throw notFound('competition');
  return row;
}

/** Experts who may review in the competition: in its pool, active, still experts. */
function poolExperts(tx: Executor, competitionId: string, only?: SQL) {
  return tx.select({ id: users.id, directions: users.expertDirections }).from(competitionExperts)
    .innerJoin(users, eq(users.id, competitionExperts.expertId))
    .where(and(eq(competitionExperts.competitionId, competitionId), eq(users.active, true), eq(users.role, 'expert'), only));
}

/** Conflicts of interest of the pool's experts: declared or declined ones, and membership of an organisation. */
async function poolConflicts(tx: Executor, competitionId: string): Promise<SolverConflict[]> {
  const pool = tx.select({ id: competitionExperts.expertId }).from(competitionExperts).where(eq(competitionExperts.competitionId, competitionId));
  const [typed, members] = await Promise.all([
    tx.select({ expertId: conflicts.expertId, organizationId: conflicts.organizationId }).from(conflicts).where(inArray(conflicts.expertId, pool)),
    tx.select({ expertId: organizationMembers.userId, organizationId: organizationMembers.organizationId }).from(organizationMembers)
      .where(inArray(organizationMembers.userId, pool)),
  ]);
  return [...typed, ...members];
}

/** Whether the expert may not review the organisation's applications. */
export async function hasConflict(tx: Executor, expertId: string, organizationId: string): Promise<boolean> {
  const [typed, member] = await Promise.all([
    tx.select({ id: conflicts.id }).from(conflicts).where(and(eq(conflicts.expertId, expertId), eq(conflicts.organizationId, organizationId))).limit(1),
    tx.select({ id: organizationMembers.userId }).from(organizationMembers)
      .where(and(eq(organizationMembers.userId, expertId), eq(organizationMembers.organizationId, organizationId))).limit(1),
  ]);
  return typed.length > 0 || member.length > 0;
}

export interface ProblemApplication { id: string; number: string; status: 'admitted' | 'under_review'; organizationId: string; directionCode: string | null }

/**
 * States the assignment problem for the competition's assignable applications (or the given ones), for the
 * solver. `needed` overrides what each application lacks (a replacement or the extra expert: 1).
 */
export async function assignmentProblem(
  tx: Executor, comp: Pick<CompetitionRow, 'id' | 'reviewersPerApplication'>, only?: { applicationIds: string[]; needed: number },
): Promise<{ applications: ProblemApplication[]; input: SolverInput }> {
  const appWhere = and(
    eq(applications.competitionId, comp.id), inArray(applications.status, [...ASSIGNABLE]),
    only ? inArray(applications.id, only.applicationIds) : undefined,
  );
  const [apps, existing, loads, experts, conflictList] = await Promise.all([
    tx.select({ id: applications.id, number: applications.number, status: applications.status, organizationId: applications.organizationId, directionCode: applications.directionCode })
      .from(applications).where(appWhere).orderBy(asc(applications.number)),
    tx.select({ applicationId: assignments.applicationId, expertId: assignments.expertId, status: assignments.status })
      .from(assignments).where(and(eq(assignments.competitionId, comp.id), only ? inArray(assignments.applicationId, only.applicationIds) : undefined)),
    tx.select({ expertId: assignments.expertId, n: sql<number>`count(*)::int` }).from(assignments)
      .where(and(eq(assignments.competitionId, comp.id), ne(assignments.status, 'declined'))).groupBy(assignments.expertId),
    poolExperts(tx, comp.id),
    poolConflicts(tx, comp.id),
  ]);
  const load = new Map(loads.map((l) => [l.expertId, l.n]));
  const onApp = new Map<string, { experts: string[]; active: number }>();
  for (const a of existing) {
    const entry = onApp.get(a.applicationId) ?? { experts: [], active: 0 };
    entry.experts.push(a.expertId);
    if (a.status !== 'declined') entry.active++;
    onApp.set(a.applicationId, entry);
  }
  const input: SolverInput = {
    applications: apps.map((a) => ({
      id: a.id, organizationId: a.organizationId, directionCode: a.directionCode, excludedExperts: onApp.get(a.id)?.experts ?? [],
      needed: only ? only.needed : Math.max(0, comp.reviewersPerApplication - (onApp.get(a.id)?.active ?? 0)),
    })),
    experts: experts.map((e) => ({ id: e.id, directions: e.directions, load: load.get(e.id) ?? 0 })),
    conflicts: conflictList,
  };
  return { applications: apps as ProblemApplication[], input };
}

/** Inserts the pairs in one statement (two uuid[] parameters, however many pairs). */
export async function createAssignments(tx: Tx, pairs: readonly Pick<SolverPair, 'applicationId' | 'expertId'>[], values: { competitionId: string; dueAt: Date; isExtra?: boolean; at: Date }) {
  if (pairs.length === 0) return [];
  const result = await tx.execute(sql`
    insert into ${assignments} (competition_id, application_id, expert_id, is_extra, due_at, created_at)
    select ${values.competitionId}, p.application_id, p.expert_id, ${values.isExtra ?? false}, ${values.dueAt.toISOString()}::timestamptz, ${values.at.toISOString()}::timestamptz
    from unnest(${uuidArray(pairs.map((p) => p.applicationId))}, ${uuidArray(pairs.map((p) => p.expertId))}) as p(application_id, expert_id)
    returning id, application_id as "applicationId", expert_id as "expertId"`);
  return rowsOf<{ id: string; applicationId: string; expertId: string }>(result);
}

/** The pool member the organiser names, or null. */
export async function poolMember(tx: Executor, competitionId: string, expertId: string) {
  const [row] = await poolExperts(tx, competitionId, eq(competitionExperts.expertId, expertId));
  return row ?? null;
}

export async function findAssignment(tx: Executor, applicationId: string, expertId: string) {
  const [row] = await tx.select().from(assignments).where(and(eq(assignments.applicationId, applicationId), eq(assignments.expertId, expertId)));
  return row ?? null;
}

const listColumns = {
  assignment: assignments,
  applicationNumber: applications.number,
  applicationTitle: applications.title,
};
type ListRow = { assignment: AssignmentRow; applicationNumber: string; applicationTitle: string | null };

export function toAssignment(r: ListRow): Assignment {
  const a = r.assignment;
  return {
    id: a.id, applicationId: a.applicationId, applicationNumber: r.applicationNumber, applicationTitle: r.applicationTitle,
    competitionId: a.competitionId, expertId: a.expertId, status: a.status, dueAt: a.dueAt?.toISOString() ?? null,
    isExtra: a.isExtra, declineReason: a.declineReason,
  };
}

export async function assignmentItem(tx: Executor, id: string): Promise<Assignment> {
  const [row] = await tx.select(listColumns).from(assignments).innerJoin(applications, eq(applications.id, assignments.applicationId)).where(eq(assignments.id, id));
  return toAssignment(row);
}

/** A page of assignments ordered by application number (then id), after the cursor position. */
export async function listAssignments(tx: Executor, filter: { expertId?: string; competitionId?: string; applicationId?: string; status?: AssignmentStatus; after?: [string, string] }, limit: number) {
  const where: (SQL | undefined)[] = [
    filter.expertId ? eq(assignments.expertId, filter.expertId) : undefined,
    filter.competitionId ? eq(assignments.competitionId, filter.competitionId) : undefined,
    filter.applicationId ? eq(assignments.applicationId, filter.applicationId) : undefined,
    filter.status ? eq(assignments.status, filter.status) : undefined,
    filter.after ? or(gt(applications.number, filter.after[0]), and(eq(applications.number, filter.after[0]), gt(assignments.id, filter.after[1]))) : undefined,
  ];
  return tx.select(listColumns).from(assignments).innerJoin(applications, eq(applications.id, assignments.applicationId))
    .where(and(...where)).orderBy(asc(applications.number), asc(assignments.id)).limit(limit + 1);
}

/** Assignments of the expert in the competition that still count (not declined). */
export async function activeAssignmentCount(tx: Executor, competitionId: string, expertId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(assignments)
    .where(and(eq(assignments.competitionId, competitionId), eq(assignments.expertId, expertId), ne(assignments.status, 'declined')));
  return row.n;
}

/** The expert declined: a conflict with the whole organisation, so that no later assignment pairs them again. */
export async function recordDeclineConflict(tx: Tx, expertId: string, organizationId: string, reason: string, at: Date): Promise<void> {
  await tx.insert(conflicts).values({ expertId, organizationId, kind: 'declined', reason, createdAt: at }).onConflictDoNothing();
}
