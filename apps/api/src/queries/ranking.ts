// The ranking of a competition in set-based queries (applications, their submitted reviews, the extra experts),
// ordered and normalised by the pure rules of domain/scoring.ts and domain/divergence.ts: one order for the
// organiser's list, the award proposal and the applicant's rank.
import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { COUNTED_AS_ADMITTED, awaitsReview, type ApplicationStatus, type AssignmentStatus, type RankingRow } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import { applications, assignments, organizations, reviews } from '../db/schema/index.js';
import { normalizedScores, rankWithWaiting, type ReviewTotal } from '../domain/scoring.js';
import { extraExpertState, isDivergent } from '../domain/divergence.js';
import type { AwardCandidate } from '../domain/awards.js';

export interface RankedApplication {
  /** 1..n over the reviewed applications; null while the application still waits for a review. */
  rank: number | null;
  waiting: boolean;
  applicationId: string;
  number: string;
  title: string | null;
  organizationId: string;
  organization: string;
  finalScore: number | null;
  status: ApplicationStatus;
  requestedKopecks: number;
  submittedAt: Date | null;
}

const rankingColumns = {
  applicationId: applications.id, number: applications.number, title: applications.title, organizationId: applications.organizationId,
  organization: organizations.fullName, finalScore: applications.finalScore, status: applications.status,
  requestedKopecks: applications.requestedKopecks, submittedAt: applications.submittedAt,
};

/** Every application that passed screening: the reviewed ones in ranking order with their rank, then the waiting ones. */
export async function rankedApplications(tx: Executor, competitionId: string): Promise<RankedApplication[]> {
  const rows = await tx.select(rankingColumns).from(applications).innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.competitionId, competitionId), inArray(applications.status, [...COUNTED_AS_ADMITTED])));
  return rankWithWaiting(rows.map((r) => ({ ...r, waiting: awaitsReview(r.status) })));
}

/** The submitted reviews of a competition's ranked applications, earliest first (by submission, then id). */
function submittedTotals(tx: Executor, competitionId: string): Promise<ReviewTotal[]> {
  // One flat, set-based read (about 24,000 rows for a national round), grouped by the caller in a single pass: a
  // per-application json_agg subquery took several times longer than the ranking's own rows.
  return tx.select({ applicationId: reviews.applicationId, expertId: reviews.expertId, total: sql<number>`${reviews.total}`.mapWith(reviews.total) })
    .from(reviews).innerJoin(applications, eq(applications.id, reviews.applicationId))
    .where(and(eq(applications.competitionId, competitionId), inArray(applications.status, [...COUNTED_AS_ADMITTED]),
      eq(reviews.status, 'submitted'), isNotNull(reviews.total)))
    .orderBy(reviews.submittedAt, reviews.id);
}

/** The extra experts of a competition (assigned after a divergence) that did not decline: few rows. */
function extraAssignments(tx: Executor, competitionId: string) {
  return tx.select({ applicationId: assignments.applicationId, status: assignments.status }).from(assignments)
    .where(and(eq(assignments.competitionId, competitionId), eq(assignments.isExtra, true), ne(assignments.status, 'declined')));
}

/**
 * The organiser's whole ranking: the applications, their submitted reviews and the extra experts in three flat
 * queries, then ordered, normalised and judged (divergence as the fact of the totals) by the domain rules.
 */
export async function competitionRanking(tx: Executor, competition: { id: string; divergenceThreshold: number }): Promise<RankingRow[]> {
  const [rows, totals, extras] = await Promise.all([
    rankedApplications(tx, competition.id), submittedTotals(tx, competition.id), extraAssignments(tx, competition.id),
  ]);
  const byApplication = new Map<string, { expertId: string; total: number }[]>();
  for (const r of totals) {
    const review = { expertId: r.expertId, total: r.total };
    const list = byApplication.get(r.applicationId);
    if (list) list.push(review); else byApplication.set(r.applicationId, [review]);
  }
  const extraStatuses = new Map<string, AssignmentStatus[]>();
  for (const e of extras) extraStatuses.set(e.applicationId, [...(extraStatuses.get(e.applicationId) ?? []), e.status]);
  const normalized = normalizedScores(totals);
  return rows.map((r) => {
    const reviewed = byApplication.get(r.applicationId) ?? [];
    return {
      rank: r.rank, applicationId: r.applicationId, number: r.number, title: r.title, organization: r.organization, organizationId: r.organizationId,
      finalScore: r.finalScore,
      // Shown beside the raw score, and only once there is one.
      normalizedScore: r.finalScore === null ? null : (normalized.get(r.applicationId) ?? null),
      reviews: reviewed,
      divergent: isDivergent(reviewed.map((x) => x.total), competition.divergenceThreshold),
      extraExpert: extraExpertState(extraStatuses.get(r.applicationId) ?? []),
      waiting: r.waiting, status: r.status, requestedKopecks: r.requestedKopecks, submittedAt: r.submittedAt?.toISOString() ?? null,
    };
  });
}

/** The ranking as the award allocation reads it: the reviewed applications in rank order (the waiting ones cannot be decided on). */
export function awardCandidates(ranked: readonly RankedApplication[]): AwardCandidate[] {
  return ranked.filter((r) => r.rank !== null).map((r) => ({
    applicationId: r.applicationId, rank: r.rank!, organizationId: r.organizationId, requestedKopecks: r.requestedKopecks,
    finalScore: r.status === 'reviewed' ? r.finalScore : null,
  }));
}
