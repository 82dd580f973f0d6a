import { describe, expect, it } from 'vitest';
import { expertTotal } from '../src/scoring.js';

const K = [{ code: 'K1', weight: 2, maxScore: 10 }, { code: 'K2', weight: 1, maxScore: 10 }, { code: 'K3', weight: 1, maxScore: 10 }];
const s = (...xs: (number | null)[]) => xs.map((score, i) => ({ criterionCode: `K${i + 1}`, score }));

describe('expertTotal', () => {
  it('follows the worked example of PRODUCT.md', () => {
    expect(expertTotal(s(8, 6, 7), K)).toBe(72.5);
    expect(expertTotal(s(9, 9, 5), K)).toBe(80);
  });
  it('counts a missing score as 0 and rounds half up to hundredths', () => {
    expect(expertTotal(s(10, null), K)).toBe(50);
    expect(expertTotal([{ criterionCode: 'A', score: 2 }], [{ code: 'A', weight: 1, maxScore: 3 }])).toBe(66.67);
    expect(expertTotal([{ criterionCode: 'A', score: 1 }], [{ code: 'A', weight: 1, maxScore: 32 }])).toBe(3.13);
  });
  it('is 0 without criteria', () => expect(expertTotal([], [])).toBe(0));
});
