// Award decisions: the proposal (a dry run over the current ranking) and its confirmation, recorded at once
// under the competition's row lock.
import { NOT_SUPPORTED_REASONS, hasResults, type AwardBody, type AwardProposal } from '@konkurs/shared';
import type { Db, Executor } from '../db/client.js';
import type { competitions } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { allocateAwards, overrideIssues, requireNoneWaiting, requireUndecided, type Allocation } from '../domain/awards.js';
import { invalid } from '../domain/errors.js';
import { competitionOfOrganiser } from '../queries/scope.js';
import { awardCandidates, rankedApplications } from '../queries/ranking.js';
import { copyAwardedAmounts, insertAwards } from '../queries/awards.js';
import { recordAudit } from './audit-log.js';
import { transitionApplications, transitionCompetition } from './transitions.js';

type CompetitionRow = typeof competitions.$inferSelect;

/** The allocation over the current ranking, with the ranking it was made from and the applications still waiting for a review. */
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
  const waiting = ranked.filter((r) => r.waiting).map((r) => ({ applicationId: r.applicationId, number: r.number, title: r.title }));
  return { ranked, allocation: result, waiting };
}

const proposalOf = ({ passedOver: _reasons, ...figures }: Allocation, waiting: AwardProposal['waiting']): AwardProposal => ({ ...figures, waiting });

/** What the awards would be (nothing is saved), and which applications still wait for a review. */
export async function proposeAwards(db: Executor, actor: AuthUser, competitionId: string, body: AwardBody): Promise<AwardProposal> {
  const comp = await competitionOfOrganiser(db, actor, competitionId);
  requireUndecided(comp);
  const { allocation: result, waiting } = await allocation(db, comp, body);
  return proposalOf(result, waiting);
}

/**
 * Records the decision. The competition row is locked FOR UPDATE, so confirmations take turns: the first
 * decides, the others then find it decided (409); review work holds the row FOR SHARE, so no review comes in
 * meanwhile. Refused (409) while any application still waits for a review: a decision is never taken over an
 * unfinished review. Winners get their amount, every other candidate is not supported with the reason the
 * allocation passed it over, and the competition is decided.
 */
export async function confirmAwards(db: Db, actor: AuthUser, competitionId: string, body: AwardBody, now: Date): Promise<AwardProposal> {
  return db.transaction(async (tx) => {
    const comp = await competitionOfOrganiser(tx, actor, competitionId, { lock: true });
    requireUndecided(comp);
    const { ranked, allocation: decided, waiting } = await allocation(tx, comp, body);
    requireNoneWaiting(waiting);
    const amounts = new Map(decided.awards.map((a) => [a.applicationId, a.amountKopecks]));
    await insertAwards(tx, comp.id, decided, actor.id, now);
    const byId = new Map(ranked.map((r) => [r.applicationId, r]));
    const moving = (ids: readonly string[]) => ids.map((id) => byId.get(id)!).filter((r) => !hasResults(r.status))
      .map((r) => ({ id: r.applicationId, status: r.status, number: r.number }));
    await transitionApplications(tx, moving([...amounts.keys()]), 'winner', actor, now, { operatorId: comp.operatorId, detail: (id) => ({ awardedKopecks: amounts.get(id) }) });
    if (amounts.size) await copyAwardedAmounts(tx, comp.id);
    for (const reason of NOT_SUPPORTED_REASONS) {
      const passed = moving(decided.passedOver.filter((p) => p.reason === reason).map((p) => p.applicationId));
      if (passed.length) await transitionApplications(tx, passed, 'not_supported', actor, now, { operatorId: comp.operatorId, set: { notSupportedReason: reason }, detail: () => ({ reason }) });
    }
    await transitionCompetition(tx, comp, 'decided', actor, now, {
      set: { decidedAt: now },
      detail: { mode: body.mode, winners: decided.awards.length, allocatedKopecks: decided.allocatedKopecks, remainingKopecks: decided.remainingKopecks },
    });
    await recordAudit(tx, { actorId: actor.id, action: 'awards.recorded', entityType: 'competition', entityId: comp.id, operatorId: comp.operatorId,
      after: { awards: decided.awards, overrides: body.overrides ?? [] }, at: now });
    return proposalOf(decided, waiting);
  });
}
