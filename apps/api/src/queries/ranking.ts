// The ranking of a competition in two set-based queries (applications, submitted reviews), ordered and
// normalised by the pure rules of domain/scoring.ts: one order for the organiser's list, the award
// proposal and the applicant's rank.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { COUNTED_AS_ADMITTED, type RankingRow } from '@konkurs/shared';
import type { Tx } from '../db/client.js';
import { applications, assignments, organizations, reviews } from '../db/schema/index.js';
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

/** Every application that passed screening, in ranking order with its rank (1, 2, …). */
export async function rankedApplications(tx: Tx, competitionId: string): Promise<RankedApplication[]> {
  const rows = await tx.select({
    applicationId: applications.id, number: applications.number, title: applications.title, organizationId: applications.organizationId,
    organization: organizations.fullName, finalScore: applications.finalScore, divergent: applications.divergent, status: applications.status,
    requestedKopecks: applications.requestedKopecks, submittedAt: applications.submittedAt,
  }).from(applications).innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.competitionId, competitionId), inArray(applications.status, [...COUNTED_AS_ADMITTED])));
  return rankOrder(rows).map((r, i) => ({ ...r, rank: i + 1 }));
}

/** Submitted review totals of the competition, earliest first. */
function submittedTotals(tx: Tx, competitionId: string) {
  return tx.select({ applicationId: reviews.applicationId, expertId: reviews.expertId, total: reviews.total })
    .from(reviews).innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .where(and(eq(assignments.competitionId, competitionId), eq(reviews.status, 'submitted')))
    .orderBy(asc(reviews.submittedAt), asc(reviews.id));
}

export async function competitionRanking(tx: Tx, competitionId: string): Promise<RankingRow[]> {
  const [ranked, totals] = await Promise.all([
    rankedApplications(tx, competitionId),
    submittedTotals(tx, competitionId),
  ]);
  const scored = totals.filter((r) => r.total !== null).map((r) => ({ applicationId: r.applicationId, expertId: r.expertId, total: r.total! }));
  const normalized = normalizedScores(scored);
  const byApp = new Map<string, { expertId: string; total: number }[]>();
  for (const r of scored) {
    const list = byApp.get(r.applicationId);
    if (list) list.push({ expertId: r.expertId, total: r.total }); else byApp.set(r.applicationId, [{ expertId: r.expertId, total: r.total }]);
  }
  return ranked.map((r) => ({
    rank: r.rank, applicationId: r.applicationId, number: r.number, title: r.title, organization: r.organization, organizationId: r.organizationId,
    finalScore: r.finalScore,
    // Shown beside the raw score, and only once there is one.
    normalizedScore: r.finalScore === null ? null : (normalized.get(r.applicationId) ?? null),
    reviews: byApp.get(r.applicationId) ?? [], divergent: r.divergent, status: r.status, requestedKopecks: r.requestedKopecks,
    submittedAt: r.submittedAt?.toISOString() ?? null,
  }));
}

/** The ranking as the award allocation reads it: only reviewed applications can win. */
export function awardCandidates(ranked: readonly RankedApplication[]): AwardCandidate[] {
  return ranked.map((r) => ({
    applicationId: r.applicationId, rank: r.rank, organizationId: r.organizationId, requestedKopecks: r.requestedKopecks,
    finalScore: r.status === 'reviewed' ? r.finalScore : null,
  }));
}
