// Who sees what, enforced in the queries: staff see their operator's competitions (a federal operator's
// officials see all), applicants their organisations' applications. Anything else is "not found".
import { and, eq, inArray, isNotNull, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { applications, competitions, operators, organizationMembers } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { notFound } from '../domain/errors.js';

const NOBODY = '00000000-0000-0000-0000-000000000000';
/** Staff see an application once it has been submitted (a draft withdrawn unsubmitted stays private). */
export const SUBMITTED_ONCE = and(ne(applications.status, 'draft'), isNotNull(applications.submittedAt))!;

/** Is the user's operator federal (its officials and organisers see every operator's figures)? */
export async function isFederalStaff(db: Executor, user: AuthUser): Promise<boolean> {
  if (!user.operatorId) return false;
  const [op] = await db.select({ level: operators.level }).from(operators).where(eq(operators.id, user.operatorId));
  return op?.level === 'federal';
}

/** A condition on competitions.operatorId for staff: undefined means every competition. */
export async function staffCompetitionScope(db: Executor, user: AuthUser, { federalSeesAll = false } = {}): Promise<SQL | undefined> {
  if (user.role === 'admin') return undefined;
  if (user.role !== 'organiser' && user.role !== 'official') return eq(competitions.operatorId, NOBODY);
  if (federalSeesAll && user.role === 'official' && (await isFederalStaff(db, user))) return undefined;
  return eq(competitions.operatorId, user.operatorId ?? NOBODY);
}

/** A competition the organiser (or admin) runs; 404 for another operator's. Locks the row when asked. */
export async function competitionOfOrganiser(db: Executor, user: AuthUser, id: string, { lock = false } = {}) {
  const scope = user.role === 'admin' ? undefined : eq(competitions.operatorId, user.operatorId ?? NOBODY);
  const q = db.select().from(competitions).where(and(eq(competitions.id, id), scope));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || (user.role !== 'admin' && user.role !== 'organiser')) throw notFound('competition');
  return row;
}

/** The ids of the organisations the user is a member of. */
export async function memberOrganizationIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.select({ id: organizationMembers.organizationId }).from(organizationMembers).where(eq(organizationMembers.userId, userId));
  return rows.map((r) => r.id);
}

/** A condition on applications for what the user may read: their organisations' own, or their operator's. */
export async function applicationScope(db: Executor, user: AuthUser): Promise<SQL> {
  if (user.role === 'applicant') {
    const orgs = await memberOrganizationIds(db, user.id);
    return orgs.length ? inArray(applications.organizationId, orgs) : eq(applications.id, NOBODY);
  }
  if (user.role === 'admin') return SUBMITTED_ONCE;
  if (user.role === 'organiser' || user.role === 'official') {
    // Staff never see drafts: a draft is visible only to its organisation's members.
    const ops = user.operatorId ?? NOBODY;
    return and(
      inArray(applications.competitionId, db.select({ id: competitions.id }).from(competitions).where(eq(competitions.operatorId, ops))),
      SUBMITTED_ONCE,
    )!;
  }
  return eq(applications.id, NOBODY);
}

/**
 * A submitted application in a competition the organiser (or admin) runs, with its competition's operator;
 * 404 for a draft or another operator's. Locks the application row when asked.
 */
export async function applicationOfOrganiser(db: Executor, user: AuthUser, id: string, { lock = false } = {}) {
  const scope = user.role === 'admin' ? undefined : eq(competitions.operatorId, user.operatorId ?? NOBODY);
  const q = db.select({ application: applications, operatorId: competitions.operatorId }).from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(and(eq(applications.id, id), SUBMITTED_ONCE, scope));
  const [row] = lock ? await q.for('update', { of: applications }) : await q;
  if (!row || (user.role !== 'admin' && user.role !== 'organiser')) throw notFound('application');
  return row;
}
