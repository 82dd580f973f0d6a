// Competitions with their criteria. Who sees which: everyone the open and published ones; staff their
// operator's at every stage (a federal official all); an expert those whose pool they are in; the admin all.
import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { PUBLICLY_LISTED, type Competition, type CompetitionStatus, type CreateCompetitionBody, type CriterionInput, type UpdateCompetitionBody } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { competitionExperts, competitions, criteria, defaultCriteria, operators } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, notFound } from '../domain/errors.js';
import { staffCompetitionScope } from './scope.js';

export type CompetitionRow = typeof competitions.$inferSelect;

/** A condition on competitions for what the user (or the public, when null) may see; undefined means all. */
export async function competitionVisibility(db: Executor, user: AuthUser | null): Promise<SQL | undefined> {
  const pub = inArray(competitions.status, [...PUBLICLY_LISTED]);
  if (!user) return pub;
  if (user.role === 'expert') {
    return or(pub, exists(db.select({ one: sql`1` }).from(competitionExperts)
      .where(and(eq(competitionExperts.competitionId, competitions.id), eq(competitionExperts.expertId, user.id)))));
  }
  const staff = await staffCompetitionScope(db, user, { federalSeesAll: true });
  return staff && or(pub, staff);
}

type CriterionRow = Pick<typeof criteria.$inferSelect, 'code' | 'title' | 'description' | 'weight' | 'maxScore' | 'commentRequired'>;

export function toCompetition(c: CompetitionRow, operatorName: string, crit: CriterionRow[]): Competition {
  return {
    id: c.id, code: c.code, title: c.title, description: c.description, operatorId: c.operatorId, operatorName, status: c.status,
    directionCodes: c.directionCodes, regionCodes: c.regionCodes, opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString(),
    timezone: c.timezone, budgetKopecks: c.budgetKopecks, minGrantKopecks: c.minGrantKopecks, maxGrantKopecks: c.maxGrantKopecks,
    maxProjectMonths: c.maxProjectMonths, minCofinancingPercent: c.minCofinancingPercent, reviewersPerApplication: c.reviewersPerApplication,
    divergenceThreshold: c.divergenceThreshold, passMark: c.passMark, oneWinPerOrganization: c.oneWinPerOrganization,
    maxApplicationsPerOrganization: c.maxApplicationsPerOrganization, requiredAttachmentKinds: c.requiredAttachmentKinds as Competition['requiredAttachmentKinds'],
    criteria: crit.map((k) => ({ code: k.code, title: k.title, description: k.description, weight: k.weight, maxScore: k.maxScore, commentRequired: k.commentRequired })),
    version: c.version, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

async function criteriaOf(db: Executor, competitionId: string) {
  return db.select().from(criteria).where(eq(criteria.competitionId, competitionId)).orderBy(asc(criteria.position));
}

async function operatorName(db: Executor, operatorId: string) {
  const [op] = await db.select({ name: operators.name }).from(operators).where(eq(operators.id, operatorId));
  return op?.name ?? '';
}

/** The competition as the API shows it: with its operator's name and its criteria. */
export async function competitionView(db: Executor, row: CompetitionRow): Promise<Competition> {
  const [name, crit] = await Promise.all([operatorName(db, row.operatorId), criteriaOf(db, row.id)]);
  return toCompetition(row, name, crit);
}

/** A page of competitions (with their operator's name) as the API shows them: the criteria of all in one query. */
export async function competitionViews(db: Executor, rows: { c: CompetitionRow; operatorName: string }[]): Promise<Competition[]> {
  if (!rows.length) return [];
  const all = await db.select().from(criteria).where(inArray(criteria.competitionId, rows.map((r) => r.c.id))).orderBy(asc(criteria.position));
  return rows.map((r) => toCompetition(r.c, r.operatorName, all.filter((k) => k.competitionId === r.c.id)));
}

/** The competition if the user may see it; 404 otherwise. */
export async function visibleCompetition(db: Executor, user: AuthUser | null, id: string): Promise<CompetitionRow> {
  const [row] = await db.select().from(competitions).where(and(eq(competitions.id, id), await competitionVisibility(db, user)));
  if (!row) throw notFound('competition');
  return row;
}

export async function listCompetitions(db: Executor, user: AuthUser | null,
  filter: { status?: CompetitionStatus; operatorId?: string; afterId?: string }, limit: number) {
  const where: (SQL | undefined)[] = [await competitionVisibility(db, user)];
  if (filter.status) where.push(eq(competitions.status, filter.status));
  if (filter.operatorId) where.push(eq(competitions.operatorId, filter.operatorId));
  // Keyset on (created_at, id), compared in SQL against the cursor's row so that microseconds are not lost in JSON.
  if (filter.afterId) where.push(sql`(${competitions.createdAt}, ${competitions.id}) < (select c.created_at, c.id from competitions c where c.id = ${filter.afterId})`);
  return db.select({ c: competitions, operatorName: operators.name }).from(competitions)
    .innerJoin(operators, eq(operators.id, competitions.operatorId))
    .where(and(...where)).orderBy(desc(competitions.createdAt), desc(competitions.id)).limit(limit + 1);
}

/** Inserts a draft competition with its criteria (the default set when none are given); 409 for a code in use. */
export async function insertCompetition(tx: Tx, createdBy: string, input: CreateCompetitionBody): Promise<CompetitionRow> {
  const { criteria: given, ...settings } = input;
  const [row] = await tx.insert(competitions).values({
    ...settings, opensAt: new Date(settings.opensAt), closesAt: new Date(settings.closesAt), status: 'draft', createdBy,
  }).onConflictDoNothing({ target: competitions.code }).returning();
  if (!row) throw codeTaken();
  await replaceCriteria(tx, row.id, given ?? (await tx.select().from(defaultCriteria).orderBy(asc(defaultCriteria.position))));
  return row;
}

function isUniqueViolation(e: unknown): boolean {
  for (let x = e, depth = 0; x instanceof Error && depth < 3; x = x.cause, depth++) if ((x as { code?: string }).code === '23505') return true;
  return false;
}

const codeTaken = () => conflict('code-taken', {}, [{ path: 'code', code: 'code-taken' }]);

type CriterionValues = Pick<CriterionInput, 'code' | 'title' | 'weight' | 'maxScore'> & Partial<Pick<CriterionInput, 'description' | 'commentRequired'>>;

async function replaceCriteria(tx: Tx, competitionId: string, list: CriterionValues[]) {
  await tx.delete(criteria).where(eq(criteria.competitionId, competitionId));
  await tx.insert(criteria).values(list.map((c, i) => ({
    competitionId, code: c.code, title: c.title, description: c.description ?? '', weight: c.weight, maxScore: c.maxScore,
    commentRequired: c.commentRequired ?? false, position: i + 1,
  })));
}

/** Applies a checked patch (the caller holds the row lock and has compared versions). */
export async function updateCompetition(tx: Tx, current: CompetitionRow, patch: Omit<UpdateCompetitionBody, 'version'>, at: Date): Promise<CompetitionRow> {
  const { criteria: newCriteria, opensAt, closesAt, ...rest } = patch;
  const [row] = await tx.update(competitions).set({
    ...rest,
    ...(opensAt ? { opensAt: new Date(opensAt) } : {}),
    ...(closesAt ? { closesAt: new Date(closesAt) } : {}),
    version: current.version + 1, updatedAt: at,
  }).where(eq(competitions.id, current.id)).returning().catch((e: unknown) => {
    // A new code another competition holds: the unique index decides, even between two concurrent patches.
    throw isUniqueViolation(e) ? codeTaken() : e;
  });
  if (newCriteria) await replaceCriteria(tx, current.id, newCriteria);
  return row;
}

/** The stored settings in the shape of a create body, to check a patch against the whole result. */
export function settingsOf(c: CompetitionRow) {
  return {
    timezone: c.timezone, opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString(), minGrantKopecks: c.minGrantKopecks, maxGrantKopecks: c.maxGrantKopecks,
    budgetKopecks: c.budgetKopecks, directionCodes: c.directionCodes, regionCodes: c.regionCodes,
  };
}
