// Results after publication: the applicant's own (score, rank, anonymised reviews) and the public winners registry.
import { resultsArePublic, type ApplicantResults, type WinnersRegistry } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, notFound } from '../domain/errors.js';
import { applicantResults, competitionStatusOf, ownApplicationWithCompetition, winnersRegistry } from '../queries/awards.js';

/** The applicant's results: 409 until the competition's results are public. */
export async function applicationResults(db: Executor, actor: AuthUser, applicationId: string): Promise<ApplicantResults> {
  const row = await ownApplicationWithCompetition(db, actor, applicationId);
  if (!resultsArePublic(row.competitionStatus)) throw conflict('results-not-published');
  return applicantResults(db, row.application);
}

/** The winners registry; 404 before publication (the results do not exist for the public yet). */
export async function publicResults(db: Executor, competitionId: string, now: Date): Promise<WinnersRegistry> {
  const comp = await competitionStatusOf(db, competitionId);
  if (!comp || !resultsArePublic(comp.status)) throw notFound('results');
  return { items: await winnersRegistry(db, comp.id, now) };
}
