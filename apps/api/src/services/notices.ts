// What each event of an application's way from submission to results tells, and whom: called by the use cases in their transactions, after the state
// change (services/notifications.ts writes them). Each notice names only what its recipients may see: an expert's
// notice names their own assignment (never the other experts), an applicant's never names an expert, an organiser
// hears of their own operator's competitions only.
import type { Tx } from '../db/client.js';
import type { competitions } from '../db/schema/index.js';
import { applicationsWithResults, reviewWorkLeft } from '../queries/notifications.js';
import type { ReportWithContext } from '../queries/reports.js';
import { notify, notifyEach } from './notifications.js';

type CompetitionRow = typeof competitions.$inferSelect;
type Competition = Pick<CompetitionRow, 'id' | 'title' | 'timezone'>;

/** The SPA's pages the notices open. */
export const links = {
  application: (id: string) => `/applicant/applications/${id}`,
  assignment: (id: string) => `/expert/assignments/${id}`,
  workspace: (competitionId: string, tab?: 'screening' | 'experts' | 'ranking' | 'awards') => `/organiser/competitions/${competitionId}${tab ? `/${tab}` : ''}`,
  /** The applicant's report page. */
  report: (applicationId: string, reportId: string) => `/applicant/applications/${applicationId}/reports/${reportId}`,
  /** The organiser's review of a report. */
  reportReview: (reportId: string) => `/organiser/reports/${reportId}`,
};

/** The receipt of a submission, to every active member of the organisation. */
export async function tellSubmitted(tx: Tx, comp: Competition, app: { id: string; number: string; title: string | null; organizationId: string }, at: Date): Promise<void> {
  await notify(tx, {
    kind: 'application-submitted', recipients: { members: app.organizationId }, timezone: comp.timezone,
    params: { number: app.number, title: app.title ?? '', competitionTitle: comp.title, submittedAt: at.toISOString() },
    link: links.application(app.id), object: { type: 'application', id: app.id },
  }, at);
}

/** The screening decision (and its reason), to every active member of the organisation. */
export async function tellScreened(tx: Tx, comp: Pick<CompetitionRow, 'timezone'>, app: { id: string; number: string; title: string | null; organizationId: string },
  decision: 'admit' | 'reject', reason: string | null, at: Date): Promise<void> {
  await notify(tx, {
    kind: 'screening-decision', recipients: { members: app.organizationId }, timezone: comp.timezone,
    params: { number: app.number, title: app.title ?? '', decision, reason },
    link: links.application(app.id), object: { type: 'application', id: app.id },
  }, at);
}

/**
 * Each expert hears of each new assignment of theirs (one notice per assignment), all of them in one statement
 * however large the round.
 */
export async function tellAssigned(tx: Tx, comp: Competition, created: readonly { id: string; applicationId: string; expertId: string }[],
  numberOf: (applicationId: string) => string, dueAt: Date, at: Date): Promise<void> {
  if (!created.length) return;
  await notifyEach(tx, 'assignment-created', created.map((a) => ({
    to: { user: a.expertId }, link: links.assignment(a.id), object: { type: 'assignment', id: a.id },
    params: { number: numberOf(a.applicationId), competitionTitle: comp.title, dueAt: dueAt.toISOString() },
  })), at, comp.timezone);
}

/** The competition's organisers hear that an expert declined an application with a conflict of interest. */
export async function tellConflict(tx: Tx, comp: Competition & Pick<CompetitionRow, 'operatorId'>, app: { id: string; number: string },
  expertName: string, at: Date): Promise<void> {
  await notify(tx, {
    kind: 'conflict-declared', recipients: { organisers: comp.operatorId }, timezone: comp.timezone,
    params: { number: app.number, competitionTitle: comp.title, expertName },
    link: links.workspace(comp.id, 'experts'), object: { type: 'application', id: app.id },
  }, at);
}

/**
 * Once no review work is left in the competition (no open assignment, no application short of its review), its
 * organisers hear that every review is in: once per organiser and competition, whoever submits last.
 */
export async function tellIfReviewsCompleted(tx: Tx, comp: Competition & Pick<CompetitionRow, 'operatorId' | 'code'>, at: Date): Promise<void> {
  const left = await reviewWorkLeft(tx, comp.id);
  if (left.open > 0 || left.waiting > 0 || left.submitted === 0) return;
  await notify(tx, {
    kind: 'reviews-completed', recipients: { organisers: comp.operatorId }, timezone: comp.timezone,
    params: { competitionTitle: comp.title, competitionCode: comp.code, count: left.submitted },
    link: links.workspace(comp.id, 'ranking'), object: { type: 'competition', id: comp.id }, oncePer: `reviews-completed:${comp.id}`,
  }, at);
}

/** Published results: the members of every application that reached screening hear its outcome (and the award). */
export async function tellResults(tx: Tx, comp: Competition, at: Date): Promise<void> {
  const apps = await applicationsWithResults(tx, comp.id);
  await notifyEach(tx, 'results-published', apps.map((a) => ({
    to: { members: a.organizationId }, link: links.application(a.id), object: { type: 'application', id: a.id },
    params: {
      number: a.number, title: a.title ?? '', competitionTitle: comp.title, outcome: a.status,
      ...(a.status === 'winner' && a.awardedKopecks !== null ? { awardedKopecks: a.awardedKopecks } : {}),
    },
  })), at, comp.timezone);
}

/** A submitted report, to its competition's operator's organisers (awaiting their review). */
export async function tellReportSubmitted(tx: Tx, r: ReportWithContext, at: Date): Promise<void> {
  await notify(tx, {
    kind: 'report-submitted', recipients: { organisers: r.operatorId }, timezone: r.timezone,
    params: { number: r.applicationNumber, title: r.applicationTitle ?? '', kind: r.report.kind, organizationName: r.organizationName, competitionTitle: r.competitionTitle },
    link: links.reportReview(r.report.id), object: { type: 'report', id: r.report.id },
  }, at);
}

/** The organiser's decision on a report, to every active member of the organisation. */
export async function tellReportReviewed(tx: Tx, r: ReportWithContext, decision: 'accept' | 'return', at: Date): Promise<void> {
  await notify(tx, {
    kind: decision === 'accept' ? 'report-accepted' : 'report-returned', recipients: { members: r.report.organizationId }, timezone: r.timezone,
    params: { number: r.applicationNumber, title: r.applicationTitle ?? '', kind: r.report.kind },
    link: links.report(r.report.applicationId, r.report.id), object: { type: 'report', id: r.report.id },
  }, at);
}
