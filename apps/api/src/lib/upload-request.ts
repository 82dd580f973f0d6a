// What both upload routes (an application's documents, a report's) read from the request: the fields that come
// before the file, then the file as a stream (judged as it streams), and the limits that bound it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, fieldInvalid } from '../domain/errors.js';
import { contentDisposition } from '../domain/attachment-types.js';
import type { IncomingFile, UploadLimits } from '../services/attachments.js';

/**
 * Reads the parts in order: each field before the file goes to `field` (which refuses a bad value), then `complete`
 * turns what came into the upload's fields (refusing what is missing) when the `file` part arrives. Other parts are skipped.
 */
export async function fieldsThenFile<F>(request: FastifyRequest, reply: FastifyReply,
  field: (name: string, value: unknown) => void, complete: () => F): Promise<IncomingFile<F>> {
  if (!request.isMultipart()) throw new DomainError('unsupported-type', 'multipart-required');
  for await (const part of request.parts()) {
    if (part.type === 'field') { field(part.fieldname, part.value); continue; }
    if (part.fieldname !== 'file') { part.file.resume(); continue; }
    let fields: F;
    try { fields = complete(); } catch (e) { part.file.resume(); throw e; }
    return { fields, fileName: part.filename, file: part.file, abandon: () => reply.header('connection', 'close') };
  }
  throw fieldInvalid('file', 'file-required');
}

/** The limits of an upload, from the settings and the request. */
export function uploadLimits(app: FastifyInstance, request: FastifyRequest): UploadLimits {
  const { config } = app;
  return {
    maxBytes: config.UPLOAD_MAX_BYTES, quotaBytes: config.ORG_STORAGE_QUOTA_BYTES, minFreeDiskBytes: config.MIN_FREE_DISK_BYTES,
    requestBytes: Number(request.headers['content-length']) || undefined,
    // Embedded PGlite writes into DATA_DIR (or PGLITE_DIR), which a disk full of documents would stop.
    databaseFolder: app.database.driver === 'pglite' ? config.PGLITE_DIR ?? config.DATA_DIR : undefined,
    onDiskLow: (freeBytes) => request.log.warn({ freeBytes, minFreeDiskBytes: config.MIN_FREE_DISK_BYTES }, 'upload refused: the disk is nearly full'),
  };
}

/** A stored document as its download: its own type, never sniffed, never cached. */
export function sendStoredFile(reply: FastifyReply, file: { fileName: string; mimeType: string; sizeBytes: number; body: unknown }) {
  return reply
    .type(file.mimeType)
    .header('content-length', file.sizeBytes)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.body);
}
