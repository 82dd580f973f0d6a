// An application's documents: a member adds and removes them while it is a draft. The file is judged by its
// bytes as it streams into storage (nothing is kept of a refused one), then recorded and audited under the lock
// that makes the application's cap and the organisation's quota hold; whoever may read the application may download them.
// An upload that would leave the disk nearly full is refused before a byte of it is written.
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { Attachment, AttachmentKind, DocumentStorage } from '@konkurs/shared';
import type { Db, Tx } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import type { FileStorage } from '../storage/file-storage.js';
import { conflict, DomainError } from '../domain/errors.js';
import { acceptedAttachmentType, displayFileName } from '../domain/attachment-types.js';
import { UploadInspector } from '../lib/upload-inspector.js';
import { freeBytesAt } from '../storage/free-space.js';
import {
  countAttachments, deleteAttachment, draftOfMember, insertAttachment, lockDraftForUpload, memberApplicationOrganization, organizationDocumentBytes,
  readableAttachment, toAttachment,
} from '../queries/attachments.js';
import { recordAudit } from './audit-log.js';

/** More would be a misuse of the form, not a project. */
export const MAX_ATTACHMENTS_PER_APPLICATION = 30;

/** A file part of the request as the parser hands it over: its fields (the kind) came first, its bytes are still to be read. */
export interface IncomingFile<F = { kind: AttachmentKind }> {
  fields: F;
  /** The name the client gave it (shown, never used for storage). */
  fileName: string | undefined;
  /** Emits 'limit' and is `truncated` when the parser cut it at the size limit. */
  file: Readable & { truncated: boolean };
  /** Called when the rest of the request body stays unread (the connection should close after the answer). */
  abandon(): void;
}

/** What bounds an upload, from the settings and the request. */
export interface UploadLimits {
  /** One file (UPLOAD_MAX_BYTES). */
  maxBytes: number;
  /** All documents of the organisation's applications together (ORG_STORAGE_QUOTA_BYTES). */
  quotaBytes: number;
  /** Free disk to be left after the file (MIN_FREE_DISK_BYTES). */
  minFreeDiskBytes: number;
  /** The request's Content-Length: the file is no larger (undefined when the body is chunked). */
  requestBytes: number | undefined;
  /** On PGlite the database's folder, whose disk must keep room for its writes too. */
  databaseFolder: string | undefined;
  /** Told once for each upload refused for want of disk space. */
  onDiskLow(freeBytes: number): void;
}

/**
 * Refuses (507) when the file, as large as it can be, would leave less than the minimum free where storage writes
 * it or where the database writes. Storage without a local disk says nothing; then only the database's folder counts.
 */
async function ensureDiskRoom(storage: FileStorage, limits: UploadLimits): Promise<void> {
  const free = await Promise.all([storage.freeBytes?.(), limits.databaseFolder === undefined ? undefined : freeBytesAt(limits.databaseFolder)]);
  const least = Math.min(...free.filter((f) => f !== undefined));
  const fileBytes = Math.min(limits.requestBytes ?? limits.maxBytes, limits.maxBytes);
  if (least - fileBytes >= limits.minFreeDiskBytes) return;
  limits.onDiskLow(least);
  throw storageFull();
}

const storageFull = () => new DomainError('insufficient-storage', 'storage-full');

/** The disk filled while the file was written (by uploads at once, or another writer): the same refusal, not a 500. */
function asStorageFull(e: unknown, limits: UploadLimits): unknown {
  if ((e as NodeJS.ErrnoException | undefined)?.code !== 'ENOSPC') return e;
  limits.onDiskLow(0);
  return storageFull();
}

/** The refusal names the limit, so that the form can say it. */
const tooLarge = (maxBytes: number) => new DomainError('too-large', 'too-large', { maxBytes });

/**
 * The multipart parser's own complaints (a body cut short, no boundary) are the client's doing: 400, not 500.
 * They are plain errors, unlike file-system errors (which carry a `code`) and refusals.
 */
function asMalformedBody(e: unknown): unknown {
  if (!(e instanceof Error) || e instanceof DomainError || 'statusCode' in e || 'code' in e) return e;
  return new DomainError('invalid', 'malformed-multipart', {}, [{ path: 'body', code: 'malformed-multipart' }]);
}

/** A stored file as judged by its bytes: what its row records. */
export interface StoredUpload { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string }

/** The document's change as the audit log records it: its action, and whose document it is. */
export interface DocumentEvent { action: string; entityType: 'application' | 'report'; entityId: string; operatorId: string }

/** The audit event of a document added (`after`) or removed (`before`), with the facts that identify the file. */
export function auditDocument(tx: Tx, actorId: string, event: DocumentEvent, facts: Record<string, unknown>, at: Date) {
  return recordAudit(tx, { ...event, actorId, ...(event.action.endsWith('_removed') ? { before: facts } : { after: facts }), at });
}

/** Removes a document: `remove` checks, deletes its row and audits it in one transaction, answering its storage key; its bytes go once that is committed. */
export async function removeDocument(db: Db, storage: FileStorage, remove: (tx: Tx) => Promise<string>): Promise<void> {
  await storage.delete(await db.transaction(remove));
}

/** What a document is added to (an application's draft, a report): its checks, its lock and its row. */
export interface UploadTarget<F, T> {
  /** Refuses before a byte of the file is read (not the user's, not editable). */
  check(): Promise<unknown>;
  /** In the transaction: locks the owner and its organisation (uploads of one organisation take turns); its documents so far. */
  lock(tx: Tx): Promise<{ documents: number; organizationId: string }>;
  /** Past the cap and the quota: records the file and its audit event. */
  record(tx: Tx, file: StoredUpload, fields: F): Promise<T>;
  /** The cap of documents and the code that refuses past it. */
  maxDocuments: number;
  tooMany: string;
}

/**
 * Adds a document: refused before a byte of the file is read when the target refuses or the disk is nearly full;
 * `readFile` (the request's parser) is called only then. The file is stored first (its size is known only then),
 * then judged against the cap and the organisation's quota under the target's lock; a refused one is removed from storage.
 */
export async function storeUpload<F, T>(target: UploadTarget<F, T>, db: Db, readFile: () => Promise<IncomingFile<F>>,
  storage: FileStorage, limits: UploadLimits): Promise<T> {
  await target.check();
  await ensureDiskRoom(storage, limits);
  const upload = await readFile().catch((e: unknown) => { throw asMalformedBody(e); });
  const fileName = displayFileName(upload.fileName);
  const inspector = new UploadInspector(async (head) => acceptedAttachmentType((await fileTypeFromBuffer(head))?.mime, fileName));
  // Over the limit the parser cuts the file short: fail the stream, so that storage removes what it wrote.
  upload.file.once('limit', () => inspector.destroy(tooLarge(limits.maxBytes)));
  const stored = await storage.put(pipeline(upload.file, inspector, () => {})).catch((e: unknown) => {
    upload.abandon();
    throw asMalformedBody(asStorageFull(e, limits));
  });
  if (upload.file.truncated) {
    await storage.delete(stored.key);
    throw tooLarge(limits.maxBytes);
  }
  try {
    return await db.transaction(async (tx) => {
      const { documents, organizationId } = await target.lock(tx);
      if (documents >= target.maxDocuments) throw conflict(target.tooMany, { max: target.maxDocuments });
      const usedBytes = await organizationDocumentBytes(tx, organizationId);
      if (usedBytes + stored.sizeBytes > limits.quotaBytes)
        throw conflict('storage-quota-exceeded', { usedBytes, quotaBytes: limits.quotaBytes, fileBytes: stored.sizeBytes });
      return target.record(tx, { fileName, mimeType: inspector.mimeType, sizeBytes: stored.sizeBytes, sha256: inspector.sha256, storageKey: stored.key }, upload.fields);
    });
  } catch (e) {
    await storage.delete(stored.key);
    throw e;
  }
}

/** Adds a document to the member's draft (storeUpload: the draft and its organisation locked, 30 documents at most). */
export async function uploadAttachment(db: Db, actor: AuthUser, applicationId: string, readFile: () => Promise<IncomingFile<{ kind: AttachmentKind }>>,
  storage: FileStorage, now: Date, limits: UploadLimits): Promise<Attachment> {
  let operatorId = '';
  return storeUpload({
    check: () => draftOfMember(db, actor, applicationId),
    lock: async (tx) => {
      const app = await lockDraftForUpload(tx, actor, applicationId);
      operatorId = app.operatorId;
      return { documents: await countAttachments(tx, app.id), organizationId: app.organizationId };
    },
    record: async (tx, file, { kind }) => {
      const row = await insertAttachment(tx, applicationId, { ...file, kind }, actor.id, now);
      await auditDocument(tx, actor.id, { action: 'application.attachment_added', entityType: 'application', entityId: applicationId, operatorId },
        { attachmentId: row.id, kind: row.kind, fileName: row.fileName, mimeType: row.mimeType, sizeBytes: row.sizeBytes, sha256: row.sha256 }, now);
      return toAttachment(row);
    },
    maxDocuments: MAX_ATTACHMENTS_PER_APPLICATION, tooMany: 'too-many-attachments',
  }, db, readFile, storage, limits);
}

/** Removes a document of the member's draft; its bytes go once the removal is committed. */
export async function removeAttachment(db: Db, actor: AuthUser, applicationId: string, attachmentId: string, storage: FileStorage, now: Date): Promise<void> {
  await removeDocument(db, storage, async (tx) => {
    const app = await draftOfMember(tx, actor, applicationId, { lock: true });
    const row = await deleteAttachment(tx, app.id, attachmentId);
    await auditDocument(tx, actor.id, { action: 'application.attachment_removed', entityType: 'application', entityId: app.id, operatorId: app.operatorId },
      { attachmentId: row.id, kind: row.kind, fileName: row.fileName, sha256: row.sha256 }, now);
    return row.storageKey;
  });
}

/** How much of its quota the documents of the organisation of the member's application take. */
export async function documentStorageOf(db: Db, actor: AuthUser, applicationId: string, quotaBytes: number): Promise<DocumentStorage> {
  const organizationId = await memberApplicationOrganization(db, actor, applicationId);
  return { usedBytes: await organizationDocumentBytes(db, organizationId), quotaBytes };
}

/** The document's bytes and what a download needs to say about them. */
export async function downloadAttachment(db: Db, actor: AuthUser, applicationId: string, attachmentId: string, storage: FileStorage) {
  const file = await readableAttachment(db, actor, applicationId, attachmentId);
  return { fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, body: storage.get(file.storageKey) };
}
