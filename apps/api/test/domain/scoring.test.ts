import { describe, expect, it } from 'vitest';
import { reviewCompletenessIssues } from '@konkurs/shared';
import {
  compareRanking, expertTotal, finalScore, normaliseScores, normalizedScores, rankOrder, scoreInputIssues,
} from '../../src/domain/scoring.js';

const K = [
  { code: 'K1', weight: 2, maxScore: 10, commentRequired: false },
  { code: 'K2', weight: 1, maxScore: 10, commentRequired: true },
  { code: 'K3', weight: 1, maxScore: 10, commentRequired: false },
];
const s = (...xs: number[]) => xs.map((score, i) => ({ criterionCode: `K${i + 1}`, score, comment: 'ok' }));

describe('expert totals and the final score (PRODUCT.md worked example)', () => {
  it('computes 72.50, 80.00 and the final 76.25', () => {
    const a = expertTotal(s(8, 6, 7), K);
    const b = expertTotal(s(9, 9, 5), K);
    expect(a).toBe(72.5);
    expect(b).toBe(80);
    expect(finalScore([a, b])).toBe(76.25);
  });

  it('rounds to hundredths half up, exactly, with decimal weights', () => {
    // 100 × 1/3 = 33.333…
    expect(expertTotal([{ criterionCode: 'A', score: 1 }], [{ code: 'A', weight: 1, maxScore: 3 }])).toBe(33.33);
    // 100 × 2/3 = 66.666…
    expect(expertTotal([{ criterionCode: 'A', score: 2 }], [{ code: 'A', weight: 1, maxScore: 3 }])).toBe(66.67);
    // 100 × 1/8 weighted 0.1 and 0.2: 100 × 0.1 / (0.1·8 + 0.2·... ) stays exact with scaled weights
    const crit = [{ code: 'A', weight: 0.1, maxScore: 8, commentRequired: false }, { code: 'B', weight: 0.2, maxScore: 8, commentRequired: false }];
    expect(expertTotal([{ criterionCode: 'A', score: 1 }, { criterionCode: 'B', score: 0 }], crit)).toBe(4.17); // 100 × 0.1/2.4 = 4.1666…
    // 100 × 1/16 = 6.25; 100 × 1/32 = 3.125 → 3.13 (half up)
    expect(expertTotal([{ criterionCode: 'A', score: 1 }], [{ code: 'A', weight: 1, maxScore: 32 }])).toBe(3.13);
    expect(finalScore([1.01, 1.02])).toBe(1.02); // 1.015 → 1.02
    expect(finalScore([0.1, 0.2, 0.3])).toBe(0.2);
    expect(finalScore([])).toBeNull();
  });

  it('counts a missing score as 0 and an empty criteria set as 0', () => {
    expect(expertTotal([{ criterionCode: 'K1', score: 10 }], K)).toBe(50);
    expect(expertTotal([], [])).toBe(0);
  });
});

describe('review checks', () => {
  it('refuses unknown criteria, duplicates and scores out of range, naming the body field', () => {
    const issues = scoreInputIssues([
      { criterionCode: 'K1', score: 11 }, { criterionCode: 'K9', score: 1 }, { criterionCode: 'K2', score: 3 }, { criterionCode: 'K2', score: 4 },
      { criterionCode: 'K3', score: -1 }, { criterionCode: 'K1', score: null },
    ], K);
    expect(issues).toEqual([
      { path: 'scores.0.score', code: 'score-out-of-range', params: { max: 10 } },
      { path: 'scores.1.criterionCode', code: 'unknown-criterion', params: { criterionCode: 'K9' } },
      { path: 'scores.3.criterionCode', code: 'scored-twice', params: { criterionCode: 'K2' } },
      { path: 'scores.4.score', code: 'score-out-of-range', params: { max: 10 } },
      { path: 'scores.5.criterionCode', code: 'scored-twice', params: { criterionCode: 'K1' } },
    ]);
    expect(scoreInputIssues([{ criterionCode: 'K1', score: 10 }, { criterionCode: 'K2', score: null }], K)).toEqual([]);
  });

  it('lists every missing score and required comment at once', () => {
    const scores = normaliseScores([{ criterionCode: 'K1', score: 5, comment: '' }, { criterionCode: 'K2', score: 4, comment: '  ' }], K);
    expect(scores.map((x) => x.criterionCode)).toEqual(['K1', 'K2', 'K3']);
    expect(reviewCompletenessIssues(scores, K)).toEqual([
      { path: 'scores.K2.comment', code: 'comment-required' }, { path: 'scores.K3.score', code: 'score-required' },
    ]);
    expect(reviewCompletenessIssues(s(1, 2, 3), K)).toEqual([]);
  });
});

describe('ranking order', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
  it('orders by final score descending, ties by earlier submission, unscored last', () => {
    const rows = [
      { number: 'A-4', finalScore: null, submittedAt: at(0) },
      { number: 'A-2', finalScore: 80, submittedAt: at(5) },
      { number: 'A-3', finalScore: 80, submittedAt: at(1) },
      { number: 'A-1', finalScore: 90.5, submittedAt: at(9) },
      { number: 'A-5', finalScore: 80, submittedAt: at(1) },
    ];
    expect(rankOrder(rows).map((r) => r.number)).toEqual(['A-1', 'A-3', 'A-5', 'A-2', 'A-4']);
    expect(compareRanking(rows[1], rows[1])).toBe(0);
  });
});

describe('z-score normalisation', () => {
  it('lifts a harsh expert and lowers a lenient one, on the pool scale', () => {
    // Expert H gives 40 and 60; expert L gives 80 and 100 to the same two applications.
    const reviews = [
      { applicationId: 'a', expertId: 'H', total: 40 }, { applicationId: 'b', expertId: 'H', total: 60 },
      { applicationId: 'a', expertId: 'L', total: 80 }, { applicationId: 'b', expertId: 'L', total: 100 },
    ];
    const n = normalizedScores(reviews);
    // pool mean 70, sd √500 ≈ 22.36; z = ∓1 for both experts.
    expect(n.get('a')).toBeCloseTo(70 - Math.sqrt(500), 2);
    expect(n.get('b')).toBeCloseTo(70 + Math.sqrt(500), 2);
    expect(n.get('a')! + n.get('b')!).toBeCloseTo(140, 1);
  });

  it('maps an expert with a single review (no spread) to the pool mean and stays within 0..100', () => {
    const n = normalizedScores([
      { applicationId: 'a', expertId: 'X', total: 10 }, { applicationId: 'b', expertId: 'Y', total: 90 }, { applicationId: 'b', expertId: 'Z', total: 100 },
      { applicationId: 'c', expertId: 'Z', total: 0 },
    ]);
    expect(n.get('a')).toBe(50);
    for (const v of n.values()) expect(v >= 0 && v <= 100).toBe(true);
    expect(normalizedScores([]).size).toBe(0);
  });

  it('gives exactly the figures of the plain formulas (means and standard deviations summed in input order)', () => {
    // The textbook version, kept here as the reference for the typed-array one the ranking runs.
    const reference = (rs: { applicationId: string; expertId: string; total: number }[]) => {
      const stats = (xs: number[]) => {
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        return { mean, sd: Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length) };
      };
      const pool = stats(rs.map((r) => r.total));
      const by = new Map<string, number[]>();
      for (const r of rs) by.set(r.expertId, [...(by.get(r.expertId) ?? []), r.total]);
      const st = new Map([...by].map(([e, xs]) => [e, stats(xs)]));
      const sums = new Map<string, number[]>();
      for (const r of rs) {
        const e = st.get(r.expertId)!;
        sums.set(r.applicationId, [...(sums.get(r.applicationId) ?? []), pool.mean + (e.sd > 1e-9 ? (r.total - e.mean) / e.sd : 0) * pool.sd]);
      }
      return new Map([...sums].map(([id, xs]) => [id, Math.round(Math.min(100, Math.max(0, xs.reduce((s, x) => s + x, 0) / xs.length)) * 100) / 100]));
    };
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const reviews = Array.from({ length: 3000 }, () => ({ applicationId: `a${rnd(1000)}`, expertId: `e${rnd(60)}`, total: rnd(10001) / 100 }));
    expect(normalizedScores(reviews)).toEqual(reference(reviews));
  });
});
