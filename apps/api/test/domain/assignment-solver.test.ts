import { describe, expect, it } from 'vitest';
import { solveAssignments, type SolverApplication, type SolverExpert } from '../../src/domain/assignment-solver.js';

const DIRECTIONS = ['social_services', 'health', 'family', 'youth', 'science', 'culture', 'talents', 'memory', 'rights', 'environment', 'harmony', 'diplomacy', 'civil_society'];
const pad = (i: number) => String(i).padStart(6, '0');
const expert = (i: number, directions: string[] = [], load = 0): SolverExpert => ({ id: `e${pad(i)}`, directions, load });
const application = (i: number, extra: Partial<SolverApplication> = {}): SolverApplication =>
  ({ id: `a${pad(i)}`, organizationId: `o${pad(i)}`, directionCode: null, needed: 2, excludedExperts: [], ...extra });

function loadsOf(result: ReturnType<typeof solveAssignments>) {
  const loads = [...result.loads.values()];
  return { min: Math.min(...loads), max: Math.max(...loads), mean: loads.reduce((s, x) => s + x, 0) / loads.length };
}

describe('assignment solver', () => {
  it('gives each application the needed distinct experts, preferring direction matches among the least loaded', () => {
    const experts = [expert(1, ['youth']), expert(2, ['culture']), expert(3, ['culture']), expert(4, ['youth', 'culture'])];
    const r = solveAssignments({ applications: [application(1, { directionCode: 'culture' })], experts, conflicts: [] });
    expect(r.pairs.map((p) => p.expertId)).toEqual(['e000002', 'e000003']);
    expect(r.pairs.every((p) => p.directionMatch)).toBe(true);
    expect(r.unassigned).toEqual([]);
  });

  it('puts load balance before direction: a matching expert with more work waits', () => {
    const experts = [expert(1, ['culture'], 3), expert(2, []), expert(3, [])];
    const r = solveAssignments({ applications: [application(1, { directionCode: 'culture' })], experts, conflicts: [] });
    expect(r.pairs.map((p) => p.expertId)).toEqual(['e000002', 'e000003']);
  });

  it('never assigns a conflict or an expert already on the application, and reports what it could not fill', () => {
    const experts = [expert(1), expert(2), expert(3)];
    const apps = [
      application(1, { organizationId: 'X' }),
      application(2, { organizationId: 'Y', needed: 1, excludedExperts: ['e000001'] }),
      application(3, { organizationId: 'X', needed: 3 }),
    ];
    const r = solveAssignments({ applications: apps, experts, conflicts: [{ expertId: 'e000002', organizationId: 'X' }, { expertId: 'e000003', organizationId: 'Y' }] });
    const of = (id: string) => r.pairs.filter((p) => p.applicationId === id).map((p) => p.expertId).sort();
    expect(of('a000001')).toEqual(['e000001', 'e000003']);
    expect(of('a000002')).toEqual(['e000002']);
    expect(of('a000003')).toEqual(['e000001', 'e000003']);
    expect(r.unassigned).toEqual([{
      applicationId: 'a000003', assigned: 2, needed: 3, code: 'no-eligible-expert', params: { assigned: 2, needed: 3, pool: 3, conflicted: 1, already: 0 },
    }]);
  });

  it('reports impossible cases: an empty pool, everyone in conflict', () => {
    const empty = solveAssignments({ applications: [application(1)], experts: [], conflicts: [] });
    expect(empty.pairs).toEqual([]);
    expect(empty.unassigned).toEqual([{ applicationId: 'a000001', assigned: 0, needed: 2, code: 'pool-empty', params: {} }]);
    const conflicted = solveAssignments({ applications: [application(1, { organizationId: 'X' })], experts: [expert(1), expert(2)], conflicts: [
      { expertId: 'e000001', organizationId: 'X' }, { expertId: 'e000002', organizationId: 'X' }, { expertId: 'stranger', organizationId: 'X' },
    ] });
    expect(conflicted.pairs).toEqual([]);
    expect(conflicted.unassigned[0]).toMatchObject({ code: 'no-eligible-expert', params: { conflicted: 2, pool: 2 } });
  });

  it('skips applications that need nobody and counts existing loads', () => {
    const r = solveAssignments({ applications: [application(1, { needed: 0 }), application(2, { needed: 1 })], experts: [expert(1, [], 5), expert(2, [], 4)], conflicts: [] });
    expect(r.pairs).toEqual([{ applicationId: 'a000002', expertId: 'e000002', directionMatch: false }]);
    expect(r.loads.get('e000002')).toBe(5);
  });

  it('is deterministic whatever the input order', () => {
    const experts = Array.from({ length: 7 }, (_, i) => expert(i, [DIRECTIONS[i % 3]]));
    const apps = Array.from({ length: 20 }, (_, i) => application(i, { directionCode: DIRECTIONS[i % 4], organizationId: `o${i % 5}` }));
    const conflicts = [{ expertId: 'e000001', organizationId: 'o1' }, { expertId: 'e000003', organizationId: 'o2' }];
    const a = solveAssignments({ applications: apps, experts, conflicts });
    const b = solveAssignments({ applications: [...apps].reverse(), experts: [...experts].reverse(), conflicts: [...conflicts].reverse() });
    const key = (r: typeof a) => r.pairs.map((p) => `${p.applicationId}:${p.expertId}`).sort();
    expect(key(b)).toEqual(key(a));
  });

  it('keeps loads within one of each other when no conflicts bind', () => {
    const experts = Array.from({ length: 13 }, (_, i) => expert(i, [DIRECTIONS[i]], i % 3));
    const apps = Array.from({ length: 101 }, (_, i) => application(i, { directionCode: DIRECTIONS[(i * 7) % 13], needed: 1 + (i % 3) }));
    const r = solveAssignments({ applications: apps, experts, conflicts: [] });
    const { min, max } = loadsOf(r);
    expect(max - min).toBeLessThanOrEqual(1);
  });

  it('solves a national round (12,000 applications × 2 over 800 experts) in well under 5 s, balanced within ±1 of the mean', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const experts = Array.from({ length: 800 }, (_, i) => expert(i, [DIRECTIONS[Math.floor(rnd() * 13)], DIRECTIONS[Math.floor(rnd() * 13)]]));
    const apps = Array.from({ length: 12_000 }, (_, i) => application(i, { organizationId: `o${Math.floor(rnd() * 9000)}`, directionCode: DIRECTIONS[Math.floor(rnd() * 13)] }));
    // Sparse conflicts: 2,000 (expert, organisation) pairs.
    const conflicts = Array.from({ length: 2000 }, () => ({ expertId: `e${pad(Math.floor(rnd() * 800))}`, organizationId: `o${Math.floor(rnd() * 9000)}` }));
    const started = performance.now();
    const r = solveAssignments({ applications: apps, experts, conflicts });
    const elapsed = performance.now() - started;
    console.info(`solver: 12,000 × 2 over 800 experts in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(5000);
    expect(r.pairs).toHaveLength(24_000);
    expect(r.unassigned).toEqual([]);
    const { min, max, mean } = loadsOf(r);
    expect(mean).toBe(30);
    expect(max - mean).toBeLessThanOrEqual(1);
    expect(mean - min).toBeLessThanOrEqual(1);
    const conflictSet = new Set(conflicts.map((c) => `${c.expertId}|${c.organizationId}`));
    const orgOf = new Map(apps.map((a) => [a.id, a.organizationId]));
    const seen = new Set<string>();
    for (const p of r.pairs) {
      expect(conflictSet.has(`${p.expertId}|${orgOf.get(p.applicationId)}`)).toBe(false);
      const key = `${p.applicationId}|${p.expertId}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    // Direction is a preference: most pairs match.
    expect(r.pairs.filter((p) => p.directionMatch).length / r.pairs.length).toBeGreaterThan(0.5);
  });
});
