// Award allocation: walk the ranking and give each qualifying application its amount while the budget lasts.
import { awardsDecided, isAllowedAwardAmount, type AwardMode, type CompetitionStatus, type NotSupportedReason } from '@konkurs/shared';
import { conflict, type FieldIssue } from './errors.js';

export interface AwardCandidate {
  applicationId: string;
  rank: number;
  organizationId: string;
  /** Null while the application has no final score: it never qualifies. */
  finalScore: number | null;
  requestedKopecks: number;
}

export interface AwardRules {
  budgetKopecks: number;
  passMark: number;
  oneWinPerOrganization: boolean;
  mode: AwardMode;
  /** Amounts the organiser lowered, by application id. */
  overrides?: ReadonlyMap<string, number>;
}

export interface Allocation {
  budgetKopecks: number;
  allocatedKopecks: number;
  remainingKopecks: number;
  awards: { applicationId: string; rank: number; amountKopecks: number }[];
  /** Why each other candidate was passed over, in rank order. */
  passedOver: { applicationId: string; reason: NotSupportedReason }[];
}

/**
 * `ranking` in rank order. An application qualifies with final score ≥ pass mark and, under one win per
 * organisation, no earlier win of its organisation; one that does not qualify is passed over. When the rest
 * of the budget cannot cover a qualifying one, mode `stop` ends the list and mode `skip` goes on. Every candidate
 * not awarded is passed over for a reason the applicant is told.
 */
export function allocateAwards(ranking: readonly AwardCandidate[], rules: AwardRules): Allocation {
  let remaining = rules.budgetKopecks;
  let stopped = false;
  const winners = new Set<string>();
  const awards: Allocation['awards'] = [];
  const passedOver: Allocation['passedOver'] = [];
  for (const c of ranking) {
    const pass = (reason: NotSupportedReason) => passedOver.push({ applicationId: c.applicationId, reason });
    if (c.finalScore === null) { pass('not-reviewed'); continue; }
    if (c.finalScore < rules.passMark) { pass('below-pass-mark'); continue; }
    if (rules.oneWinPerOrganization && winners.has(c.organizationId)) { pass('organization-won'); continue; }
    const amount = rules.overrides?.get(c.applicationId) ?? c.requestedKopecks;
    // After a stop, the ones below still get their own reason (the pass mark, an earlier win) before the budget.
    if (stopped || amount > remaining) {
      if (rules.mode === 'stop') stopped = true;
      pass('budget-exhausted');
      continue;
    }
    remaining -= amount;
    winners.add(c.organizationId);
    awards.push({ applicationId: c.applicationId, rank: c.rank, amountKopecks: amount });
  }
  return { budgetKopecks: rules.budgetKopecks, allocatedKopecks: rules.budgetKopecks - remaining, remainingKopecks: remaining, awards, passedOver };
}

/** Overrides may only lower an amount, for applications in the ranking, once each; paths name the body field. */
export function overrideIssues(overrides: readonly { applicationId: string; amountKopecks: number }[], ranking: readonly AwardCandidate[]): FieldIssue[] {
  const requested = new Map(ranking.map((c) => [c.applicationId, c.requestedKopecks]));
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  overrides.forEach((o, i) => {
    const max = requested.get(o.applicationId);
    if (max === undefined) issues.push({ path: `overrides.${i}.applicationId`, code: 'not-in-ranking' });
    else if (seen.has(o.applicationId)) issues.push({ path: `overrides.${i}.applicationId`, code: 'overridden-twice' });
    else if (!isAllowedAwardAmount(o.amountKopecks, max)) issues.push({ path: `overrides.${i}.amountKopecks`, code: 'override-raises', params: { max } });
    seen.add(o.applicationId);
  });
  return issues;
}

/** Awards are decided once, while the competition is in review. */
export function requireUndecided(comp: { status: CompetitionStatus; code: string }): void {
  if (awardsDecided(comp.status)) throw conflict('already-decided', { code: comp.code });
  if (comp.status !== 'review') throw conflict('competition-not-in-review', { code: comp.code, status: comp.status });
}

/** No decision over an unfinished review: refused while any application still waits for one (the extra expert's included). */
export function requireNoneWaiting(waiting: readonly { number: string }[]): void {
  if (waiting.length) throw conflict('reviews-pending', { numbers: waiting.map((w) => w.number), count: waiting.length });
}
