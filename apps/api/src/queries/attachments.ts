// An application's documents: added and removed by members while it is a draft, read by whoever may read it.
import { and, count, eq } from 'drizzle-orm';
import type { AttachmentKind } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, attachments, competitions } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, notFound } from '../lib/problem.js';
import { recordAudit } from '../services/audit-log.js';
import { isMemberOfApplicant, readableApplications, toAttachment } from './applications.js';

/** More would be a misuse of the form, not a project. */
export const MAX_ATTACHMENTS_PER_APPLICATION = 30;

/**
 * The member's draft; with `lock`, held (FOR SHARE) until the transaction ends, so that a submit, which locks it
 * for update, cannot slip in between the check and the change of its documents.
 */
export async function draftOfMember(db: Executor, user: AuthUser, applicationId: string, { lock = false } = {}) {
  const q = db.select({ id: applications.id, number: applications.number, status: applications.status, operatorId: competitions.operatorId })
    .from(applications).innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(and(eq(applications.id, applicationId), isMemberOfApplicant(user.id)));
  const [row] = lock ? await q.for('share', { of: applications }) : await q;
  if (!row) throw notFound('Application');
  if (row.status !== 'draft') throw conflict('wrong-status', `Application ${row.number} is ${row.status}; its documents can change only while it is a draft`);
  return row;
}

export interface StoredFile { kind: AttachmentKind; fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string }

export async function addAttachment(tx: Tx, user: AuthUser, applicationId: string, file: StoredFile, now: Date) {
  const app = await draftOfMember(tx, user, applicationId, { lock: true });
  const [{ n }] = await tx.select({ n: count() }).from(attachments).where(eq(attachments.applicationId, app.id));
  if (n >= MAX_ATTACHMENTS_PER_APPLICATION) throw conflict('too-many-attachments', `An application carries at most ${MAX_ATTACHMENTS_PER_APPLICATION} documents`);
  const [row] = await tx.insert(attachments).values({ ...file, applicationId: app.id, createdBy: user.id, createdAt: now }).returning();
  await recordAudit(tx, { actorId: user.id, action: 'application.attachment_added', entityType: 'application', entityId: app.id, operatorId: app.operatorId,
    after: { attachmentId: row.id, kind: row.kind, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256 }, at: now });
  return toAttachment(row);
}

/** Removes the document; returns its storage key, for the caller to delete the bytes once the transaction is committed. */
export async function removeAttachment(tx: Tx, user: AuthUser, applicationId: string, attachmentId: string, now: Date): Promise<string> {
  const app = await draftOfMember(tx, user, applicationId, { lock: true });
  const [row] = await tx.delete(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, app.id))).returning();
  if (!row) throw notFound('Attachment');
  await recordAudit(tx, { actorId: user.id, action: 'application.attachment_removed', entityType: 'application', entityId: app.id, operatorId: app.operatorId,
    before: { attachmentId: row.id, kind: row.kind, fileName: row.fileName, sha256: row.sha256 }, at: now });
  return row.storageKey;
}

/** The document if the user may read its application; 404 otherwise. */
export async function readableAttachment(db: Executor, user: AuthUser, applicationId: string, attachmentId: string) {
  const [row] = await db.select({ f: attachments }).from(attachments).innerJoin(applications, eq(applications.id, attachments.applicationId))
    .where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, applicationId), await readableApplications(db, user)));
  if (!row) throw notFound('Attachment');
  return row.f;
}
