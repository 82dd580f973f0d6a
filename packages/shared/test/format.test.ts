import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatMoneyPlain, formatScore } from '../src/index.js';

const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('groups roubles by thousands with no-break spaces and shows kopecks after a comma', () => {
    expect(formatMoney(150_000_000)).toBe(`1${NBSP}500${NBSP}000,00${NBSP}₽`);
    // Reads as a Russian reader expects once the no-break spaces are shown as spaces.
    expect(formatMoney(150_000_000).replace(/\u00a0/g, ' ')).toBe('1 500 000,00 ₽');
  });

  it('never breaks a line inside an amount: no plain or narrow spaces', () => {
    for (const k of [0, 1, 99, 100_000, 123_456_789_01, Number.MAX_SAFE_INTEGER]) expect(formatMoney(k)).not.toMatch(/[ \u202f]/);
  });

  it.each([
    [0, '0,00'], [1, '0,01'], [99, '0,99'], [100, '1,00'], [123_456, '1 234,56'], [100_000_000, '1 000 000,00'],
    [500_000_000, '5 000 000,00'], [123_456_789_01, '123 456 789,01'],
  ])('%i kopecks → %s ₽', (kopecks, shown) => expect(formatMoney(kopecks as number)).toBe(`${(shown as string).replace(/ /g, NBSP)}${NBSP}₽`));

  it('marks a negative amount with a minus sign', () => expect(formatMoney(-150)).toBe(`−1,50${NBSP}₽`));

  it('has an English form', () => expect(formatMoney(150_000_000, 'en')).toBe('₽1,500,000.00'));
});

describe('formatMoneyPlain (CSV)', () => {
  it.each([
    [0, '0,00'], [5, '0,05'], [150_000_000, '1500000,00'], [123_456_789_01, '123456789,01'], [-150, '-1,50'],
  ])('%i kopecks → %s', (kopecks, shown) => expect(formatMoneyPlain(kopecks as number)).toBe(shown));

  it('uses a decimal point when asked', () => expect(formatMoneyPlain(150_000_050, '.')).toBe('1500000.50'));

  it('is exact for amounts a float would round', () => expect(formatMoneyPlain(Number.MAX_SAFE_INTEGER)).toBe('90071992547409,91'));
});

describe('dates in Moscow time', () => {
  it('shows an instant on the Moscow calendar day', () => {
    expect(formatDate('2027-01-31T21:30:00Z')).toBe('01.02.2027');
    expect(formatDateTime('2027-01-31T21:30:00Z')).toBe('01.02.2027 00:30');
  });

  it('accepts a Date and an offset instant alike', () => {
    expect(formatDateTime(new Date('2027-06-15T12:05:00Z'))).toBe('15.06.2027 15:05');
    expect(formatDateTime('2027-06-15T18:00:00+03:00')).toBe('15.06.2027 18:00');
  });

  it('shows midnight as 00, not 24', () => expect(formatDateTime('2026-12-31T21:00:00Z')).toBe('01.01.2027 00:00'));

  it('uses another zone when given', () => {
    expect(formatDateTime('2027-01-31T21:30:00Z', 'Asia/Vladivostok')).toBe('01.02.2027 07:30');
    expect(formatDate('2027-01-31T21:30:00Z', 'UTC')).toBe('31.01.2027');
  });

  it('shows a calendar date as it is, whatever the zone', () => {
    expect(formatDate('2027-02-01')).toBe('01.02.2027');
    expect(formatDate('2027-02-01', 'America/Los_Angeles')).toBe('01.02.2027');
  });
});

describe('formatScore', () => {
  it('shows two decimals with a comma', () => {
    expect(formatScore(76.25)).toBe('76,25');
    expect(formatScore(60)).toBe('60,00');
    expect(formatScore(76.255, '.')).toMatch(/^76\.2[56]$/);
  });
  it('shows nothing for a missing score', () => {
    expect(formatScore(null)).toBe('');
    expect(formatScore(undefined)).toBe('');
  });
});
