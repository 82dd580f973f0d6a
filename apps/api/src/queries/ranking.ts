// The ranking of a competition in set-based queries (applications, their submitted reviews), ordered and
// normalised by the pure rules of domain/scoring.ts: one order for the organiser's list, the award
// proposal and the applicant's rank.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { COUNTED_AS_ADMITTED, type ApplicationStatus, type RankingRow } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import { applications, organizations, reviews } from '../db/schema/index.js';
import { normalizedScores, rankOrder, type ReviewTotal } from '../domain/scoring.js';
import type { AwardCandidate } from '../domain/awards.js';

export interface RankedApplication {
  rank: number;
  applicationId: string;
  number: string;
  title: string | null;
  organizationId: string;
  organization: string;
  finalScore: number | null;
  divergent: boolean;
  status: ApplicationStatus;
  requestedKopecks: number;
  submittedAt: Date | null;
}

const rankingColumns = {
  applicationId: applications.id, number: applications.number, title: applications.title, organizationId: applications.organizationId,
  organization: organizations.fullName, finalScore: applications.finalScore, divergent: applications.divergent, status: applications.status,
  requestedKopecks: applications.requestedKopecks, submittedAt: applications.submittedAt,
};

/** Every application that passed screening, in ranking order with its rank (1, 2, …). */
export async function rankedApplications(tx: Executor, competitionId: string): Promise<RankedApplication[]> {
  const rows = await tx.select(rankingColumns).from(applications).innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.competitionId, competitionId), inArray(applications.status, [...COUNTED_AS_ADMITTED])));
  return rankOrder(rows).map((r, i) => ({ ...r, rank: i + 1 }));
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

/**
 * The organiser's ranking: the ranked applications and their submitted reviews in two flat queries, then ordered
 * and normalised by the domain rules.
 */
export async function competitionRanking(tx: Executor, competitionId: string): Promise<RankingRow[]> {
  const [rows, totals] = await Promise.all([
    tx.select(rankingColumns).from(applications).innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(and(eq(applications.competitionId, competitionId), inArray(applications.status, [...COUNTED_AS_ADMITTED]))),
    submittedTotals(tx, competitionId),
  ]);
  const byApplication = new Map<string, { expertId: string; total: number }[]>();
  for (const r of totals) {
    const review = { expertId: r.expertId, total: r.total };
    const list = byApplication.get(r.applicationId);
    if (list) list.push(review); else byApplication.set(r.applicationId, [review]);
  }
  const normalized = normalizedScores(totals);
  return rankOrder(rows).map((r, i) => ({
    rank: i + 1, applicationId: r.applicationId, number: r.number, title: r.title, organization: r.organization, organizationId: r.organizationId,
    finalScore: r.finalScore,
    // Shown beside the raw score, and only once there is one.
    normalizedScore: r.finalScore === null ? null : (normalized.get(r.applicationId) ?? null),
    reviews: byApplication.get(r.applicationId) ?? [],
    divergent: r.divergent, status: r.status, requestedKopecks: r.requestedKopecks, submittedAt: r.submittedAt?.toISOString() ?? null,
  }));
}

/** The ranking as the award allocation reads it: only reviewed applications can win. */
export function awardCandidates(ranked: readonly RankedApplication[]): AwardCandidate[] {
  return ranked.map((r) => ({
    applicationId: r.applicationId, rank: r.rank, organizationId: r.organizationId, requestedKopecks: r.requestedKopecks,
    finalScore: r.status === 'reviewed' ? r.finalScore : null,
  }));
}
