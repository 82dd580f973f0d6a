// The printable documents (application/pdf, reproducible: the same data gives the same bytes) and the competition's
// commission the protocol lists. The answer carries the document's sha256 as its ETag; the headers plugin makes it no-store.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { FIGURES_ROLES, ROLES, commission, commissionBody, idParams, pdfDownload, problem } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import { contentDisposition } from '../domain/attachment-types.js';
import { agreementPdf, applicationPdf, protocolPdf, type PdfFile } from '../services/documents.js';
import { readCommission, setCommission } from '../services/commission.js';

const tags = ['documents'];
const REPRODUCIBLE = 'A PDF in Russian (Roboto embedded), byte-identical for the same data: its dates are the data’s, not the download’s. '
  + 'The first rendering of given bytes is recorded in the audit log with its sha256 (document.generated); the ETag is that sha256.';
const pdfSchema = (operationId: string, summary: string) =>
  ({ operationId, summary, description: REPRODUCIBLE, tags, params: idParams, produces: ['application/pdf'],
    response: { 200: pdfDownload, 401: problem, 403: problem, 404: problem, 409: problem } });

function sendPdf(reply: FastifyReply, file: PdfFile) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(file.fileName))
    .header('etag', `"${file.sha256}"`)
    .send(file.bytes);
}

const routes: FastifyPluginAsyncZod = async (app) => {
  // Every role past the gate: the application's scope decides (an expert or another organisation: 404, never 403).
  const applicationReaders = { roles: ROLES } as const;

  app.get('/applications/:id/print.pdf', { config: applicationReaders,
    schema: pdfSchema('downloadApplicationPdf', 'Download the submitted application as PDF (number, submission time, sha256 of its content)') },
  async (request, reply) => sendPdf(reply, await applicationPdf(app.db, currentUser(request), request.params.id, app.clock.now())));

  app.get('/applications/:id/agreement.pdf', { config: applicationReaders,
    schema: pdfSchema('downloadAgreementPdf', 'Download the grant agreement of a winning application as PDF (after publication)') },
  async (request, reply) => sendPdf(reply, await agreementPdf(app.db, currentUser(request), request.params.id, app.clock.now())));

  // The longest layout (a national round's ranking): it takes one of the process's download slots.
  app.get('/competitions/:id/protocol.pdf', { config: { roles: FIGURES_ROLES, download: 'exports' },
    schema: pdfSchema('downloadProtocolPdf', 'Download the protocol of the competition commission as PDF (after the decision)') },
  async (request, reply) => sendPdf(reply, await protocolPdf(app.db, currentUser(request), request.params.id, app.clock.now())));

  app.get('/competitions/:id/commission', { config: { roles: ['organiser', 'official', 'admin'] },
    schema: { operationId: 'getCommission', summary: 'Read the competition commission (members, positions, roles)', tags, params: idParams,
      response: { 200: commission, 404: problem } } },
  async (request) => readCommission(app.db, currentUser(request), request.params.id));

  app.put('/competitions/:id/commission', { config: { roles: ['organiser', 'admin'] },
    schema: { operationId: 'setCommission', summary: 'Replace the competition commission (one chair and one secretary at most)', tags, params: idParams,
      body: commissionBody, response: { 200: commission, 400: problem, 404: problem, 409: problem } } },
  async (request) => setCommission(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));
};
export default routes;
