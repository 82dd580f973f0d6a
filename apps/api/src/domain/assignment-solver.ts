// Expert assignment as one solver over data (the HotCRP/OpenReview way): applications needing reviewers,
// the pool with each expert's directions and current load, and the conflicts of interest; out come pairs
// and, for what could not be filled, the reason.
//
// Rules, in order of precedence:
//  1. never a conflict (declared, declined or membership of the applicant organisation), never the same
//     expert twice on one application;
//  2. load balance: every pick takes an eligible expert of the lowest current load, so that loads stay
//     within one of each other (hence within ±1 of the mean) wherever conflicts allow;
//  3. among those, an expert whose directions include the application's;
//  4. then the smaller expert id: the same input gives the same output.
// Applications with the fewest eligible experts go first, so that conflicts bend the balance as little as
// possible. Each application scans the pool once: O(applications × experts), about 10^7 steps for a
// national round (12,000 × 800), well under a second.

export interface SolverApplication {
  id: string;
  organizationId: string;
  directionCode: string | null;
  /** How many more experts it needs. */
  needed: number;
  /** Experts already on it, whatever the status: never assigned again. */
  excludedExperts: readonly string[];
}
export interface SolverExpert { id: string; directions: readonly string[]; load: number }
export interface SolverConflict { expertId: string; organizationId: string }
export interface SolverInput { applications: readonly SolverApplication[]; experts: readonly SolverExpert[]; conflicts: readonly SolverConflict[] }

export interface SolverPair { applicationId: string; expertId: string; directionMatch: boolean }
/** Why an application is short: a message code and its parameters (packages/shared's review messages). */
export type ShortfallReason =
  | { code: 'pool-empty'; params: Record<string, never> }
  | { code: 'no-eligible-expert'; params: { assigned: number; needed: number; pool: number; conflicted: number; already: number } };
export type SolverShortfall = { applicationId: string; assigned: number; needed: number } & ShortfallReason;
export interface SolverResult { pairs: SolverPair[]; unassigned: SolverShortfall[]; loads: Map<string, number> }

export function solveAssignments(input: SolverInput): SolverResult {
  const experts = [...input.experts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = experts.length;
  const index = new Map(experts.map((e, i) => [e.id, i]));
  const load = Int32Array.from(experts, (e) => e.load);
  const directions = experts.map((e) => new Set(e.directions));

  const conflictsByOrg = new Map<string, number[]>();
  for (const c of input.conflicts) {
    const i = index.get(c.expertId);
    if (i === undefined) continue;
    const list = conflictsByOrg.get(c.organizationId);
    if (list) list.push(i); else conflictsByOrg.set(c.organizationId, [i]);
  }

  // `stamp[i] === mark` means expert i is excluded for the application being filled.
  const stamp = new Int32Array(n).fill(-1);
  let mark = 0;
  const exclude = (app: SolverApplication) => {
    mark++;
    let conflicted = 0;
    let already = 0;
    for (const i of conflictsByOrg.get(app.organizationId) ?? []) if (stamp[i] !== mark) { stamp[i] = mark; conflicted++; }
    for (const id of app.excludedExperts) {
      const i = index.get(id);
      if (i !== undefined && stamp[i] !== mark) { stamp[i] = mark; already++; }
    }
    return { conflicted, already, eligible: n - conflicted - already };
  };

  const apps = input.applications.filter((a) => a.needed > 0).map((app) => ({ app, eligible: exclude(app).eligible }));
  apps.sort((a, b) => a.eligible - b.eligible || (a.app.id < b.app.id ? -1 : a.app.id > b.app.id ? 1 : 0));

  const pairs: SolverPair[] = [];
  const unassigned: SolverShortfall[] = [];
  const chosen: number[] = [];
  for (const { app } of apps) {
    const { conflicted, already } = exclude(app);
    const wanted = app.directionCode;
    chosen.length = 0;
    // The best `needed` experts by (load, direction mismatch, id), kept sorted in `chosen`.
    const better = (i: number, j: number) => {
      if (load[i] !== load[j]) return load[i] < load[j];
      const mi = wanted !== null && directions[i].has(wanted) ? 0 : 1;
      const mj = wanted !== null && directions[j].has(wanted) ? 0 : 1;
      return mi !== mj ? mi < mj : i < j;
    };
    for (let i = 0; i < n; i++) {
      if (stamp[i] === mark) continue;
      if (chosen.length === app.needed && !better(i, chosen[chosen.length - 1])) continue;
      let pos = chosen.length === app.needed ? chosen.length - 1 : chosen.length;
      while (pos > 0 && better(i, chosen[pos - 1])) { chosen[pos] = chosen[pos - 1]; pos--; }
      chosen[pos] = i;
    }
    for (const i of chosen) {
      load[i]++;
      pairs.push({ applicationId: app.id, expertId: experts[i].id, directionMatch: wanted !== null && directions[i].has(wanted) });
    }
    if (chosen.length < app.needed) {
      unassigned.push({ applicationId: app.id, assigned: chosen.length, needed: app.needed, ...shortfallReason(n, conflicted, already, chosen.length, app.needed) });
    }
  }
  return { pairs, unassigned, loads: new Map(experts.map((e, i) => [e.id, load[i]])) };
}

function shortfallReason(pool: number, conflicted: number, already: number, assigned: number, needed: number): ShortfallReason {
  if (pool === 0) return { code: 'pool-empty', params: {} };
  return { code: 'no-eligible-expert', params: { assigned, needed, pool, conflicted, already } };
}
