// After the award (PRODUCT.md "After the award"): a winner's reports. The schedule is written when the results are
// published; the organisation writes each report like a draft (versioned autosave), submits it (every problem at
// once), and the organiser accepts it or returns it with comments per field. Status moves go through
// services/transitions.ts (transitionReport), are audited and notify.
import {
  budgetLineTotal, canMove, isReportEditable, isReportOverdue, REPORT_MOVES, RESULTS_PUBLIC,
  type CompetitionReportsQuery, type CompetitionStatus, type DraftFields, type Report, type ReportFields, type ReportPlan, type ReportSchedule,
  type ReportPage, type ReportSummary, type ReviewReportBody, type UpdateReportBody,
} from '@konkurs/shared';
import type { Db, Tx } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import type { CompetitionRow } from '../queries/competitions.js';
import { conflict, DomainError, fieldInvalid, notFound, staleVersion } from '../domain/errors.js';
import { isReportPath, reportProblems } from '../domain/report-rules.js';
import { cursorList, decodeCursor, pageOf } from '../lib/cursor.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import {
  attachmentsOfReport, competitionReportCounts, competitionReports, mayReadApplicationReports, decideReportRound, FINAL_REPORT_DAYS, findReport, insertReportRound, insertReportSchedules, mergedContent,
  reportsOfApplication, roundsOfReport, setInterimDates, spentSums, writeReportContent, type ReportWithContext,
} from '../queries/reports.js';
import { recordAudit } from './audit-log.js';
import { transitionReport } from './transitions.js';
import { tellReportReviewed, tellReportSubmitted } from './notices.js';

/** Writes every winner's report schedule of a competition being published (in the publishing transaction); answers how many reports. */
export async function createReportSchedules(tx: Tx, comp: Pick<CompetitionRow, 'id'>, now: Date): Promise<number> {
  return insertReportSchedules(tx, comp.id, now);
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toSummary(r: ReportWithContext, now: Date): ReportSummary {
  const x = r.report;
  return {
    id: x.id, applicationId: x.applicationId, applicationNumber: r.applicationNumber, applicationTitle: r.applicationTitle,
    organizationName: r.organizationName, regionCode: r.regionCode, competitionId: x.competitionId, kind: x.kind, seq: x.seq,
    dueAt: x.dueAt.toISOString(), status: x.status, overdue: isReportOverdue(x, now), version: x.version,
    submittedAt: x.submittedAt?.toISOString() ?? null, acceptedAt: x.acceptedAt?.toISOString() ?? null,
    grantSpentKopecks: x.grantSpentKopecks, cofinancingSpentKopecks: x.cofinancingSpentKopecks, updatedAt: x.updatedAt.toISOString(),
  };
}

/** What a report is measured against: the application's plan and budget as submitted, and the award. */
export function planOf(content: DraftFields, awardedKopecks: number | null): ReportPlan {
  return {
    startDate: content.startDate ?? null,
    endDate: content.endDate ?? null,
    awardedKopecks: awardedKopecks ?? 0,
    calendarPlan: (content.calendarPlan ?? []).map((e) => ({
      title: e.title ?? null, startDate: e.startDate ?? null, endDate: e.endDate ?? null, expectedResult: e.expectedResult ?? null,
    })),
    budget: (content.budget ?? []).map((l) => {
      const totalKopecks = budgetLineTotal(l);
      const cofinancingKopecks = l.cofinancingKopecks ?? 0;
      return { category: l.category ?? null, item: l.item ?? null, totalKopecks, cofinancingKopecks, grantKopecks: Math.max(0, totalKopecks - cofinancingKopecks) };
    }),
  };
}

async function toReport(db: Db | Tx, r: ReportWithContext, now: Date): Promise<Report> {
  const x = r.report;
  const c = x.content;
  const [rounds, files] = await Promise.all([roundsOfReport(db, x.id), attachmentsOfReport(db, x.id)]);
  return {
    ...toSummary(r, now),
    events: c.events ?? null, spending: c.spending ?? null, narrative: c.narrative ?? null, links: c.links ?? null, cofinancingNote: c.cofinancingNote ?? null,
    competitionTitle: r.competitionTitle, timezone: r.timezone,
    plan: planOf(r.applicationContent, r.awardedKopecks),
    attachments: files.map((f) => ({
      id: f.id, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, sha256: f.sha256, createdAt: f.createdAt.toISOString(), budgetIndex: f.budgetIndex,
    })),
    comment: x.reviewComment, fieldComments: x.fieldComments,
    history: rounds.map((h) => ({
      round: h.round, version: h.version, submittedAt: iso(h.submittedAt), submittedBy: h.submittedBy, content: h.content, decision: h.decision,
      comment: h.comment, fieldComments: h.fieldComments ?? [], reviewedAt: h.reviewedAt ? iso(h.reviewedAt) : null, reviewedBy: h.reviewedBy,
    })),
  };
}

async function visibleReport(db: Db | Tx, actor: AuthUser, id: string, options: { lock?: boolean } = {}): Promise<ReportWithContext> {
  const r = await findReport(db, actor, id, options);
  if (!r) throw notFound('report');
  return r;
}

/** The reports of an application (its organisation's members, its operator's organisers); 404 otherwise. */
export async function applicationReports(db: Db, actor: AuthUser, applicationId: string, now: Date): Promise<ReportSummary[]> {
  const rows = await reportsOfApplication(db, actor, applicationId);
  if (!rows.length && !(await mayReadApplicationReports(db, actor, applicationId))) throw notFound('application');
  return rows.map((r) => toSummary(r, now));
}

export async function readReport(db: Db, actor: AuthUser, id: string, now: Date): Promise<Report> {
  return toReport(db, await visibleReport(db, actor, id), now);
}

const who = (actor: AuthUser) => ({ id: actor.id, role: actor.role });
const notEditable = (r: ReportWithContext) => conflict('report-not-editable', { number: r.applicationNumber, status: r.report.status });

/**
 * The autosave of a report, from the version the writer had. While the report is a draft (or returned) it is one
 * UPDATE guarded by the version and the status, not audited (as a draft's autosave); the first save of a `due`
 * report starts it (due → draft, audited). Each field named replaces the stored one.
 * 412 on a stale version (with the current one), 409 once submitted or accepted.
 */
export async function saveReport(db: Db, actor: AuthUser, id: string, body: UpdateReportBody, now: Date): Promise<Report> {
  const { version, ...patch } = body;
  const fields = patch as ReportFields;
  const sums = 'spending' in fields ? spentSums(fields) : {};
  if (actor.role !== 'applicant') throw notFound('report');
  const current = await visibleReport(db, actor, id);
  if (current.report.status !== 'due' && await writeReportContent(db, id, version, fields, sums, now)) return readReport(db, actor, id, now);
  await db.transaction(async (tx) => {
    const r = await visibleReport(tx, actor, id, { lock: true });
    if (!isReportEditable(r.report.status)) throw notEditable(r);
    if (r.report.version !== version) throw staleVersion(r.report.version);
    if (r.report.status !== 'due') {
      // Someone started it between the first read and the lock: the guarded UPDATE now applies.
      if (!(await writeReportContent(tx, id, version, fields, sums, now))) throw staleVersion(r.report.version);
      return;
    }
    await transitionReport(tx, r.report, 'draft', who(actor), now, {
      number: r.applicationNumber, operatorId: r.operatorId,
      set: { content: mergedContent(fields), version: version + 1, ...sums },
    });
  });
  return readReport(db, actor, id, now);
}

/**
 * Submits a report: the row is locked (parallel submits queue; the next finds it submitted: 409), every problem is
 * listed at once (422), the round is written with a snapshot of what was submitted, the organisers are told.
 */
export async function submitReport(db: Db, actor: AuthUser, id: string, now: Date): Promise<Report> {
  await db.transaction(async (tx) => {
    if (actor.role !== 'applicant') throw notFound('report');
    const r = await visibleReport(tx, actor, id, { lock: true });
    if (!canMove(REPORT_MOVES, r.report.status, 'submitted', actor.role)) {
      throw conflict('wrong-status', { entity: 'report', number: r.applicationNumber, from: r.report.status, to: 'submitted' });
    }
    const problems = reportProblems(r.report.content, planOf(r.applicationContent, r.awardedKopecks), r.awardedKopecks ?? 0);
    if (problems.length) throw new DomainError('unprocessable', 'rule-check-failed', { count: problems.length }, problems);
    const round = await insertReportRound(tx, r.report, actor.id, now);
    // Before the move, whose audit event holds the chain's lock until COMMIT.
    await tellReportSubmitted(tx, r, now);
    await transitionReport(tx, r.report, 'submitted', who(actor), now, {
      number: r.applicationNumber, operatorId: r.operatorId, set: { submittedAt: now, version: r.report.version + 1 }, detail: { round },
    });
  });
  return readReport(db, actor, id, now);
}

/**
 * The organiser accepts the submitted report or returns it with a comment and comments per field (each naming a
 * field of this report); the decision goes on the round too, and the organisation's members are told.
 */
export async function reviewReport(db: Db, actor: AuthUser, id: string, body: ReviewReportBody, now: Date): Promise<Report> {
  await db.transaction(async (tx) => {
    const r = await visibleReport(tx, actor, id, { lock: true });
    const to = body.decision === 'accept' ? 'accepted' : 'returned';
    if (!canMove(REPORT_MOVES, r.report.status, to, actor.role)) {
      throw conflict('wrong-status', { entity: 'report', number: r.applicationNumber, from: r.report.status, to });
    }
    const plan = planOf(r.applicationContent, r.awardedKopecks);
    const fieldComments = (body.fieldComments ?? []).map((f) => ({ path: f.path, comment: f.comment.trim() }));
    fieldComments.forEach((f, i) => {
      if (!isReportPath(f.path, plan, r.report.content)) throw fieldInvalid(`fieldComments.${i}.path`, 'no-such-report-field', { path: f.path });
    });
    const comment = body.comment?.trim() || null;
    await decideReportRound(tx, r.report.id, body.decision, comment, fieldComments, actor.id, now);
    await tellReportReviewed(tx, r, body.decision, now);
    await transitionReport(tx, r.report, to, who(actor), now, {
      number: r.applicationNumber, operatorId: r.operatorId,
      set: to === 'accepted' ? { acceptedAt: now, version: r.report.version + 1 }
        : { reviewComment: comment, fieldComments, version: r.report.version + 1 },
    });
  });
  return readReport(db, actor, id, now);
}

/** A page of a competition's reports: overdue first, then the ones still owed by deadline, then those awaiting review, then the rest. */
export async function competitionReportPage(db: Db, actor: AuthUser, competitionId: string, query: CompetitionReportsQuery, secret: string,
  now: Date): Promise<ReportPage> {
  await competitionOfOrganiser(db, actor, competitionId);
  const { status, overdue, limit, cursor } = query;
  const list = cursorList('competition-reports', { competitionId, status, overdue }, secret);
  const after = cursor ? decodeCursor(cursor, list, 3) as [number, string, string] : undefined;
  const [rows, counts] = await Promise.all([
    competitionReports(db, competitionId, { status, overdue, limit: limit + 1, after }, now),
    competitionReportCounts(db, competitionId, now),
  ]);
  return { ...pageOf(rows, limit, list, (r) => [r.bucket, r.report.dueAt.toISOString(), r.report.id], (r) => toSummary(r, now)), counts };
}

export async function readReportSchedule(db: Db, actor: AuthUser, competitionId: string): Promise<ReportSchedule> {
  const comp = await competitionOfOrganiser(db, actor, competitionId);
  return { interimDates: comp.reportInterimDates, finalReportDays: FINAL_REPORT_DAYS };
}

/** Once the results are published the schedules exist: the dates are fixed. */
const SCHEDULE_FIXED: readonly CompetitionStatus[] = RESULTS_PUBLIC;

/**
 * The organiser's interim report dates of a competition (sorted; a date twice is a 400), until its results are
 * published; null goes back to the default (one at each project's midpoint).
 */
export async function setReportSchedule(db: Db, actor: AuthUser, competitionId: string, interimDates: string[] | null, now: Date): Promise<ReportSchedule> {
  const seen = new Set<string>();
  interimDates?.forEach((d, i) => {
    if (seen.has(d)) throw fieldInvalid(`interimDates.${i}`, 'duplicate-date', { date: d });
    seen.add(d);
  });
  const dates = interimDates ? [...interimDates].sort() : null;
  await db.transaction(async (tx) => {
    const comp = await competitionOfOrganiser(tx, actor, competitionId, { lock: true });
    if (SCHEDULE_FIXED.includes(comp.status)) throw conflict('report-schedule-fixed', { code: comp.code, status: comp.status });
    await setInterimDates(tx, comp.id, dates, now);
    await recordAudit(tx, { actorId: actor.id, action: 'competition.report_schedule_updated', entityType: 'competition', entityId: comp.id,
      operatorId: comp.operatorId, before: { interimDates: comp.reportInterimDates }, after: { interimDates: dates }, at: now });
  });
  return { interimDates: dates, finalReportDays: FINAL_REPORT_DAYS };
}
