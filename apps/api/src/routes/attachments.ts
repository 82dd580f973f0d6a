import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { pipeline } from 'node:stream';
import { z } from 'zod';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_KINDS, attachment, attachmentKindField, id, problem, type AttachmentKind } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { fieldError, HttpProblem } from '../lib/problem.js';
import { UploadInspector } from '../lib/upload-inspector.js';
import { contentDisposition, displayFileName, judgeAttachmentType } from '../domain/attachment-types.js';
import { addAttachment, draftOfMember, readableAttachment, removeAttachment } from '../queries/attachments.js';

const attachmentParams = z.object({ id, attachmentId: id });
const tooLarge = () => new HttpProblem(413, 'too-large', 'The file is larger than allowed');

/**
 * The multipart parser's own complaints (a body cut short, no boundary) are the client's doing: 400, not 500.
 * They are plain errors, unlike file-system errors (which carry a `code`) and answers (which carry a status).
 */
function asMalformedBody(e: unknown): unknown {
  if (!(e instanceof Error) || e instanceof HttpProblem || 'statusCode' in e || 'code' in e) return e;
  return new HttpProblem(400, 'malformed-multipart', `The multipart body is malformed: ${e.message}`, [{ path: 'body', message: e.message }]);
}

/** Reads the parts in order: the kind must come first, so that the file can be judged as it streams. */
async function kindThenFile(request: FastifyRequest) {
  try {
    return await readKindThenFile(request);
  } catch (e) {
    throw asMalformedBody(e);
  }
}

async function readKindThenFile(request: FastifyRequest) {
  let kind: AttachmentKind | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'kind') {
        const parsed = attachmentKindField.safeParse(part.value);
        if (!parsed.success) throw fieldError('kind', `one of ${ATTACHMENT_KINDS.join(', ')}`);
        kind = parsed.data;
      }
      continue;
    }
    if (part.fieldname !== 'file') { part.file.resume(); continue; }
    if (!kind) { part.file.resume(); throw fieldError('kind', `required before the file: one of ${ATTACHMENT_KINDS.join(', ')}`); }
    return { kind, part };
  }
  throw fieldError('file', 'required: send the document in the field "file"');
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['attachments'];

  app.post('/applications/:id/attachments', {
    config: { roles: ['applicant'] },
    schema: {
      tags, params: z.object({ id }), consumes: ['multipart/form-data'],
      description: `multipart/form-data: a \`kind\` field (${ATTACHMENT_KINDS.join(', ')}), then the \`file\` field. At most ${app.config.UPLOAD_MAX_BYTES} bytes.`,
      response: { 201: attachment, 400: problem, 404: problem, 409: problem, 413: problem, 415: problem },
    },
  }, async (request, reply) => {
    const user = currentUser(request);
    // Refuse before reading a byte of the file when the application is not the user's draft.
    await draftOfMember(app.db, user, request.params.id);
    if (!request.isMultipart()) throw new HttpProblem(415, 'unsupported-media-type', 'Send multipart/form-data: a kind field, then a file field');
    const { kind, part } = await kindThenFile(request);
    const fileName = displayFileName(part.filename);
    const inspector = new UploadInspector(async (head) => {
      const verdict = judgeAttachmentType((await fileTypeFromBuffer(head))?.mime, fileName);
      if (!verdict.ok) throw new HttpProblem(415, 'file-type-not-allowed', `The file cannot be accepted: ${verdict.message}`, [{ path: 'file', message: verdict.message }]);
      return verdict.mimeType;
    });
    // Over the limit the parser cuts the file short: fail the stream, so that storage removes what it wrote.
    part.file.once('limit', () => inspector.destroy(tooLarge()));
    const stored = await app.storage.put(pipeline(part.file, inspector, () => {})).catch((e: unknown) => {
      // The rest of the body stays unread: close the connection after the answer rather than read on.
      reply.header('connection', 'close');
      throw asMalformedBody(e);
    });
    if (part.file.truncated) {
      await app.storage.delete(stored.key);
      throw tooLarge();
    }
    try {
      const created = await app.db.transaction((tx) => addAttachment(tx, user, request.params.id, {
        kind, fileName, mimeType: inspector.mimeType, sizeBytes: stored.sizeBytes, sha256: inspector.sha256, storageKey: stored.key,
      }, app.clock.now()));
      return reply.code(201).send(created);
    } catch (e) {
      await app.storage.delete(stored.key);
      throw e;
    }
  });

  app.get('/applications/:id/attachments/:attachmentId', { schema: { tags, params: attachmentParams, produces: ['application/octet-stream'], response: { 200: z.unknown().describe('the file as uploaded'), 404: problem } } },
    async (request, reply) => {
      const file = await readableAttachment(app.db, currentUser(request), request.params.id, request.params.attachmentId);
      return reply
        .type(file.mimeType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(app.storage.get(file.storageKey));
    });

  app.delete('/applications/:id/attachments/:attachmentId', { config: { roles: ['applicant'] },
    schema: { tags, params: attachmentParams, response: { 204: z.null(), 404: problem, 409: problem } } }, async (request, reply) => {
    const user = currentUser(request);
    const key = await app.db.transaction((tx) => removeAttachment(tx, user, request.params.id, request.params.attachmentId, app.clock.now()));
    await app.storage.delete(key);
    return reply.code(204).send(null);
  });
};
export default routes;
