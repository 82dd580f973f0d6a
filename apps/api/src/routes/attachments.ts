import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ATTACHMENT_KINDS, attachment, attachmentDownload, attachmentKindField, attachmentParams, idParams, problem, type AttachmentKind } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { DomainError, fieldInvalid } from '../domain/errors.js';
import { contentDisposition } from '../domain/attachment-types.js';
import { downloadAttachment, removeAttachment, uploadAttachment, type IncomingFile } from '../services/attachments.js';

/** Reads the parts in order: the kind must come first, so that the file can be judged as it streams. */
async function kindThenFile(request: FastifyRequest, reply: FastifyReply): Promise<IncomingFile> {
  if (!request.isMultipart()) throw new DomainError('unsupported-type', 'multipart-required');
  let kind: AttachmentKind | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'kind') {
        const parsed = attachmentKindField.safeParse(part.value);
        if (!parsed.success) throw fieldInvalid('kind', 'kind-invalid');
        kind = parsed.data;
      }
      continue;
    }
    if (part.fieldname !== 'file') { part.file.resume(); continue; }
    if (!kind) { part.file.resume(); throw fieldInvalid('kind', 'kind-before-file'); }
    return { kind, fileName: part.filename, file: part.file, abandon: () => reply.header('connection', 'close') };
  }
  throw fieldInvalid('file', 'file-required');
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['attachments'];

  app.post('/applications/:id/attachments', {
    config: { roles: ['applicant'] },
    schema: {
      operationId: 'uploadAttachment', summary: 'Add a document to a draft', tags, params: idParams, consumes: ['multipart/form-data'],
      description: `multipart/form-data: a \`kind\` field (${ATTACHMENT_KINDS.join(', ')}), then the \`file\` field. At most ${app.config.UPLOAD_MAX_BYTES} bytes.`,
      response: { 201: attachment, 400: problem, 404: problem, 409: problem, 413: problem, 415: problem },
    },
  }, async (request, reply) => reply.code(201).send(
    await uploadAttachment(app.db, currentUser(request), request.params.id, () => kindThenFile(request, reply), app.storage, app.clock.now(),
      app.config.UPLOAD_MAX_BYTES)));

  app.get('/applications/:id/attachments/:attachmentId', { schema: { operationId: 'downloadAttachment', summary: 'Download a document as uploaded',
    tags, params: attachmentParams, produces: ['application/octet-stream'], response: { 200: attachmentDownload, 404: problem } } },
  async (request, reply) => {
    const file = await downloadAttachment(app.db, currentUser(request), request.params.id, request.params.attachmentId, app.storage);
    return reply
      .type(file.mimeType)
      .header('content-length', file.sizeBytes)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.body);
  });

  app.delete('/applications/:id/attachments/:attachmentId', { config: { roles: ['applicant'] }, schema: { operationId: 'deleteAttachment',
    summary: 'Remove a document from a draft', tags, params: attachmentParams, response: { 204: z.null(), 404: problem, 409: problem } } },
  async (request, reply) => {
    await removeAttachment(app.db, currentUser(request), request.params.id, request.params.attachmentId, app.storage, app.clock.now());
    return reply.code(204).send(null);
  });
};
export default routes;
