// Awards in the database: the decisions recorded and copied onto the winners, and what the public and the
// applicants read after publication.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { ApplicantResults } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, awards, competitions, organizations, reviews } from '../db/schema/index.js';
import type { Allocation } from '../domain/awards.js';
import { notFound } from '../domain/errors.js';
import type { AuthUser } from '../plugins/auth.js';
import { applicationScope } from './scope.js';
import { rankedApplications } from './ranking.js';
import { winnerReportStatusSql } from './report-figures.js';

export async function insertAwards(tx: Tx, competitionId: string, allocation: Allocation, createdBy: string, at: Date): Promise<void> {
  if (allocation.awards.length === 0) return;
  await tx.insert(awards).values(allocation.awards.map((a) => ({
    competitionId, applicationId: a.applicationId, rank: a.rank, amountKopecks: a.amountKopecks, createdBy, createdAt: at,
  })));
}

/** Copies each recorded award onto its application (one statement for the whole competition). */
export async function copyAwardedAmounts(tx: Tx, competitionId: string): Promise<void> {
  await tx.update(applications).set({ awardedKopecks: sql`${awards.amountKopecks}` }).from(awards)
    .where(and(eq(awards.applicationId, applications.id), eq(awards.competitionId, competitionId)));
}

/** The application of one of the user's organisations, with its competition's status; 404 otherwise. */
export async function ownApplicationWithCompetition(tx: Executor, user: AuthUser, id: string) {
  const [row] = await tx.select({ application: applications, competitionStatus: competitions.status }).from(applications)
    .innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(and(eq(applications.id, id), await applicationScope(tx, user)));
  if (!row) throw notFound('application');
  return row;
}

/** A competition's status by id, or null. */
export async function competitionStatusOf(tx: Executor, id: string) {
  const [comp] = await tx.select({ id: competitions.id, status: competitions.status }).from(competitions).where(eq(competitions.id, id));
  return comp ?? null;
}

/** The winners of a published competition in rank order, each with how its reporting stands at `now`. */
export async function winnersRegistry(tx: Executor, competitionId: string, now: Date) {
  const rows = await tx.select({
    applicationId: applications.id, number: applications.number, title: applications.title, organization: organizations.fullName,
    inn: organizations.inn, regionCode: applications.regionCode, directionCode: applications.directionCode, amountKopecks: awards.amountKopecks,
    finalScore: applications.finalScore, reportStatus: winnerReportStatusSql(applications.id, now),
  }).from(awards).innerJoin(applications, eq(applications.id, awards.applicationId)).innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(awards.competitionId, competitionId), eq(applications.status, 'winner')))
    .orderBy(asc(awards.rank));
  return rows;
}

/**
 * What the applicant reads after publication: the final score, the rank, why it was not supported, and the submitted
 * reviews with the experts anonymised as "Expert 1, 2…" (no id or name anywhere), numbered in the order of the
 * reviews export (queries/exports.ts: by review id within the application), so that "Эксперт 2" is the same review
 * for the applicant and for the organiser reading the export.
 */
export async function applicantResults(tx: Executor, app: typeof applications.$inferSelect): Promise<ApplicantResults> {
  const [ranked, rows] = await Promise.all([
    rankedApplications(tx, app.competitionId),
    tx.select({ total: reviews.total, scores: reviews.scores, comment: reviews.comment }).from(reviews)
      .where(and(eq(reviews.applicationId, app.id), eq(reviews.status, 'submitted'))).orderBy(asc(reviews.id)),
  ]);
  const rank = app.finalScore === null ? null : (ranked.find((r) => r.applicationId === app.id)?.rank ?? null);
  // Decisions recorded before the reason was kept: without a final score it can only have been not reviewed.
  const reason = app.status !== 'not_supported' ? null : (app.notSupportedReason ?? (app.finalScore === null ? 'not-reviewed' : null));
  return {
    finalScore: app.finalScore, rank, status: app.status, awardedKopecks: app.awardedKopecks, reason,
    reviews: rows.map((r, i) => ({
      expert: `Expert ${i + 1}`, total: r.total ?? 0,
      scores: r.scores.filter((s) => s.score !== null).map((s) => ({ criterionCode: s.criterionCode, score: s.score!, comment: s.comment })),
      comment: r.comment,
    })),
  };
}
