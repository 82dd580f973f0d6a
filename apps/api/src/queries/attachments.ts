// The database half of an application's documents (services/attachments.ts adds and removes them): a member's draft,
// locked for a new document with its organisation; the documents' count and the organisation's bytes; and the
// document whoever may read the application may download.
import { and, count, eq, sql } from 'drizzle-orm';
import type { AttachmentKind } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { applications, attachments, competitions, organizations, reportAttachments, reports } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, notFound } from '../domain/errors.js';
import { isMemberOfApplicant, readableApplications, toAttachment } from './applications.js';

const draftColumns = {
  id: applications.id, number: applications.number, status: applications.status, organizationId: applications.organizationId,
  operatorId: competitions.operatorId,
};
function draftOnly<T extends { number: string; status: string }>(row: T | undefined): T {
  if (!row) throw notFound('application');
  if (row.status !== 'draft') throw conflict('not-a-draft', { number: row.number, status: row.status });
  return row;
}

/**
 * The member's draft; with `lock`, held (FOR SHARE) until the transaction ends, so that a submit, which locks it
 * for update, cannot slip in between the check and the change of its documents.
 */
export async function draftOfMember(db: Executor, user: AuthUser, applicationId: string, { lock = false } = {}) {
  const q = db.select(draftColumns)
    .from(applications).innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .where(and(eq(applications.id, applicationId), isMemberOfApplicant(user.id)));
  return draftOnly((lock ? await q.for('share', { of: applications }) : await q)[0]);
}

/**
 * The member's draft and its organisation, both locked until the transaction ends, for a new document. The
 * organisation's uploads take turns (FOR SHARE would let two hold it together): each counts the documents and sums
 * the bytes after the previous one committed, so that neither the cap nor the quota is passed by a race. Locked in
 * one statement in the order a submit locks them (applications.ts lockForMember), which waits too.
 */
export async function lockDraftForUpload(tx: Tx, user: AuthUser, applicationId: string) {
  const [row] = await tx.select(draftColumns)
    .from(applications).innerJoin(competitions, eq(competitions.id, applications.competitionId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.id, applicationId), isMemberOfApplicant(user.id)))
    .for('no key update', { of: [applications, organizations] });
  return draftOnly(row);
}

/** The organisation of an application the user is a member of (any status); 404 otherwise. */
export async function memberApplicationOrganization(db: Executor, user: AuthUser, applicationId: string): Promise<string> {
  const [row] = await db.select({ organizationId: applications.organizationId }).from(applications)
    .where(and(eq(applications.id, applicationId), isMemberOfApplicant(user.id)));
  if (!row) throw notFound('application');
  return row.organizationId;
}

export interface StoredFile { kind: AttachmentKind; fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string }

export async function countAttachments(tx: Tx, applicationId: string): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(attachments).where(eq(attachments.applicationId, applicationId));
  return n;
}

/** The bytes of every document of the organisation: its applications' (whatever their status) and its reports'. */
export async function organizationDocumentBytes(db: Executor, organizationId: string): Promise<number> {
  const [{ bytes }] = await db.select({
    bytes: sql<number>`coalesce(sum(${attachments.sizeBytes}), 0)::bigint + (select coalesce(sum(${reportAttachments.sizeBytes}), 0)::bigint
      from ${reportAttachments} join ${reports} on ${reports.id} = ${reportAttachments.reportId} where ${reports.organizationId} = ${organizationId})`.mapWith(Number),
  }).from(attachments)
    .innerJoin(applications, eq(applications.id, attachments.applicationId)).where(eq(applications.organizationId, organizationId));
  return bytes;
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
