import { describe, expect, it } from 'vitest';
import { formatRussianDate, parseRussianDate } from '../src/components/date-fields';

describe('Russian date text', () => {
  it('reads day.month.year, with or without leading zeros', () => {
    expect(parseRussianDate('01.02.2027')).toBe('2027-02-01');
    expect(parseRussianDate(' 1.2.2027 ')).toBe('2027-02-01');
  });
  it('refuses what is no calendar day or not in Russian order', () => {
    expect(parseRussianDate('31.02.2027')).toBeNull();
    expect(parseRussianDate('02/01/2027')).toBeNull();
    expect(parseRussianDate('2027-02-01')).toBeNull();
    expect(parseRussianDate('')).toBeNull();
  });
  it('writes what it reads', () => {
    expect(formatRussianDate('2027-02-01')).toBe('01.02.2027');
    expect(parseRussianDate(formatRussianDate('2028-02-29'))).toBe('2028-02-29');
  });
});
