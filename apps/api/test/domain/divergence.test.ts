import { describe, expect, it } from 'vitest';
import { extraExpertState, isDivergent, reviewedDivergent, reviewOutcome } from '../../src/domain/divergence.js';

const base = { required: 2, threshold: 30, pending: 0, extraAssigned: false, extraReviewed: false };

describe('divergence', () => {
  it('waits while any assignment is pending or the required reviews are not in', () => {
    expect(reviewOutcome({ ...base, totals: [72.5], pending: 1 })).toEqual({ kind: 'waiting' });
    expect(reviewOutcome({ ...base, totals: [72.5] })).toEqual({ kind: 'waiting' });
    expect(reviewOutcome({ ...base, totals: [], required: 0 })).toEqual({ kind: 'waiting' });
    expect(reviewOutcome({ ...base, totals: [10, 90], extraAssigned: true, pending: 1 })).toEqual({ kind: 'waiting' });
  });

  it('ends the review under the threshold (worked example: 7.50 apart → 76.25)', () => {
    expect(reviewOutcome({ ...base, totals: [72.5, 80] })).toEqual({ kind: 'reviewed', finalScore: 76.25, divergent: false });
    // exactly the threshold is not "more than" it
    expect(reviewOutcome({ ...base, totals: [40, 70] })).toMatchObject({ kind: 'reviewed', finalScore: 55 });
  });

  it('asks for one extra expert over the threshold, once', () => {
    expect(reviewOutcome({ ...base, totals: [40, 70.01] })).toEqual({ kind: 'needs-extra', spread: 30.01 });
    expect(reviewOutcome({ ...base, totals: [40, 90, 60], extraAssigned: true, extraReviewed: true })).toEqual({ kind: 'reviewed', finalScore: 63.33, divergent: false });
  });

  it('flags the application divergent when the extra expert declined and nobody replaced them', () => {
    expect(reviewOutcome({ ...base, totals: [40, 90], extraAssigned: true })).toEqual({ kind: 'reviewed', finalScore: 65, divergent: true });
  });

  it('flags the application divergent when no expert is left for the extra review', () => {
    expect(reviewedDivergent([20, 90])).toEqual({ kind: 'reviewed', finalScore: 55, divergent: true });
  });

  it('states the ranking\'s fact: highest minus lowest over the threshold, whatever the extra expert did', () => {
    expect(isDivergent([89, 39], 30)).toBe(true);
    expect(isDivergent([89, 39, 80], 30)).toBe(true);
    expect(isDivergent([90, 60], 30)).toBe(false);
    expect(isDivergent([89], 30)).toBe(false);
    expect(isDivergent([], 30)).toBe(false);
  });

  it('tells whether an extra expert was added and whether their review is in', () => {
    expect(extraExpertState([])).toBeNull();
    expect(extraExpertState(['assigned'])).toBe('assigned');
    expect(extraExpertState(['submitted'])).toBe('reviewed');
  });
});
