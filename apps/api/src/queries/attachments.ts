// The database half of an application's documents (services/attachments.ts adds and removes them): a member's draft,
// and the document whoever may read the application may download.
import { and, count, eq } from 'drizzle-orm';
import type { AttachmentKind } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, attachments, competitions } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, notFound } from '../domain/errors.js';
import { isMemberOfApplicant, readableApplications, toAttachment } from './applications.js';

/**
 * The member's draft; with `lock`, held (FOR SHARE) until the transaction ends, so that a submit, which locks it
 * for update, cannot slip in between the check and the change of its documents.
 */
export async function draftOfMember(db: Executor, user: AuthUser, applicationId: string, { lock = false } = {}) {
  const q = db.select({ id: applications.id, number: applications.number, status: applications.status, operatorId: competitions.operatorId })
    .from(applications).innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(and(eq(applications.id, applicationId), isMemberOfApplicant(user.id)));
  const [row] = lock ? await q.for('share', { of: applications }) : await q;
  if (!row) throw notFound('application');
  if (row.status !== 'draft') throw conflict('not-a-draft', { number: row.number, status: row.status });
  return row;
}

export interface StoredFile { kind: AttachmentKind; fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string }

export async function countAttachments(tx: Tx, applicationId: string): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(attachments).where(eq(attachments.applicationId, applicationId));
  return n;
}

export async function insertAttachment(tx: Tx, applicationId: string, file: StoredFile, createdBy: string, now: Date) {
  const [row] = await tx.insert(attachments).values({ ...file, applicationId, createdBy, createdAt: now }).returning();
  return row;
}

/** Removes the application's document; 404 when it has no such document. */
export async function deleteAttachment(tx: Tx, applicationId: string, attachmentId: string) {
  const [row] = await tx.delete(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, applicationId))).returning();
  if (!row) throw notFound('attachment');
  return row;
}

export { toAttachment };

/** The document if the user may read its application; 404 otherwise. */
export async function readableAttachment(db: Executor, user: AuthUser, applicationId: string, attachmentId: string) {
  const [row] = await db.select({ f: attachments }).from(attachments).innerJoin(applications, eq(applications.id, attachments.applicationId))
    .where(and(eq(attachments.id, attachmentId), eq(attachments.applicationId, applicationId), await readableApplications(db, user)));
  if (!row) throw notFound('attachment');
  return row.f;
}
