// After the award (PRODUCT.md "After the award"): a winner's reports. The schedule is written when the results are
// published; the organisation writes each report like a draft (versioned autosave), submits it (every problem at
// once), and the organiser accepts it or returns it with comments per field. Status moves go through
// services/transitions.ts (transitionReport), are audited and notify.
// FOUNDATION STUB: the signatures the other parts (demo, routes, SPA) build on; the bodies come with the reports work.
import type { CompetitionReportsQuery, Report, ReportSchedule, ReportSummary, ReviewReportBody, UpdateReportBody } from '@konkurs/shared';
import type { Db, Tx } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import type { CompetitionRow } from '../queries/competitions.js';
import { insertReportSchedules } from '../queries/reports.js';

/** Writes every winner's report schedule of a competition being published (in the publishing transaction); answers how many reports. */
export async function createReportSchedules(tx: Tx, comp: Pick<CompetitionRow, 'id'>, now: Date): Promise<number> {
  return insertReportSchedules(tx, comp.id, now);
}
/** The reports of an application (its organisation's members, its operator's organisers); 404 otherwise. */
export async function applicationReports(_db: Db, _actor: AuthUser, _applicationId: string, _now: Date): Promise<ReportSummary[]> { throw new Error('not built yet'); }
export async function readReport(_db: Db, _actor: AuthUser, _id: string, _now: Date): Promise<Report> { throw new Error('not built yet'); }
/** The autosave of a report (due → draft on the first save); 412 on a stale version, 409 when not editable. */
export async function saveReport(_db: Db, _actor: AuthUser, _id: string, _body: UpdateReportBody, _now: Date): Promise<Report> { throw new Error('not built yet'); }
/** Submits a report: 422 with every problem at once; 409 from another status. */
export async function submitReport(_db: Db, _actor: AuthUser, _id: string, _now: Date): Promise<Report> { throw new Error('not built yet'); }
/** The organiser accepts the submitted report or returns it with comments. */
export async function reviewReport(_db: Db, _actor: AuthUser, _id: string, _body: ReviewReportBody, _now: Date): Promise<Report> { throw new Error('not built yet'); }
/** A page of a competition's reports, overdue and due first. */
export async function competitionReportPage(_db: Db, _actor: AuthUser, _competitionId: string, _query: CompetitionReportsQuery, _secret: string, _now: Date): Promise<{ items: ReportSummary[]; nextCursor: string | null }> { throw new Error('not built yet'); }
export async function readReportSchedule(_db: Db, _actor: AuthUser, _competitionId: string): Promise<ReportSchedule> { throw new Error('not built yet'); }
export async function setReportSchedule(_db: Db, _actor: AuthUser, _competitionId: string, _interimDates: string[], _now: Date): Promise<ReportSchedule> { throw new Error('not built yet'); }
