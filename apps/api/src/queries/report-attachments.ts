// The database half of a report's supporting documents (services/report-attachments.ts adds and removes them): the
// member's report, locked with its organisation for a new document; the documents' count; and the document whoever
// may read the report may download (its organisation's members, its operator's organisers, the admin).
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { isReportEditable, type ReportAttachment } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, competitions, organizationMembers, organizations, reportAttachments, reports } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, notFound } from '../domain/errors.js';
import type { StoredUpload } from '../services/attachments.js';

const isMemberOfReport = (userId: string): SQL =>
  sql`exists (select 1 from ${organizationMembers} where ${organizationMembers.organizationId} = ${reports.organizationId} and ${organizationMembers.userId} = ${userId})`;

/** Who may read a report's documents: its organisation's members, its operator's organisers, the admin; nobody else. */
function readersOf(user: AuthUser): SQL | undefined {
  if (user.role === 'admin') return undefined;
  if (user.role === 'applicant') return isMemberOfReport(user.id);
  if (user.role === 'organiser' && user.operatorId) return eq(competitions.operatorId, user.operatorId);
  return sql`false`;
}

const editableColumns = {
  id: reports.id, status: reports.status, organizationId: reports.organizationId, operatorId: competitions.operatorId,
  applicationNumber: applications.number,
  /** How many lines the application's budget has: a document's budgetIndex names one of them. */
  budgetLines: sql<number>`coalesce(jsonb_array_length(case when jsonb_typeof(${applications.content}->'budget') = 'array' then ${applications.content}->'budget' end), 0)::int`,
};
function editableOnly<T extends { status: Parameters<typeof isReportEditable>[0]; applicationNumber: string }>(row: T | undefined): T {
  if (!row) throw notFound('report');
  if (!isReportEditable(row.status)) throw conflict('report-not-editable', { number: row.applicationNumber, status: row.status });
  return row;
}
const memberReports = (db: Executor, user: AuthUser, reportId: string) => db.select(editableColumns).from(reports)
  .innerJoin(applications, eq(applications.id, reports.applicationId))
  .innerJoin(competitions, eq(competitions.id, reports.competitionId))
  .innerJoin(organizations, eq(organizations.id, reports.organizationId))
  .where(and(eq(reports.id, reportId), isMemberOfReport(user.id)));

/**
 * The member's report while it is editable (404 to anyone else, 409 once submitted or accepted); with `lock`, held
 * FOR SHARE until the transaction ends, so that a submit (which locks it for update) cannot slip in between.
 */
export async function editableReportOfMember(db: Executor, user: AuthUser, reportId: string, { lock = false } = {}) {
  const q = memberReports(db, user, reportId);
  return editableOnly((lock ? await q.for('share', { of: reports }) : await q)[0]);
}

/**
 * The member's editable report and its organisation, both locked until the transaction ends, for a new document:
 * the organisation's uploads (an application's or a report's) take turns, so that neither the cap nor the quota is
 * passed by a race.
 */
export async function lockReportForUpload(tx: Tx, user: AuthUser, reportId: string) {
  return editableOnly((await memberReports(tx, user, reportId).for('no key update', { of: [reports, organizations] }))[0]);
}

export async function countReportAttachments(tx: Tx, reportId: string): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(reportAttachments).where(eq(reportAttachments.reportId, reportId));
  return n;
}

export async function insertReportAttachment(tx: Tx, reportId: string, file: StoredUpload, budgetIndex: number | null, createdBy: string, now: Date) {
  const [row] = await tx.insert(reportAttachments).values({ ...file, reportId, budgetIndex, createdBy, createdAt: now }).returning();
  return row;
}

/** Removes the report's document; 404 when it has no such document. */
export async function deleteReportAttachment(tx: Tx, reportId: string, attachmentId: string) {
  const [row] = await tx.delete(reportAttachments)
    .where(and(eq(reportAttachments.id, attachmentId), eq(reportAttachments.reportId, reportId))).returning();
  if (!row) throw notFound('attachment');
  return row;
}

/** The document if the user may read its report; 404 otherwise. */
export async function readableReportAttachment(db: Executor, user: AuthUser, reportId: string, attachmentId: string) {
  const [row] = await db.select({ f: reportAttachments }).from(reportAttachments)
    .innerJoin(reports, eq(reports.id, reportAttachments.reportId))
    .innerJoin(competitions, eq(competitions.id, reports.competitionId))
    .where(and(eq(reportAttachments.id, attachmentId), eq(reportAttachments.reportId, reportId), readersOf(user)));
  if (!row) throw notFound('attachment');
  return row.f;
}

export const toReportAttachment = (a: typeof reportAttachments.$inferSelect): ReportAttachment => ({
  id: a.id, fileName: a.fileName, mimeType: a.mimeType, sizeBytes: a.sizeBytes, sha256: a.sha256, budgetIndex: a.budgetIndex, createdAt: a.createdAt.toISOString(),
});
