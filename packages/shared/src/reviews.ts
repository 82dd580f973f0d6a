import { z } from 'zod';
import { APPLICATION_STATUSES, ASSIGNMENT_STATUSES, AWARD_MODES, REVIEW_STATUSES, type ApplicationStatus } from './enums.js';
import { id, instant, kopecks, page, version } from './common.js';
import { WINNER_REPORT_STATUSES } from './open-data.js';

export const assignment = z.object({
  id,
  applicationId: id,
  applicationNumber: z.string(),
  applicationTitle: z.string().nullable(),
  competitionId: id,
  expertId: id,
  status: z.enum(ASSIGNMENT_STATUSES),
  dueAt: z.string().nullable(),
  isExtra: z.boolean(),
  declineReason: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignment>;
/**
 * An assignment as its expert reads it: without `isExtra`. Being the extra expert says that the first reviews differed
 * by more than the threshold, a hint at scores the expert must never see (blind review): they would score toward the
 * middle. The organiser's lists keep the flag.
 */
export const expertAssignment = assignment.omit({ isExtra: true });
export type ExpertAssignment = z.infer<typeof expertAssignment>;

export const manualAssignmentBody = z.object({ applicationId: id, expertId: id, dueAt: instant.optional() });
/** Optional: when the reviews are due (default: a fixed review period from now). */
export const autoAssignBody = z.object({ dueAt: instant.optional() });
export const declineBody = z.object({ reason: z.string().trim().min(1).max(2000) });
export const declineResult = z.object({ id, status: z.literal('declined'), replaced: z.boolean() });
export const assignmentsQuery = z.object({
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
export const competitionAssignmentsQuery = assignmentsQuery.extend({ expertId: id.optional(), applicationId: id.optional() });

/** A member of a competition's expert pool, with the work already given to them in it. */
export const poolExpert = z.object({
  expertId: id,
  fullName: z.string(),
  email: z.string(),
  directions: z.array(z.string()),
  regionCode: z.string().nullable(),
  active: z.boolean(),
  /** Assignments in this competition that are not declined. */
  load: z.number().int(),
  submitted: z.number().int(),
});
export type PoolExpert = z.infer<typeof poolExpert>;
export const poolQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export const screeningResult = z.object({ id, number: z.string(), status: z.enum(['admitted', 'rejected']), screeningReason: z.string().nullable() });
export const reviewSubmitResult = z.object({ total: z.number() });

export const autoAssignResult = z.object({
  created: z.number().int(),
  /** Applications left short: why, as a message code with its parameters, and that sentence in the caller's language. */
  unassigned: z.array(z.object({
    applicationId: id,
    code: z.enum(['pool-empty', 'no-eligible-expert']),
    params: z.record(z.string(), z.number()),
    reason: z.string(),
  })),
});

export const scoreInput = z.object({
  criterionCode: z.string().min(1).max(20),
  score: z.number().int().min(0).max(100).nullable().optional(),
  comment: z.string().max(5000).optional().default(''),
});
export const reviewBody = z.object({
  version: version.optional(),
  scores: z.array(scoreInput).max(50),
  comment: z.string().max(10000).optional().default(''),
});
export const review = z.object({
  id: id.nullable(),
  assignmentId: id,
  status: z.enum(REVIEW_STATUSES),
  version: z.number(),
  scores: z.array(z.object({ criterionCode: z.string(), score: z.number().nullable(), comment: z.string() })),
  comment: z.string(),
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
});
export type Review = z.infer<typeof review>;

/**
 * The statuses in which an application that passed screening still waits for a review (the extra expert's
 * included): it is unranked, and no award decision is taken while any is left (PRODUCT.md "Awards").
 */
export const AWAITING_REVIEW: readonly ApplicationStatus[] = ['admitted', 'under_review'];
export const awaitsReview = (s: ApplicationStatus) => AWAITING_REVIEW.includes(s);

/** Whether the one extra expert (divergence) was added to an application, and whether their review is in. */
export const EXTRA_EXPERT_STATES = ['assigned', 'reviewed'] as const;
export type ExtraExpertState = (typeof EXTRA_EXPERT_STATES)[number];

export const rankingRow = z.object({
  /** 1..n over the reviewed applications; null for those still waiting for a review. */
  rank: z.number().int().nullable().describe('1..n over the reviewed applications; null while waiting for a review'),
  applicationId: id,
  number: z.string(),
  title: z.string().nullable(),
  organization: z.string(),
  organizationId: id,
  finalScore: z.number().nullable(),
  normalizedScore: z.number().nullable(),
  reviews: z.array(z.object({ expertId: id, total: z.number() })),
  /** The fact: highest minus lowest submitted total exceeds the competition's threshold (extra expert or not). */
  divergent: z.boolean().describe('Highest minus lowest submitted total exceeds the competition\'s divergence threshold (whether or not an extra expert was added)'),
  extraExpert: z.enum(EXTRA_EXPERT_STATES).nullable().describe('null: no extra expert; assigned: their review is pending; reviewed: it is in'),
  /** Admitted or under review: a review is still awaited (the extra expert's included). */
  waiting: z.boolean().describe('Admitted or under review: listed after the ranked rows, unranked'),
  status: z.string(),
  requestedKopecks: z.number(),
  submittedAt: z.string().nullable(),
});
export type RankingRow = z.infer<typeof rankingRow>;

export const awardBody = z.object({
  mode: z.enum(AWARD_MODES).default('stop'),
  overrides: z.array(z.object({ applicationId: id, amountKopecks: kopecks })).max(20000).optional(),
});
export const awardProposal = z.object({
  budgetKopecks: z.number(),
  allocatedKopecks: z.number(),
  remainingKopecks: z.number(),
  awards: z.array(z.object({ applicationId: id, rank: z.number().int(), amountKopecks: z.number() })),
  /** Applications still waiting for a review (the extra expert's included): while any is listed, confirmation is refused (409). */
  waiting: z.array(z.object({ applicationId: id, number: z.string(), title: z.string().nullable() }))
    .describe('Applications still waiting for a review (the extra expert\'s included); while any is listed, POST /competitions/{id}/awards answers 409 reviews-pending'),
});
export type AwardProposal = z.infer<typeof awardProposal>;

/** Why the award allocation passed over an application (domain/awards.ts), kept with the decision. */
export const NOT_SUPPORTED_REASONS = ['below-pass-mark', 'organization-won', 'budget-exhausted', 'not-reviewed'] as const;
export type NotSupportedReason = (typeof NOT_SUPPORTED_REASONS)[number];

export const applicantResults = z.object({
  finalScore: z.number().nullable(),
  rank: z.number().int().nullable(),
  status: z.string(),
  awardedKopecks: z.number().nullable(),
  /** Why a not supported application was passed over (recorded when the awards were confirmed); null otherwise. */
  reason: z.enum(NOT_SUPPORTED_REASONS).nullable().describe('Why a not supported application was passed over; null otherwise'),
  reviews: z.array(z.object({
    expert: z.string(),
    total: z.number(),
    scores: z.array(z.object({ criterionCode: z.string(), score: z.number(), comment: z.string() })),
    comment: z.string(),
  })),
});

export const registryItem = z.object({
  applicationId: id,
  number: z.string(),
  title: z.string().nullable(),
  organization: z.string(),
  inn: z.string(),
  regionCode: z.string(),
  directionCode: z.string().nullable(),
  amountKopecks: kopecks,
  finalScore: z.number().nullable(),
  /** How the winner's reporting stands (open-data.ts WINNER_REPORT_STATUSES). */
  reportStatus: z.enum(WINNER_REPORT_STATUSES),
});

// ---- Responses of the review-to-award path: the routes reply with these, the SPA's types are inferred from them. ----
export type DeclineResult = z.infer<typeof declineResult>;
export type ReviewSubmitResult = z.infer<typeof reviewSubmitResult>;
export type AutoAssignResult = z.infer<typeof autoAssignResult>;
// The bodies as the server has parsed them (defaults applied).
export type ManualAssignmentBody = z.infer<typeof manualAssignmentBody>;
export type AutoAssignBody = z.infer<typeof autoAssignBody>;
export type DeclineBody = z.infer<typeof declineBody>;
export type ReviewBody = z.infer<typeof reviewBody>;
export type AwardBody = z.infer<typeof awardBody>;

export const poolMemberParams = z.object({ id, expertId: id });
export const poolAddResult = z.object({ added: z.number().int(), poolSize: z.number().int() });
export type PoolAddResult = z.infer<typeof poolAddResult>;

/** How the ranking can be ordered (`-` first: descending); waiting applications always come after the ranked ones. */
export const RANKING_SORTS = [
  'rank', '-rank', 'number', '-number', 'title', '-title', 'organization', '-organization', 'finalScore', '-finalScore',
  'normalizedScore', '-normalizedScore', 'requestedKopecks', '-requestedKopecks',
] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export const rankingQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(500).optional(),
  sort: z.enum(RANKING_SORTS).default('rank'),
  status: z.enum(APPLICATION_STATUSES).optional(),
  /** `true`: only the divergent applications (the fact); `false`: only the others. */
  divergent: z.enum(['true', 'false']).optional(),
  /** Part of the number, the title or the organisation's name (any case). */
  q: z.string().trim().max(200).optional(),
});
export type RankingQuery = z.infer<typeof rankingQuery>;

/** The ranking, a page at a time (API.md): ranked rows first, then the waiting ones. */
export const ranking = page(rankingRow);
export type RankingPage = z.infer<typeof ranking>;

export type ApplicantResults = z.infer<typeof applicantResults>;
export type RegistryItem = z.infer<typeof registryItem>;
export const winnersRegistry = z.object({ items: z.array(registryItem) });
export type WinnersRegistry = z.infer<typeof winnersRegistry>;
