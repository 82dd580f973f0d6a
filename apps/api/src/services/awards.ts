// Award decisions: the proposal (a dry run over the current ranking) and its confirmation, recorded at once
// under the competition's row lock.
import { hasResults, type AwardBody, type AwardProposal } from '@konkurs/shared';
import type { Db, Executor } from '../db/client.js';
import type { competitions } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { allocateAwards, overrideIssues, requireUndecided } from '../domain/awards.js';
import { invalid } from '../domain/errors.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { awardCandidates, rankedApplications } from '../queries/ranking.js';
import { copyAwardedAmounts, insertAwards } from '../queries/awards.js';
import { recordAudit } from './audit-log.js';
import { transitionApplications, transitionCompetition } from './transitions.js';

type CompetitionRow = typeof competitions.$inferSelect;

/** The allocation over the current ranking, with the ranking it was made from. */
async function allocation(db: Executor, comp: CompetitionRow, body: AwardBody) {
  const ranked = await rankedApplications(db, comp.id);
  const candidates = awardCandidates(ranked);
  const overrides = body.overrides ?? [];
  const issues = overrideIssues(overrides, candidates);
  if (issues.length) throw invalid(issues);
  const result = allocateAwards(candidates, {
    budgetKopecks: comp.budgetKopecks, passMark: comp.passMark, oneWinPerOrganization: comp.oneWinPerOrganization, mode: body.mode,
    overrides: new Map(overrides.map((o) => [o.applicationId, o.amountKopecks])),
  });
  return { ranked, allocation: result };
}

/** What the awards would be (nothing is saved). */
export async function proposeAwards(db: Executor, actor: AuthUser, competitionId: string, body: AwardBody): Promise<AwardProposal> {
  const comp = await competitionOfOrganiser(db, actor, competitionId);
  requireUndecided(comp);
  return (await allocation(db, comp, body)).allocation;
}

/**
 * Records the decision. The competition row is locked FOR UPDATE, so confirmations take turns: the first
 * decides, the others then find it decided (409). Winners get their amount, every other application still
 * in the running is not supported, and the competition is decided.
 */
export async function confirmAwards(db: Db, actor: AuthUser, competitionId: string, body: AwardBody, now: Date): Promise<AwardProposal> {
  return db.transaction(async (tx) => {
    const comp = await competitionOfOrganiser(tx, actor, competitionId, { lock: true });
    requireUndecided(comp);
    const { ranked, allocation: decided } = await allocation(tx, comp, body);
    const amounts = new Map(decided.awards.map((a) => [a.applicationId, a.amountKopecks]));
    await insertAwards(tx, comp.id, decided, actor.id, now);
    const winners = ranked.filter((r) => amounts.has(r.applicationId)).map((r) => ({ id: r.applicationId, status: r.status, number: r.number }));
    const others = ranked.filter((r) => !amounts.has(r.applicationId) && !hasResults(r.status))
      .map((r) => ({ id: r.applicationId, status: r.status, number: r.number }));
    await transitionApplications(tx, winners, 'winner', actor, now, { operatorId: comp.operatorId, detail: (id) => ({ awardedKopecks: amounts.get(id) }) });
    if (winners.length) await copyAwardedAmounts(tx, comp.id);
    await transitionApplications(tx, others, 'not_supported', actor, now, { operatorId: comp.operatorId });
    await transitionCompetition(tx, comp, 'decided', actor, now, {
      set: { decidedAt: now },
      detail: { mode: body.mode, winners: decided.awards.length, allocatedKopecks: decided.allocatedKopecks, remainingKopecks: decided.remainingKopecks },
    });
    await recordAudit(tx, { actorId: actor.id, action: 'awards.recorded', entityType: 'competition', entityId: comp.id, operatorId: comp.operatorId,
      after: { awards: decided.awards, overrides: body.overrides ?? [] }, at: now });
    return decided;
  });
}
