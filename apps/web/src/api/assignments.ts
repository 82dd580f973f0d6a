// Assignments: an expert's own queue, a competition's list for its organiser, automatic and manual assignment, decline.
import { queryOptions } from '@tanstack/react-query';
import type { Assignment, AssignmentStatus, AutoAssignResult, DeclineResult, ExpertAssignment } from '@konkurs/shared';
import { api, queryString, type Page } from './client';

export type AssignmentsParams = { status?: AssignmentStatus; expertId?: string; applicationId?: string; limit?: number; cursor?: string };

export const assignmentKeys = {
  all: ['assignments'] as const,
  mine: (p: AssignmentsParams) => ['assignments', 'mine', p] as const,
  ofCompetition: (competitionId: string, p: AssignmentsParams = {}) => ['assignments', 'competition', competitionId, p] as const,
};

export const myAssignmentsQuery = (params: AssignmentsParams = { limit: 500 }) =>
  queryOptions({ queryKey: assignmentKeys.mine(params), queryFn: () => api<Page<ExpertAssignment>>(`/assignments/mine${queryString(params)}`) });

export const competitionAssignmentsQuery = (competitionId: string, params: AssignmentsParams = { limit: 500 }) =>
  queryOptions({
    queryKey: assignmentKeys.ofCompetition(competitionId, params),
    queryFn: () => api<Page<Assignment>>(`/competitions/${competitionId}/assignments${queryString(params)}`),
  });

export const autoAssign = (competitionId: string, dueAt?: string) =>
  api<AutoAssignResult>(`/competitions/${competitionId}/assignments/auto`, { method: 'POST', body: dueAt ? { dueAt } : {} });

export const assignManually = (body: { applicationId: string; expertId: string; dueAt?: string }) =>
  api<Assignment>('/assignments', { method: 'POST', body });

export const declineAssignment = (id: string, reason: string) =>
  api<DeclineResult>(`/assignments/${id}/decline`, { method: 'POST', body: { reason } });
