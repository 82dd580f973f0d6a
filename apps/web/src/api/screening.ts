// Screening: the organiser admits a submitted application to review or rejects it with a reason the applicant sees.
import { api } from './client';

export type ScreeningDecision = { decision: 'admit' | 'reject'; reason?: string };

export const screenApplication = (id: string, body: ScreeningDecision) =>
  api<{ id: string; number: string; status: 'admitted' | 'rejected'; screeningReason: string | null }>(`/applications/${id}/screening`, { method: 'POST', body });
