// Award allocation: walk the ranking and give each qualifying application its amount while the budget lasts.
import type { AwardMode } from '@konkurs/shared';
import type { FieldError } from '../lib/problem.js';

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
}

/**
 * `ranking` in rank order. An application qualifies with final score ≥ pass mark and, under one win per
 * organisation, no earlier win of its organisation; one that does not qualify is passed over. When the rest
 * of the budget cannot cover a qualifying one, mode `stop` ends the list and mode `skip` goes on.
 */
export function allocateAwards(ranking: readonly AwardCandidate[], rules: AwardRules): Allocation {
  let remaining = rules.budgetKopecks;
  const winners = new Set<string>();
  const awards: Allocation['awards'] = [];
  for (const c of ranking) {
    if (c.finalScore === null || c.finalScore < rules.passMark) continue;
    if (rules.oneWinPerOrganization && winners.has(c.organizationId)) continue;
    const amount = rules.overrides?.get(c.applicationId) ?? c.requestedKopecks;
    if (amount > remaining) {
      if (rules.mode === 'stop') break;
      continue;
    }
    remaining -= amount;
    winners.add(c.organizationId);
    awards.push({ applicationId: c.applicationId, rank: c.rank, amountKopecks: amount });
  }
  return { budgetKopecks: rules.budgetKopecks, allocatedKopecks: rules.budgetKopecks - remaining, remainingKopecks: remaining, awards };
}

/** Overrides may only lower an amount, for applications in the ranking, once each; paths name the body field. */
export function overrideErrors(overrides: readonly { applicationId: string; amountKopecks: number }[], ranking: readonly AwardCandidate[]): FieldError[] {
  const requested = new Map(ranking.map((c) => [c.applicationId, c.requestedKopecks]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  overrides.forEach((o, i) => {
    const max = requested.get(o.applicationId);
    if (max === undefined) errors.push({ path: `overrides.${i}.applicationId`, message: 'not an application in this competition\'s ranking' });
    else if (seen.has(o.applicationId)) errors.push({ path: `overrides.${i}.applicationId`, message: 'overridden twice' });
    else if (o.amountKopecks < 1 || o.amountKopecks > max) errors.push({ path: `overrides.${i}.amountKopecks`, message: `may only lower the amount: from 1 to ${max} kopecks` });
    seen.add(o.applicationId);
  });
  return errors;
}
