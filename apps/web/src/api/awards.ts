// Awards: a proposal is a dry run (nothing saved); confirming records the decisions and the competition is decided.
import type { AwardMode, AwardProposal } from '@konkurs/shared';
import { api } from './client';

export type AwardOverride = { applicationId: string; amountKopecks: number };
export type AwardRequest = { mode: AwardMode; overrides?: AwardOverride[] };

export const proposeAwards = (competitionId: string, body: AwardRequest) =>
  api<AwardProposal>(`/competitions/${competitionId}/awards/proposal`, { method: 'POST', body });

export const confirmAwards = (competitionId: string, body: AwardRequest) =>
  api<AwardProposal>(`/competitions/${competitionId}/awards`, { method: 'POST', body });
