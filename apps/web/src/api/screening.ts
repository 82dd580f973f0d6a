// Screening: the organiser admits a submitted application to review or rejects it with a reason the applicant sees.
import type { z } from 'zod';
import type { screeningResult } from '@konkurs/shared';
import { api } from './client';

export type ScreeningDecision = { decision: 'admit' | 'reject'; reason?: string };

export const screenApplication = (id: string, body: ScreeningDecision) =>
  api<z.infer<typeof screeningResult>>(`/applications/${id}/screening`, { method: 'POST', body });
