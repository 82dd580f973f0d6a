import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApplicantResults, Application, ApplicationStatus, ApplicationSummary, DraftFields, submitResult } from '@konkurs/shared';
import { api, queryString, type Page } from './client';

export type ApplicationsParams = { competitionId?: string; organizationId?: string; status?: ApplicationStatus; hidden?: boolean; limit?: number; cursor?: string };

export const applicationKeys = {
  all: ['applications'] as const,
  list: (p: ApplicationsParams) => ['applications', 'list', p] as const,
  one: (id: string) => ['applications', id] as const,
  results: (id: string) => ['applications', id, 'results'] as const,
};

export const applicationsQuery = (params: ApplicationsParams = {}) =>
  queryOptions({ queryKey: applicationKeys.list(params), queryFn: () => api<Page<ApplicationSummary>>(`/applications${queryString(params)}`) });

export const applicationQuery = (id: string) =>
  queryOptions({ queryKey: applicationKeys.one(id), queryFn: () => api<Application>(`/applications/${id}`) });

export const applicationResultsQuery = (id: string) =>
  queryOptions({ queryKey: applicationKeys.results(id), queryFn: () => api<ApplicantResults>(`/applications/${id}/results`), retry: false });

export const createApplication = (competitionId: string, body: DraftFields & { organizationId: string }) =>
  api<Application>(`/competitions/${competitionId}/applications`, { method: 'POST', body });

/** A versioned save: 412 when someone saved a newer version in between. */
export const saveApplication = (id: string, version: number, fields: DraftFields) =>
  api<Application>(`/applications/${id}`, { method: 'PATCH', body: { version, ...fields } });

export const submitApplication = (id: string) =>
  api<z.infer<typeof submitResult>>(`/applications/${id}/submit`, { method: 'POST' });
export const withdrawApplication = (id: string) => api<Application>(`/applications/${id}/withdraw`, { method: 'POST' });

/** The submit's own check, nothing changed: resolves when a submit would pass now, throws its 409/422 otherwise. */
export const checkSubmission = (id: string) => api<void>(`/applications/${id}/submit-check`);

/** Deletes a draft with its documents (204). */
export const deleteApplication = (id: string) => api<void>(`/applications/${id}`, { method: 'DELETE' });

/** Hides a withdrawn application from the organisation's list, or shows it again. */
export const setApplicationHidden = (id: string, hidden: boolean) =>
  api<Application>(`/applications/${id}/${hidden ? 'hide' : 'unhide'}`, { method: 'POST' });
