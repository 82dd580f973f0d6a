// A winner's reports (API.md "Reports and documents"): the organisation writes and submits them, the operator's
// organisers review them; a competition's reports and its interim report dates.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ROLES, competitionReportsQuery, idParams, problem, report, reportList, reportPage, reportSchedule, reportScheduleBody, reviewReportBody, updateReportBody,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import {
  applicationReports, competitionReportPage, readReport, readReportSchedule, reviewReport, saveReport, setReportSchedule, submitReport,
} from '../services/reports.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reports'];
  // Every signed-in role: the scope answers (the organisation's members, the operator's organisers, the admin); anyone else gets 404.
  const readers = { roles: ROLES };
  const applicant = { roles: ['applicant'] } as const;
  const organiser = { roles: ['organiser', 'admin'] } as const;

  app.get('/applications/:id/reports', { config: readers, schema: { operationId: 'listApplicationReports',
    summary: 'The report schedule of a winning application, in order', tags, params: idParams, response: { 200: reportList, 403: problem, 404: problem } } },
  async (request) => applicationReports(app.db, currentUser(request), request.params.id, app.clock.now()));

  app.get('/reports/:id', { config: readers, schema: { operationId: 'getReport',
    summary: 'Read a report with its plan, documents, comments and history', tags, params: idParams, response: { 200: report, 403: problem, 404: problem } } },
  async (request) => readReport(app.db, currentUser(request), request.params.id, app.clock.now()));

  app.patch('/reports/:id', { config: applicant, schema: { operationId: 'saveReport',
    summary: 'Autosave a report (from the version it was based on)',
    description: 'Each field named replaces the stored one. The first save of a due report makes it a draft. 412 when the version is not the current one (the current one in params), 409 once submitted or accepted.',
    tags, params: idParams, body: updateReportBody, response: { 200: report, 400: problem, 403: problem, 404: problem, 409: problem, 412: problem } } },
  async (request) => saveReport(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));

  app.post('/reports/:id/submit', { config: applicant, schema: { operationId: 'submitReport',
    summary: 'Submit a report for review', description: '422 lists every problem at once, each with a path into the report.',
    tags, params: idParams, response: { 200: report, 403: problem, 404: problem, 409: problem, 422: problem } } },
  async (request) => submitReport(app.db, currentUser(request), request.params.id, app.clock.now()));

  app.post('/reports/:id/review', { config: organiser, schema: { operationId: 'reviewReport',
    summary: 'Accept a submitted report, or return it with comments', tags, params: idParams, body: reviewReportBody,
    response: { 200: report, 400: problem, 403: problem, 404: problem, 409: problem } } },
  async (request) => reviewReport(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));

  app.get('/competitions/:id/reports', { config: organiser, schema: { operationId: 'listCompetitionReports',
    summary: 'A competition\'s reports: overdue first, then those still owed by deadline, then those awaiting review',
    tags, params: idParams, querystring: competitionReportsQuery, response: { 200: reportPage, 400: problem, 403: problem, 404: problem } } },
  async (request) => competitionReportPage(app.db, currentUser(request), request.params.id, request.query, app.secret, app.clock.now()));

  app.get('/competitions/:id/report-schedule', { config: organiser, schema: { operationId: 'getReportSchedule',
    summary: 'The interim report dates of a competition\'s winners', tags, params: idParams, response: { 200: reportSchedule, 403: problem, 404: problem } } },
  async (request) => readReportSchedule(app.db, currentUser(request), request.params.id));

  app.put('/competitions/:id/report-schedule', { config: organiser, schema: { operationId: 'setReportSchedule',
    summary: 'Set the interim report dates of a competition\'s winners (until the results are published)', tags, params: idParams, body: reportScheduleBody,
    response: { 200: reportSchedule, 400: problem, 403: problem, 404: problem, 409: problem } } },
  async (request) => setReportSchedule(app.db, currentUser(request), request.params.id, request.body.interimDates, app.clock.now()));
};
export default routes;
