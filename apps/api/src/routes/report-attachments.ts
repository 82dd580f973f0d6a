// A report's supporting documents (API.md "Reports and documents": multipart as for applications).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { attachmentDownload, attachmentParams, idParams, problem, reportAttachment } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { fieldInvalid } from '../domain/errors.js';
import { fieldsThenFile, sendStoredFile, uploadLimits } from '../lib/upload-request.js';
import type { IncomingFile } from '../services/attachments.js';
import {
  MAX_ATTACHMENTS_PER_REPORT, downloadReportAttachment, removeReportAttachment, uploadReportAttachment, type ReportFileFields,
} from '../services/report-attachments.js';

/** A budget line's index as a form field sends it: digits only. */
const budgetIndexField = z.string().trim().regex(/^\d{1,3}$/).transform(Number);

/** An optional `budgetIndex` before the file (a `kind`, as an application's upload sends, is accepted and unused). */
function budgetLineThenFile(request: FastifyRequest, reply: FastifyReply): Promise<IncomingFile<ReportFileFields>> {
  let budgetIndex: number | null = null;
  return fieldsThenFile(request, reply, (name, value) => {
    if (name !== 'budgetIndex' || value === '') return;
    const parsed = budgetIndexField.safeParse(value);
    if (!parsed.success) throw fieldInvalid('budgetIndex', 'budget-index-invalid');
    budgetIndex = parsed.data;
  }, () => ({ budgetIndex }));
}

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reports'];
  const { config } = app;

  app.post('/reports/:id/attachments', {
    config: { roles: ['applicant'] },
    schema: {
      operationId: 'uploadReportAttachment', summary: 'Add a supporting document to a report', tags, params: idParams, consumes: ['multipart/form-data'],
      description: 'multipart/form-data: an optional `budgetIndex` field (the index of the application’s budget line the document supports), '
        + `then the \`file\` field; the rules of an application's documents (at most ${config.UPLOAD_MAX_BYTES} bytes, the type by its bytes, `
        + 'the organisation’s quota: 409 `storage-quota-exceeded`, 507 `storage-full`). While the report is due, a draft or returned '
        + `(409 \`report-not-editable\` otherwise); 409 \`too-many-report-attachments\` past ${MAX_ATTACHMENTS_PER_REPORT} documents.`,
      response: { 201: reportAttachment, 400: problem, 404: problem, 409: problem, 413: problem, 415: problem, 507: problem },
    },
  }, async (request, reply) => reply.code(201).send(
    await uploadReportAttachment(app.db, currentUser(request), request.params.id, () => budgetLineThenFile(request, reply), app.storage,
      app.clock.now(), uploadLimits(app, request))));

  // Whoever may read the report; anyone else (an expert, an official, another organisation) meets a 404.
  app.get('/reports/:id/attachments/:attachmentId', {
    schema: { operationId: 'downloadReportAttachment', summary: 'Download a supporting document of a report as uploaded', tags,
      params: attachmentParams, produces: ['application/octet-stream'], response: { 200: attachmentDownload, 404: problem } },
  }, async (request, reply) =>
    sendStoredFile(reply, await downloadReportAttachment(app.db, currentUser(request), request.params.id, request.params.attachmentId, app.storage)));

  app.delete('/reports/:id/attachments/:attachmentId', {
    config: { roles: ['applicant'] },
    schema: { operationId: 'deleteReportAttachment', summary: 'Remove a supporting document from a report being written', tags,
      params: attachmentParams, response: { 204: z.null(), 404: problem, 409: problem } },
  }, async (request, reply) => {
    await removeReportAttachment(app.db, currentUser(request), request.params.id, request.params.attachmentId, app.storage, app.clock.now());
    return reply.code(204).send(null);
  });
};
export default routes;
