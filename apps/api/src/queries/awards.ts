// Award decisions: the proposal (a dry run over the current ranking) and its confirmation, recorded at
// once under the competition's row lock; then what the public and the applicants read after publication.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AwardMode } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, awards, competitions, organizations, reviews } from '../db/schema/index.js';
import { allocateAwards, overrideErrors, type Allocation } from '../domain/awards.js';
import { transitionApplications, transitionCompetition, type Actor } from '../services/transitions.js';
import { recordAudit } from '../services/audit-log.js';
import { badRequest, conflict, notFound } from '../lib/problem.js';
import type { AuthUser } from '../plugins/auth.js';
import { applicationScope } from './scope.js';
import { awardCandidates, rankedApplications } from './ranking.js';

type CompetitionRow = typeof competitions.$inferSelect;
export interface AwardRequest { mode: AwardMode; overrides?: { applicationId: string; amountKopecks: number }[] }

export function requireUndecided(comp: Pick<CompetitionRow, 'status' | 'code'>) {
  if (comp.status === 'decided' || comp.status === 'published' || comp.status === 'archived')
    throw conflict('already-decided', `The awards of competition ${comp.code} are already decided`);
  if (comp.status !== 'review') throw conflict('wrong-status', `Competition ${comp.code} is ${comp.status}: awards are decided while it is in review`);
}

/** The allocation over the current ranking, with the ranking it was made from. */
export async function proposeAwards(tx: Executor, comp: CompetitionRow, request: AwardRequest) {
  const ranked = await rankedApplications(tx, comp.id);
  const candidates = awardCandidates(ranked);
  const overrides = request.overrides ?? [];
  const errors = overrideErrors(overrides, candidates);
  if (errors.length) throw badRequest(`The overrides are not valid: ${errors.map((e) => e.path).join(', ')}`, errors);
  const allocation = allocateAwards(candidates, {
    budgetKopecks: comp.budgetKopecks, passMark: comp.passMark, oneWinPerOrganization: comp.oneWinPerOrganization, mode: request.mode,
    overrides: new Map(overrides.map((o) => [o.applicationId, o.amountKopecks])),
  });
  return { ranked, allocation };
}

/**
 * Records the decision. The caller has locked the competition row FOR UPDATE and checked it is in review,
 * so a second confirmation waits and then finds it decided. Winners get their amount, every other
 * application still in the running is not supported, and the competition is decided.
 */
export async function confirmAwards(tx: Tx, comp: CompetitionRow, request: AwardRequest, actor: Actor, at: Date): Promise<Allocation> {
  const { ranked, allocation } = await proposeAwards(tx, comp, request);
  const amounts = new Map(allocation.awards.map((a) => [a.applicationId, a.amountKopecks]));
  if (allocation.awards.length) {
    await tx.insert(awards).values(allocation.awards.map((a) => ({
      competitionId: comp.id, applicationId: a.applicationId, rank: a.rank, amountKopecks: a.amountKopecks, createdBy: actor.id!, createdAt: at,
    })));
  }
  const winners = ranked.filter((r) => amounts.has(r.applicationId)).map((r) => ({ id: r.applicationId, status: r.status as 'reviewed', number: r.number }));
  const others = ranked.filter((r) => !amounts.has(r.applicationId) && (r.status === 'admitted' || r.status === 'under_review' || r.status === 'reviewed'))
    .map((r) => ({ id: r.applicationId, status: r.status as 'admitted' | 'under_review' | 'reviewed', number: r.number }));
  await transitionApplications(tx, winners, 'winner', actor, at, { operatorId: comp.operatorId, detail: (id) => ({ awardedKopecks: amounts.get(id) }) });
  if (winners.length) {
    await tx.update(applications).set({ awardedKopecks: sql`${awards.amountKopecks}` }).from(awards)
      .where(and(eq(awards.applicationId, applications.id), eq(awards.competitionId, comp.id)));
  }
  await transitionApplications(tx, others, 'not_supported', actor, at, { operatorId: comp.operatorId });
  await transitionCompetition(tx, comp, 'decided', actor, at, {
    set: { decidedAt: at },
    detail: { mode: request.mode, winners: allocation.awards.length, allocatedKopecks: allocation.allocatedKopecks, remainingKopecks: allocation.remainingKopecks },
  });
  await recordAudit(tx, { actorId: actor.id, action: 'awards.recorded', entityType: 'competition', entityId: comp.id, operatorId: comp.operatorId,
    after: { awards: allocation.awards, overrides: request.overrides ?? [] }, at });
  return allocation;
}

/** Results are public once the competition is published (and stay so when archived). */
export const isPublished = (status: CompetitionRow['status']) => status === 'published' || status === 'archived';

/** The application of one of the user's organisations, with its competition's status; 404 otherwise. */
export async function ownApplicationWithCompetition(tx: Executor, user: AuthUser, id: string) {
  const [row] = await tx.select({ application: applications, competitionStatus: competitions.status }).from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(and(eq(applications.id, id), await applicationScope(tx, user)));
  if (!row) throw notFound('Application');
  return row;
}

/** A competition whose results are published; 404 before (they do not exist for the public yet). */
export async function publishedCompetition(tx: Executor, id: string) {
  const [comp] = await tx.select({ id: competitions.id, status: competitions.status }).from(competitions).where(eq(competitions.id, id));
  if (!comp || !isPublished(comp.status)) throw notFound('Published results');
  return comp;
}

/** The winners registry of a published competition, in rank order. */
export async function winnersRegistry(tx: Executor, competitionId: string) {
  const rows = await tx.select({
    applicationId: applications.id, number: applications.number, title: applications.title, organization: organizations.fullName,
    inn: organizations.inn, regionCode: applications.regionCode, directionCode: applications.directionCode, amountKopecks: awards.amountKopecks,
    finalScore: applications.finalScore,
  }).from(awards).innerJoin(applications, eq(applications.id, awards.applicationId)).innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(awards.competitionId, competitionId), eq(applications.status, 'winner')))
    .orderBy(asc(awards.rank));
  return rows;
}

/**
 * What the applicant reads after publication: the final score, the rank, and the submitted reviews with
 * the experts anonymised as "Expert 1, 2…" in the order the reviews came in (no id or name anywhere).
 */
export async function applicantResults(tx: Executor, app: typeof applications.$inferSelect) {
  const [ranked, rows] = await Promise.all([
    rankedApplications(tx, app.competitionId),
    tx.select({ total: reviews.total, scores: reviews.scores, comment: reviews.comment }).from(reviews)
      .where(and(eq(reviews.applicationId, app.id), eq(reviews.status, 'submitted'))).orderBy(asc(reviews.submittedAt), asc(reviews.id)),
  ]);
  const rank = app.finalScore === null ? null : (ranked.find((r) => r.applicationId === app.id)?.rank ?? null);
  return {
    finalScore: app.finalScore, rank, status: app.status, awardedKopecks: app.awardedKopecks,
    reviews: rows.map((r, i) => ({
      expert: `Expert ${i + 1}`, total: r.total ?? 0,
      scores: r.scores.filter((s) => s.score !== null).map((s) => ({ criterionCode: s.criterionCode, score: s.score!, comment: s.comment })),
      comment: r.comment,
    })),
  };
}
