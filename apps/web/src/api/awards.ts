// Awards: a proposal is a dry run (nothing saved); confirming records the decisions and the competition is decided.
import type { AwardBody, AwardProposal } from '@konkurs/shared';
import { api } from './client';

export type AwardOverride = NonNullable<AwardBody['overrides']>[number];

export const proposeAwards = (competitionId: string, body: AwardBody) =>
  api<AwardProposal>(`/competitions/${competitionId}/awards/proposal`, { method: 'POST', body });

export const confirmAwards = (competitionId: string, body: AwardBody) =>
  api<AwardProposal>(`/competitions/${competitionId}/awards`, { method: 'POST', body });
