// The organiser's ranking of a competition: one order for the list, the award proposal and the applicant's rank.
import type { RankingRow } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { competitionRanking } from '../queries/ranking.js';

export async function rankingOfCompetition(db: Executor, actor: AuthUser, competitionId: string): Promise<RankingRow[]> {
  const comp = await competitionOfOrganiser(db, actor, competitionId);
  return competitionRanking(db, comp.id);
}
