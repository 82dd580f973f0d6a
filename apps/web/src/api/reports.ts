// After the award: a winner's reports (the applicant writes, the organiser reviews), a competition's report schedule
// and commission, and the documents (the agreement, the printed application, the protocol) as PDFs.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Commission, CommissionMember, Report, ReportAttachment, ReportPage, ReportSchedule, ReportStatus, ReportSummary, ReviewReportBody, UpdateReportBody } from '@konkurs/shared';
import { API_BASE, api, queryString, type Page } from './client';
import { downloadWithToken, uploadMultipart } from './attachments';

export type CompetitionReportsParams = { status?: ReportStatus; overdue?: boolean };

export const reportKeys = {
  all: ['reports'] as const,
  ofApplication: (applicationId: string) => ['reports', 'application', applicationId] as const,
  one: (id: string) => ['reports', id] as const,
  ofCompetition: (competitionId: string, p: CompetitionReportsParams = {}) => ['reports', 'competition', competitionId, p] as const,
  schedule: (competitionId: string) => ['competitions', competitionId, 'report-schedule'] as const,
  commission: (competitionId: string) => ['competitions', competitionId, 'commission'] as const,
};

/** The reports of one application (its organisation's members, its organisers), in the order of the schedule. */
export const applicationReportsQuery = (applicationId: string) =>
  queryOptions({ queryKey: reportKeys.ofApplication(applicationId), queryFn: () => api<ReportSummary[]>(`/applications/${applicationId}/reports`) });

export const reportQuery = (id: string) =>
  queryOptions({ queryKey: reportKeys.one(id), queryFn: () => api<Report>(`/reports/${id}`) });

/** A versioned save of the fields named (each replaces the whole field): 412 when a newer version was saved in between. */
export const saveReport = (id: string, body: UpdateReportBody) => api<Report>(`/reports/${id}`, { method: 'PATCH', body });

/** 422 lists every problem at once (`errors[{ path, code, params, message }]`), 409 from a status that cannot submit. */
export const submitReport = (id: string) => api<Report>(`/reports/${id}/submit`, { method: 'POST' });

/** The organiser accepts a submitted report or returns it with a general comment and comments per field. */
export const reviewReport = (id: string, body: ReviewReportBody) => api<Report>(`/reports/${id}/review`, { method: 'POST', body });

/** A page of a competition's reports (organiser), overdue and due first. */
export const competitionReportsQuery = (competitionId: string, params: CompetitionReportsParams = {}) =>
  infiniteQueryOptions({
    queryKey: reportKeys.ofCompetition(competitionId, params),
    queryFn: ({ pageParam }) =>
      api<ReportPage>(`/competitions/${competitionId}/reports${queryString({ ...params, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const reportScheduleQuery = (competitionId: string) =>
  queryOptions({ queryKey: reportKeys.schedule(competitionId), queryFn: () => api<ReportSchedule>(`/competitions/${competitionId}/report-schedule`) });
export const setReportSchedule = (competitionId: string, interimDates: string[] | null) =>
  api<ReportSchedule>(`/competitions/${competitionId}/report-schedule`, { method: 'PUT', body: { interimDates } });

export const commissionQuery = (competitionId: string) =>
  queryOptions({ queryKey: reportKeys.commission(competitionId), queryFn: () => api<Commission>(`/competitions/${competitionId}/commission`) });
export const setCommission = (competitionId: string, members: CommissionMember[]) =>
  api<Commission>(`/competitions/${competitionId}/commission`, { method: 'PUT', body: { members } });

/** A supporting document of a report, of one budget line when `budgetIndex` is given (it goes before the file). */
export const uploadReportAttachment = (reportId: string, file: File, budgetIndex: number | null, onProgress: (fraction: number) => void, signal?: AbortSignal) =>
  uploadMultipart<ReportAttachment>(`/reports/${reportId}/attachments`, budgetIndex === null ? [] : [['budgetIndex', String(budgetIndex)]], file, onProgress, signal);

export const reportAttachmentUrl = (reportId: string, attachmentId: string) => `${API_BASE}/reports/${reportId}/attachments/${attachmentId}`;
export const downloadReportAttachment = (reportId: string, attachmentId: string, fileName: string) =>
  downloadWithToken(reportAttachmentUrl(reportId, attachmentId), fileName);
export const deleteReportAttachment = (reportId: string, attachmentId: string) =>
  api<void>(`/reports/${reportId}/attachments/${attachmentId}`, { method: 'DELETE' });

/** The documents, each a reproducible PDF downloaded with the bearer token. */
export const documentPaths = {
  agreement: (applicationId: string) => `/applications/${applicationId}/agreement.pdf`,
  application: (applicationId: string) => `/applications/${applicationId}/print.pdf`,
  protocol: (competitionId: string) => `/competitions/${competitionId}/protocol.pdf`,
};
export const downloadDocument = (path: string, fileName: string) => downloadWithToken(`${API_BASE}${path}`, fileName);
