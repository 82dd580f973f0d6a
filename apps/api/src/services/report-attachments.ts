// A report's supporting documents: the organisation's members add and remove them while the report is editable
// (due, draft, returned), with an application's upload rules (services/attachments.ts storeUpload: the type by the
// bytes, the size, the organisation's quota, the disk), at most 30 per report, each optionally of one budget line;
// whoever may read the report may download them.
import type { ReportAttachment } from '@konkurs/shared';
import type { Db } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import type { FileStorage } from '../storage/file-storage.js';
import { fieldInvalid } from '../domain/errors.js';
import {
  countReportAttachments, deleteReportAttachment, editableReportOfMember, insertReportAttachment, lockReportForUpload, readableReportAttachment,
  toReportAttachment,
} from '../queries/report-attachments.js';
import { auditDocument, removeDocument, storeUpload, type IncomingFile, type UploadLimits } from './attachments.js';

/** As many as an application carries. */
export const MAX_ATTACHMENTS_PER_REPORT = 30;

/** What comes before a report's file: the budget line it supports, if any. */
export interface ReportFileFields { budgetIndex: number | null }

/** A budget index names a line of the application's budget: 400 naming the field otherwise. */
function checkBudgetLine(budgetIndex: number | null, budgetLines: number): void {
  if (budgetIndex !== null && budgetIndex >= budgetLines) throw fieldInvalid('budgetIndex', 'budget-index-unknown', { lines: budgetLines });
}

export async function uploadReportAttachment(db: Db, actor: AuthUser, reportId: string, readFile: () => Promise<IncomingFile<ReportFileFields>>,
  storage: FileStorage, now: Date, limits: UploadLimits): Promise<ReportAttachment> {
  let operatorId = '';
  let budgetLines = 0;
  // The budget line is checked as soon as the field is read, before a byte of the file is stored.
  const readChecked = async () => {
    const upload = await readFile();
    try { checkBudgetLine(upload.fields.budgetIndex, budgetLines); } catch (e) { upload.file.resume(); throw e; }
    return upload;
  };
  return storeUpload({
    check: async () => { budgetLines = (await editableReportOfMember(db, actor, reportId)).budgetLines; },
    lock: async (tx) => {
      const report = await lockReportForUpload(tx, actor, reportId);
      operatorId = report.operatorId;
      return { documents: await countReportAttachments(tx, report.id), organizationId: report.organizationId };
    },
    record: async (tx, file, { budgetIndex }) => {
      const row = await insertReportAttachment(tx, reportId, file, budgetIndex, actor.id, now);
      await auditDocument(tx, actor.id, { action: 'report.attachment_added', entityType: 'report', entityId: reportId, operatorId },
        { attachmentId: row.id, budgetIndex: row.budgetIndex, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256 }, now);
      return toReportAttachment(row);
    },
    maxDocuments: MAX_ATTACHMENTS_PER_REPORT, tooMany: 'too-many-report-attachments',
  }, db, readChecked, storage, limits);
}

/** Removes a document of the member's editable report; its bytes go once the removal is committed. */
export async function removeReportAttachment(db: Db, actor: AuthUser, reportId: string, attachmentId: string, storage: FileStorage, now: Date): Promise<void> {
  await removeDocument(db, storage, async (tx) => {
    const report = await editableReportOfMember(tx, actor, reportId, { lock: true });
    const row = await deleteReportAttachment(tx, report.id, attachmentId);
    await auditDocument(tx, actor.id, { action: 'report.attachment_removed', entityType: 'report', entityId: report.id, operatorId: report.operatorId },
      { attachmentId: row.id, budgetIndex: row.budgetIndex, fileName: row.fileName, sha256: row.sha256 }, now);
    return row.storageKey;
  });
}

/** The document's bytes and what a download needs to say about them. */
export async function downloadReportAttachment(db: Db, actor: AuthUser, reportId: string, attachmentId: string, storage: FileStorage) {
  const file = await readableReportAttachment(db, actor, reportId, attachmentId);
  return { fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, body: storage.get(file.storageKey) };
}
