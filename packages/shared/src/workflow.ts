// The workflow, declared once for the API and the SPA: every lifecycle's statuses and moves (who may make
// each), the status sets other rules ask about, and what may change in a competition at each stage.
// The server refuses what these say no to; a screen greys out exactly what the server would refuse.
import type { ApplicationStatus, AssignmentStatus, CompetitionStatus, ReportStatus, ReviewStatus, Role } from './enums.js';

export type Actor = Role | 'system';
export interface Move<S> { readonly from: readonly S[]; readonly to: S; readonly by: readonly Actor[] }

export const APPLICATION_MOVES: readonly Move<ApplicationStatus>[] = [
  { from: ['draft'], to: 'submitted', by: ['applicant'] },
  { from: ['draft', 'submitted', 'admitted'], to: 'withdrawn', by: ['applicant'] },
  // The admin may do what an organiser does (every organiser route admits the admin too).
  { from: ['submitted'], to: 'admitted', by: ['organiser', 'admin'] },
  { from: ['submitted'], to: 'rejected', by: ['organiser', 'admin'] },
  { from: ['admitted'], to: 'under_review', by: ['organiser', 'admin', 'system'] },
  { from: ['under_review'], to: 'reviewed', by: ['expert', 'organiser', 'admin', 'system'] },
  { from: ['reviewed'], to: 'winner', by: ['organiser', 'admin'] },
  { from: ['admitted', 'under_review', 'reviewed'], to: 'not_supported', by: ['organiser', 'admin'] },
];

export const COMPETITION_MOVES: readonly Move<CompetitionStatus>[] = [
  { from: ['draft'], to: 'open', by: ['organiser', 'admin'] },
  { from: ['open'], to: 'review', by: ['organiser', 'admin'] },
  { from: ['review'], to: 'decided', by: ['organiser', 'admin'] },
  { from: ['decided'], to: 'published', by: ['organiser', 'admin'] },
  { from: ['published'], to: 'archived', by: ['organiser', 'admin'] },
];

/** An assignment is declined by its expert (a conflict of interest) or completed by the review's submission. */
export const ASSIGNMENT_MOVES: readonly Move<AssignmentStatus>[] = [
  { from: ['assigned'], to: 'declined', by: ['expert'] },
  { from: ['assigned'], to: 'submitted', by: ['expert'] },
];

/** A review is a draft until its expert submits it once; a submitted review is final. */
export const REVIEW_MOVES: readonly Move<ReviewStatus>[] = [
  { from: ['draft'], to: 'submitted', by: ['expert'] },
];

/**
 * A grant report (PRODUCT.md "After the award"): `due` until a member first saves it, then a draft; submitted to the
 * organiser, who accepts it (final) or returns it with comments; a returned report is edited (it stays `returned`,
 * so the comments stay beside the fields) and submitted again.
 */
export const REPORT_MOVES: readonly Move<ReportStatus>[] = [
  { from: ['due'], to: 'draft', by: ['applicant'] },
  { from: ['due', 'draft', 'returned'], to: 'submitted', by: ['applicant'] },
  { from: ['submitted'], to: 'accepted', by: ['organiser', 'admin'] },
  { from: ['submitted'], to: 'returned', by: ['organiser', 'admin'] },
];

export function canMove<S>(moves: readonly Move<S>[], from: S, to: S, by: Actor): boolean {
  return moves.some((m) => m.to === to && m.from.includes(from) && m.by.includes(by));
}

/** The statuses an application may be moved to from `from` by `by` (what a screen offers). */
export function movesFrom<S>(moves: readonly Move<S>[], from: S, by: Actor): S[] {
  return moves.filter((m) => m.from.includes(from) && m.by.includes(by)).map((m) => m.to);
}

// ---- Status sets: the questions other rules ask. ----

/** Statuses in which an application counts as submitted for totals (rejected ones count). */
export const COUNTED_AS_SUBMITTED: readonly ApplicationStatus[] = [
  'submitted', 'admitted', 'rejected', 'under_review', 'reviewed', 'winner', 'not_supported',
];
/** Statuses reached only by passing screening. */
export const COUNTED_AS_ADMITTED: readonly ApplicationStatus[] = ['admitted', 'under_review', 'reviewed', 'winner', 'not_supported'];
/** Statuses from which the applicant may withdraw (before any decision). */
export const WITHDRAWABLE: readonly ApplicationStatus[] = APPLICATION_MOVES.find((m) => m.to === 'withdrawn')!.from;
/**
 * Statuses in which an application may be given (another) expert. Not once reviewed: its final score is taken,
 * and a later review would never count.
 */
export const ASSIGNABLE: readonly ApplicationStatus[] = ['admitted', 'under_review'];
/** Statuses that carry the competition's decision: the applicant reads results (scores, comments) in them. */
export const DECIDED_APPLICATION: readonly ApplicationStatus[] = ['winner', 'not_supported'];
/** Statuses in which the organisation may delete its application outright (nobody else has seen it). */
export const DELETABLE: readonly ApplicationStatus[] = ['draft'];
/** Statuses in which the organisation may hide its application from its list (and show it again). */
export const HIDEABLE: readonly ApplicationStatus[] = ['withdrawn'];
/** Statuses a screening decision is taken in. */
export const SCREENABLE: readonly ApplicationStatus[] = ['submitted'];

/** Reports the organisation edits (autosave, documents). */
export const REPORT_EDITABLE: readonly ReportStatus[] = ['due', 'draft', 'returned'];
/** Reports still owed by the organisation: overdue once their dueAt has passed. */
export const REPORT_OWED: readonly ReportStatus[] = ['due', 'draft', 'returned'];
export const isReportEditable = (s: ReportStatus) => REPORT_EDITABLE.includes(s);
/** A report is overdue when it is still owed after its deadline (judged by the server's clock). */
export function isReportOverdue(r: { status: ReportStatus; dueAt: Date | string }, now: Date | number): boolean {
  const t = typeof now === 'number' ? now : now.getTime();
  return REPORT_OWED.includes(r.status) && new Date(r.dueAt).getTime() < t;
}

/** Competitions the public sees in the list. */
export const PUBLICLY_LISTED: readonly CompetitionStatus[] = ['open', 'published'];
/** Competitions whose results (winners registry, applicants' scores and comments) are public. */
export const RESULTS_PUBLIC: readonly CompetitionStatus[] = ['published', 'archived'];
/** Competitions whose awards have been decided (the proposal is closed). */
export const AWARDS_DECIDED: readonly CompetitionStatus[] = ['decided', 'published', 'archived'];

export const isWithdrawable = (s: ApplicationStatus) => WITHDRAWABLE.includes(s);
export const isAssignable = (s: ApplicationStatus) => ASSIGNABLE.includes(s);
export const isDeletable = (s: ApplicationStatus) => DELETABLE.includes(s);
export const isHideable = (s: ApplicationStatus) => HIDEABLE.includes(s);
export const hasResults = (s: ApplicationStatus) => DECIDED_APPLICATION.includes(s);
export const resultsArePublic = (s: CompetitionStatus) => RESULTS_PUBLIC.includes(s);
export const awardsDecided = (s: CompetitionStatus) => AWARDS_DECIDED.includes(s);

/** Applications are accepted while the competition is open and opensAt ≤ now < closesAt (the server's clock decides). */
export function acceptsApplications(c: { status: CompetitionStatus; opensAt: Date | string; closesAt: Date | string }, now: Date | number): boolean {
  const t = typeof now === 'number' ? now : now.getTime();
  return c.status === 'open' && new Date(c.opensAt).getTime() <= t && t < new Date(c.closesAt).getTime();
}

/** An award's amount: the organiser may only lower what the application requests, never to nothing. */
export function isAllowedAwardAmount(amountKopecks: number, requestedKopecks: number): boolean {
  return Number.isInteger(amountKopecks) && amountKopecks >= 1 && amountKopecks <= requestedKopecks;
}

// ---- Who does what. ----

/** Roles that belong to an operator (an expert may, to be pooled by its organisers); the first two must. */
export const OPERATOR_ROLES: readonly Role[] = ['organiser', 'official', 'expert'];
export const OPERATOR_REQUIRED_ROLES: readonly Role[] = ['organiser', 'official'];
/** Who reads totals, dashboards and report exports. */
export const FIGURES_ROLES = ['official', 'organiser', 'admin'] as const satisfies readonly Role[];
/** What an audit event can be about. */
export const AUDIT_ENTITY_TYPES = ['application', 'assignment', 'competition', 'operator', 'organization', 'report', 'review', 'user'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

// ---- What may change in a competition at each stage. ----

/** Every setting of a competition an organiser edits (the fields of `updateCompetitionBody` but `version`). */
export const COMPETITION_FIELDS = [
  'code', 'title', 'description', 'directionCodes', 'regionCodes', 'opensAt', 'closesAt', 'timezone',
  'budgetKopecks', 'minGrantKopecks', 'maxGrantKopecks', 'maxProjectMonths', 'minCofinancingPercent',
  'reviewersPerApplication', 'divergenceThreshold', 'passMark', 'oneWinPerOrganization',
  'maxApplicationsPerOrganization', 'requiredAttachmentKinds', 'criteria',
] as const;
export type CompetitionField = (typeof COMPETITION_FIELDS)[number];

/**
 * Once a competition is open, applicants rely on its rules: directions, regions, dates, grant bounds, co-financing,
 * limits, required documents and criteria are frozen. What stays editable:
 * - texts (title, description) at every stage but the archive;
 * - the closing time while open, but only later (an extension never cuts anyone off);
 * - the budget and the pass mark until awards are decided (a committee sets them during review);
 * - the review settings (reviewers per application, divergence threshold) until the review starts.
 */
export const EDITABLE_FIELDS: Record<CompetitionStatus, readonly CompetitionField[]> = {
  draft: COMPETITION_FIELDS,
  open: ['title', 'description', 'closesAt', 'budgetKopecks', 'passMark', 'reviewersPerApplication', 'divergenceThreshold'],
  review: ['title', 'description', 'budgetKopecks', 'passMark'],
  decided: ['title', 'description'],
  published: ['title', 'description'],
  archived: [],
};

/** Whether a competition in this status accepts a change of this field (the editor enables exactly these). */
export const isEditable = (status: CompetitionStatus, field: CompetitionField) => EDITABLE_FIELDS[status].includes(field);

/** While open the closing time may only move later (the server also refuses one in the past). */
export const CLOSING_ONLY_LATER: readonly CompetitionStatus[] = ['open'];

// ---- What makes a review complete. ----

export interface CriterionRule { code: string; commentRequired: boolean }
export interface ScoreState { criterionCode: string; score: number | null | undefined; comment?: string | null }
export interface RuleIssue { path: string; code: string; params?: Record<string, string | number> }

/** What keeps a review from being submitted, all at once: `scores.<criterion>.score` / `.comment`. */
export function reviewCompletenessIssues(scores: readonly ScoreState[], criteria: readonly CriterionRule[]): RuleIssue[] {
  const byCode = new Map(scores.map((s) => [s.criterionCode, s]));
  const issues: RuleIssue[] = [];
  for (const c of criteria) {
    const s = byCode.get(c.code);
    if (s?.score === null || s?.score === undefined) issues.push({ path: `scores.${c.code}.score`, code: 'score-required' });
    if (c.commentRequired && !s?.comment?.trim()) issues.push({ path: `scores.${c.code}.comment`, code: 'comment-required' });
  }
  return issues;
}
