// An expert's review of one assignment: read, save a draft (versioned), submit once.
import { queryOptions } from '@tanstack/react-query';
import type { Review, ReviewSubmitResult } from '@konkurs/shared';
import { api } from './client';

export type ScoreInput = { criterionCode: string; score: number | null; comment: string };
export type ReviewInput = { version?: number; scores: ScoreInput[]; comment: string };

export const reviewKeys = { one: (assignmentId: string) => ['reviews', assignmentId] as const };

export const reviewQuery = (assignmentId: string) =>
  queryOptions({ queryKey: reviewKeys.one(assignmentId), queryFn: () => api<Review>(`/assignments/${assignmentId}/review`) });

/** A versioned save: 412 when the review was saved elsewhere in between. */
export const saveReview = (assignmentId: string, body: ReviewInput) =>
  api<Review>(`/assignments/${assignmentId}/review`, { method: 'PUT', body });

/** 422 lists what is missing (`scores.<criterion>.score|comment`); 409 once submitted. */
export const submitReview = (assignmentId: string) =>
  api<ReviewSubmitResult>(`/assignments/${assignmentId}/review/submit`, { method: 'POST' });
