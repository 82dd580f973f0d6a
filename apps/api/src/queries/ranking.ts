// The ranking of a competition in one set-based query (applications with their submitted reviews), ordered and
// normalised by the pure rules of domain/scoring.ts: one order for the organiser's list, the award
// proposal and the applicant's rank.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { COUNTED_AS_ADMITTED, type RankingRow } from '@konkurs/shared';
import type { Tx } from '../db/client.js';
import { applications, organizations, reviews } from '../db/schema/index.js';
import { normalizedScores, rankOrder } from '../domain/scoring.js';
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
  status: string;
  requestedKopecks: number;
  submittedAt: Date | null;
}

const rankingColumns = {
  applicationId: applications.id, number: applications.number, title: applications.title, organizationId: applications.organizationId,
  organization: organizations.fullName, finalScore: applications.finalScore, divergent: applications.divergent, status: applications.status,
  requestedKopecks: applications.requestedKopecks, submittedAt: applications.submittedAt,
};

/** Every application that passed screening, in ranking order with its rank (1, 2, …). */
export async function rankedApplications(tx: Tx, competitionId: string): Promise<RankedApplication[]> {
  const rows = await tx.select(rankingColumns).from(applications).innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.competitionId, competitionId), inArray(applications.status, [...COUNTED_AS_ADMITTED])));
  return rankOrder(rows).map((r, i) => ({ ...r, rank: i + 1 }));
}

type ReviewTotals = { expertId: string; total: number }[];

/**
 * The organiser's ranking in one query: each application with its submitted reviews aggregated by the
 * database (earliest first), then ordered and normalised by the domain rules.
 */
export async function competitionRanking(tx: Tx, competitionId: string): Promise<RankingRow[]> {
  const rows = await tx.select({
    ...rankingColumns,
    reviews: sql<ReviewTotals | null>`(select json_agg(json_build_object('expertId', r.expert_id, 'total', r.total) order by r.submitted_at, r.id)
      from ${reviews} r where r.application_id = ${applications.id} and r.status = 'submitted' and r.total is not null)`,
  }).from(applications).innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.competitionId, competitionId), inArray(applications.status, [...COUNTED_AS_ADMITTED])));
  const normalized = normalizedScores(rows.flatMap((r) => (r.reviews ?? []).map((x) => ({ applicationId: r.applicationId, expertId: x.expertId, total: Number(x.total) }))));
  return rankOrder(rows).map((r, i) => ({
    rank: i + 1, applicationId: r.applicationId, number: r.number, title: r.title, organization: r.organization, organizationId: r.organizationId,
    finalScore: r.finalScore,
    // Shown beside the raw score, and only once there is one.
    normalizedScore: r.finalScore === null ? null : (normalized.get(r.applicationId) ?? null),
    reviews: (r.reviews ?? []).map((x) => ({ expertId: x.expertId, total: Number(x.total) })),
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
