import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateAwards, overrideIssues, type AwardCandidate } from '../../src/domain/awards.js';

const R = 100; // kopecks per rouble
const example: AwardCandidate[] = [
  { applicationId: 'P1', rank: 1, organizationId: 'X', finalScore: 76.25, requestedKopecks: 600_000 * R },
  { applicationId: 'P2', rank: 2, organizationId: 'X', finalScore: 74.0, requestedKopecks: 200_000 * R },
  { applicationId: 'P3', rank: 3, organizationId: 'Y', finalScore: 70.1, requestedKopecks: 500_000 * R },
  { applicationId: 'P5', rank: 4, organizationId: 'W', finalScore: 68.0, requestedKopecks: 150_000 * R },
  { applicationId: 'P4', rank: 5, organizationId: 'Z', finalScore: 65.0, requestedKopecks: 300_000 * R },
];
const rules = { budgetKopecks: 1_000_000 * R, passMark: 66, oneWinPerOrganization: true };

describe('allocateAwards (PRODUCT.md worked example)', () => {
  it('stop: P1 only, 600 000,00 allocated, 400 000,00 left', () => {
    const a = allocateAwards(example, { ...rules, mode: 'stop' });
    expect(a.awards.map((x) => x.applicationId)).toEqual(['P1']);
    expect(a).toMatchObject({ budgetKopecks: 100_000_000, allocatedKopecks: 60_000_000, remainingKopecks: 40_000_000 });
  });

  it('skip: P1 and P5, 750 000,00 allocated, 250 000,00 left', () => {
    const a = allocateAwards(example, { ...rules, mode: 'skip' });
    expect(a.awards).toEqual([{ applicationId: 'P1', rank: 1, amountKopecks: 60_000_000 }, { applicationId: 'P5', rank: 4, amountKopecks: 15_000_000 }]);
    expect(a).toMatchObject({ allocatedKopecks: 75_000_000, remainingKopecks: 25_000_000 });
  });

  it('lets a lowered amount fit where the request did not, and gives X a second win without one-win', () => {
    const a = allocateAwards(example, { ...rules, mode: 'stop', overrides: new Map([['P3', 400_000 * R]]) });
    expect(a.awards.map((x) => [x.applicationId, x.amountKopecks])).toEqual([['P1', 60_000_000], ['P3', 40_000_000]]);
    const b = allocateAwards(example, { ...rules, oneWinPerOrganization: false, mode: 'stop' });
    expect(b.awards.map((x) => x.applicationId)).toEqual(['P1', 'P2']);
  });

  it('gives every application passed over its reason (worked example)', () => {
    const stop = allocateAwards(example, { ...rules, mode: 'stop' });
    expect(stop.passedOver).toEqual([
      { applicationId: 'P2', reason: 'organization-won' }, { applicationId: 'P3', reason: 'budget-exhausted' },
      // Stopped at P3: P5 would qualify but the list has ended; P4 is below the pass mark all the same.
      { applicationId: 'P5', reason: 'budget-exhausted' }, { applicationId: 'P4', reason: 'below-pass-mark' },
    ]);
    const skip = allocateAwards([...example, { applicationId: 'P6', rank: 6, organizationId: 'V', finalScore: null, requestedKopecks: 1 }], { ...rules, mode: 'skip' });
    expect(skip.passedOver).toEqual([
      { applicationId: 'P2', reason: 'organization-won' }, { applicationId: 'P3', reason: 'budget-exhausted' },
      { applicationId: 'P4', reason: 'below-pass-mark' }, { applicationId: 'P6', reason: 'not-reviewed' },
    ]);
  });

  it('never awards an application without a final score', () => {
    expect(allocateAwards([{ ...example[0], finalScore: null }], { ...rules, mode: 'skip' }).awards).toEqual([]);
  });

  it('accepts only lowered amounts for applications in the ranking, once each', () => {
    expect(overrideIssues([
      { applicationId: 'P1', amountKopecks: 600_000 * R + 1 }, { applicationId: 'nope', amountKopecks: 1 }, { applicationId: 'P2', amountKopecks: 0 },
      { applicationId: 'P3', amountKopecks: 1 }, { applicationId: 'P3', amountKopecks: 1 },
    ], example)).toEqual([
      { path: 'overrides.0.amountKopecks', code: 'override-raises', params: { max: 600_000 * R } },
      { path: 'overrides.1.applicationId', code: 'not-in-ranking' },
      { path: 'overrides.2.amountKopecks', code: 'override-raises', params: { max: example[1].requestedKopecks } },
      { path: 'overrides.4.applicationId', code: 'overridden-twice' },
    ]);
    expect(overrideIssues([{ applicationId: 'P1', amountKopecks: 600_000 * R }], example)).toEqual([]);
  });
});

describe('allocateAwards properties', () => {
  const candidate = fc.record({
    organizationId: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
    finalScore: fc.option(fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100), { nil: null }),
    requestedKopecks: fc.integer({ min: 1, max: 2_000_000_00 }),
  });
  const ranking = fc.array(candidate, { maxLength: 40 }).map((xs) => xs.map((x, i) => ({ ...x, applicationId: `app${i}`, rank: i + 1 })));
  const settings = fc.record({
    budgetKopecks: fc.integer({ min: 0, max: 5_000_000_00 }),
    passMark: fc.integer({ min: 0, max: 100 }),
    oneWinPerOrganization: fc.boolean(),
    mode: fc.constantFrom('stop' as const, 'skip' as const),
  });

  it('never exceeds the budget, respects the pass mark and one win, and keeps the ranking order', () => {
    fc.assert(fc.property(ranking, settings, (rank, r) => {
      const a = allocateAwards(rank, r);
      const byId = new Map(rank.map((c) => [c.applicationId, c]));
      const sum = a.awards.reduce((s, x) => s + x.amountKopecks, 0);
      expect(sum).toBe(a.allocatedKopecks);
      expect(sum).toBeLessThanOrEqual(r.budgetKopecks);
      expect(a.remainingKopecks).toBe(r.budgetKopecks - sum);
      for (const x of a.awards) {
        const c = byId.get(x.applicationId)!;
        expect(c.finalScore).not.toBeNull();
        expect(c.finalScore!).toBeGreaterThanOrEqual(r.passMark);
        expect(x.amountKopecks).toBe(c.requestedKopecks);
      }
      if (r.oneWinPerOrganization) {
        const orgs = a.awards.map((x) => byId.get(x.applicationId)!.organizationId);
        expect(new Set(orgs).size).toBe(orgs.length);
      }
      const ranks = a.awards.map((x) => x.rank);
      expect([...ranks].sort((p, q) => p - q)).toEqual(ranks);
      // Every candidate is either awarded or passed over with a reason, once.
      expect([...a.awards.map((x) => x.applicationId), ...a.passedOver.map((x) => x.applicationId)].sort()).toEqual(rank.map((c) => c.applicationId).sort());
      for (const p of a.passedOver) if (p.reason === 'not-reviewed') expect(byId.get(p.applicationId)!.finalScore).toBeNull();
    }), { numRuns: 1000 });
  });

  it('skip awards at least as much as stop, and stop awards a prefix of the qualifying list', () => {
    fc.assert(fc.property(ranking, settings, (rank, r) => {
      const stop = allocateAwards(rank, { ...r, mode: 'stop' });
      const skip = allocateAwards(rank, { ...r, mode: 'skip' });
      expect(skip.awards.length).toBeGreaterThanOrEqual(stop.awards.length);
      expect(skip.awards.slice(0, stop.awards.length)).toEqual(stop.awards);
    }), { numRuns: 500 });
  });
});
