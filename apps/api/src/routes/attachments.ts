import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ATTACHMENT_KINDS, attachment, attachmentDownload, attachmentKindField, attachmentParams, documentStorage, idParams, problem, type AttachmentKind,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { fieldInvalid } from '../domain/errors.js';
import { fieldsThenFile, sendStoredFile, uploadLimits } from '../lib/upload-request.js';
import { MAX_ATTACHMENTS_PER_APPLICATION, documentStorageOf, downloadAttachment, removeAttachment, uploadAttachment, type IncomingFile } from '../services/attachments.js';

/** The kind must come first, so that the file can be judged as it streams. */
function kindThenFile(request: FastifyRequest, reply: FastifyReply): Promise<IncomingFile> {
  let kind: AttachmentKind | undefined;
  return fieldsThenFile(request, reply, (name, value) => {
    if (name !== 'kind') return;
    const parsed = attachmentKindField.safeParse(value);
    if (!parsed.success) throw fieldInvalid('kind', 'kind-invalid');
    kind = parsed.data;
  }, () => {
    if (!kind) throw fieldInvalid('kind', 'kind-before-file');
    return { kind };
  });
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['attachments'];
  const { config } = app;
  app.post('/applications/:id/attachments', {
    config: { roles: ['applicant'] },
    schema: {
      operationId: 'uploadAttachment', summary: 'Add a document to a draft', tags, params: idParams, consumes: ['multipart/form-data'],
      description: `multipart/form-data: a \`kind\` field (${ATTACHMENT_KINDS.join(', ')}), then the \`file\` field. At most ${config.UPLOAD_MAX_BYTES} bytes. `
        + `409 \`too-many-attachments\` past ${MAX_ATTACHMENTS_PER_APPLICATION} documents, 409 \`storage-quota-exceeded\` past the organisation's `
        + `${config.ORG_STORAGE_QUOTA_BYTES} bytes of documents (params: usedBytes, quotaBytes, fileBytes), 507 \`storage-full\` when the server's disk is nearly full.`,
      response: { 201: attachment, 400: problem, 404: problem, 409: problem, 413: problem, 415: problem, 507: problem },
    },
  }, async (request, reply) => reply.code(201).send(
    await uploadAttachment(app.db, currentUser(request), request.params.id, () => kindThenFile(request, reply), app.storage, app.clock.now(),
      uploadLimits(app, request))));

  app.get('/applications/:id/storage', {
    config: { roles: ['applicant'] },
    schema: { operationId: 'getDocumentStorage', summary: "The space the organisation's documents take, of its quota", tags, params: idParams,
      description: 'For the members of the application’s organisation (any status): the bytes of the documents of all its applications, and its quota.',
      response: { 200: documentStorage, 404: problem } },
  }, async (request) => documentStorageOf(app.db, currentUser(request), request.params.id, config.ORG_STORAGE_QUOTA_BYTES));

  app.get('/applications/:id/attachments/:attachmentId', { schema: { operationId: 'downloadAttachment', summary: 'Download a document as uploaded',
    tags, params: attachmentParams, produces: ['application/octet-stream'], response: { 200: attachmentDownload, 404: problem } } },
  async (request, reply) => {
    return sendStoredFile(reply, await downloadAttachment(app.db, currentUser(request), request.params.id, request.params.attachmentId, app.storage));
  });

  app.delete('/applications/:id/attachments/:attachmentId', { config: { roles: ['applicant'] }, schema: { operationId: 'deleteAttachment',
    summary: 'Remove a document from a draft', tags, params: attachmentParams, response: { 204: z.null(), 404: problem, 409: problem } } },
  async (request, reply) => {
    await removeAttachment(app.db, currentUser(request), request.params.id, request.params.attachmentId, app.storage, app.clock.now());
    return reply.code(204).send(null);
  });
};
export default routes;
