// An organiser's work on a competition's settings: create, versioned patch, lifecycle moves.
import type { Competition, CreateCompetitionBody } from '@konkurs/shared';
import { api } from './client';

export type CompetitionMove = 'open' | 'start-review' | 'publish';
export type CompetitionPatch = Partial<Omit<CreateCompetitionBody, 'operatorId'>> & { version: number };

export const createCompetition = (body: CreateCompetitionBody) => api<Competition>('/competitions', { method: 'POST', body });
/** A versioned save: 412 when someone saved a newer version in between; 409 names the fields the stage freezes. */
export const updateCompetition = (id: string, body: CompetitionPatch) => api<Competition>(`/competitions/${id}`, { method: 'PATCH', body });
export const moveCompetition = (id: string, move: CompetitionMove) => api<Competition>(`/competitions/${id}/${move}`, { method: 'POST' });
