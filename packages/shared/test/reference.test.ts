import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, DIRECTION_CODES, DIRECTIONS, FEDERAL_DISTRICTS, REGION_CODES, REGIONS } from '../src/index.js';

describe('reference data', () => {
  it('has the 89 subjects of the federation with unique two-digit codes', () => {
    expect(REGIONS).toHaveLength(89);
    expect(new Set(REGION_CODES).size).toBe(89);
    for (const code of REGION_CODES) expect(code).toMatch(/^\d{2}$/);
    expect(new Set(REGIONS.map((r) => r[1])).size).toBe(89);
  });

  it('puts every region in one of the 8 federal districts', () => {
    expect(Object.keys(FEDERAL_DISTRICTS)).toHaveLength(8);
    for (const [, , district] of REGIONS) expect(FEDERAL_DISTRICTS).toHaveProperty(district);
  });

  it('knows the regions the examples use', () => {
    const name = (code: string) => REGIONS.find((r) => r[0] === code)?.[1];
    expect(name('40')).toBe('Калужская область');
    expect(name('23')).toBe('Краснодарский край');
    expect(name('62')).toBe('Рязанская область');
  });

  it('has the 13 directions of the fund with unique codes and both languages', () => {
    expect(DIRECTIONS).toHaveLength(13);
    expect(new Set(DIRECTION_CODES).size).toBe(13);
    for (const [code, ru, en] of DIRECTIONS) {
      expect(code).toMatch(/^[a-z_]+$/);
      expect(ru).toMatch(/[а-яё]/i);
      expect(en).toMatch(/^[A-Z]/);
    }
  });

  it('has 10 default criteria K1..K10, each scored 0-10 with equal weight', () => {
    expect(DEFAULT_CRITERIA.map((c) => c.code)).toEqual(Array.from({ length: 10 }, (_, i) => `K${i + 1}`));
    for (const c of DEFAULT_CRITERIA) expect(c).toMatchObject({ weight: 1, maxScore: 10, title: expect.stringMatching(/\S/) });
  });
});
