import { describe, expect, it } from 'vitest';
import { innCheckDigit, isValidInn, isValidKpp, isValidOgrn, ogrnCheckDigit } from '../src/index.js';

// Real registry entries: ПАО Сбербанк and Фонд президентских грантов.
const VALID_INNS = ['7707083893', '7708240612', '9710000298'];
const VALID_OGRNS = ['1027700132195', '1027739109133', '5087746390353'];

/** Every other digit in the check position: each must be refused. */
function wrongCheckDigits(valid: string): string[] {
  const last = valid.at(-1)!;
  return '0123456789'.split('').filter((d) => d !== last).map((d) => valid.slice(0, -1) + d);
}

describe('ИНН of a legal entity', () => {
  it.each(VALID_INNS)('accepts %s', (inn) => expect(isValidInn(inn)).toBe(true));

  it.each(VALID_INNS)('refuses every wrong check digit of %s', (inn) => {
    for (const bad of wrongCheckDigits(inn)) expect(isValidInn(bad), bad).toBe(false);
  });

  it('computes the check digit it verifies', () => {
    for (const inn of VALID_INNS) expect(innCheckDigit(inn.slice(0, 9))).toBe(inn[9]);
  });

  it.each(['', '770708389', '77070838930', '770708389312', ' 7707083893', '7707083893 '])('refuses the length of %j', (inn) =>
    expect(isValidInn(inn)).toBe(false));

  it.each(['77O7083893', '770708389a', '7707-83893', '７７０７０８３８９３'])('refuses non-digits in %j', (inn) => expect(isValidInn(inn)).toBe(false));
});

describe('ОГРН', () => {
  it.each(VALID_OGRNS)('accepts %s', (ogrn) => expect(isValidOgrn(ogrn)).toBe(true));

  it.each(VALID_OGRNS)('refuses every wrong check digit of %s', (ogrn) => {
    for (const bad of wrongCheckDigits(ogrn)) expect(isValidOgrn(bad), bad).toBe(false);
  });

  it('computes the check digit it verifies', () => {
    for (const ogrn of VALID_OGRNS) expect(ogrnCheckDigit(ogrn.slice(0, 12))).toBe(ogrn[12]);
  });

  it('accepts only 1 or 5 as the first digit', () => {
    for (const first of '02346789') {
      const twelve = first + '027700132' + '19';
      expect(isValidOgrn(twelve + ogrnCheckDigit(twelve)), twelve).toBe(false);
    }
  });

  it.each(['', '102770013219', '10277001321950', '1027700132195123'])('refuses the length of %j', (ogrn) => expect(isValidOgrn(ogrn)).toBe(false));

  it.each(['10277OO132195', '102770013219x', '1027700132.95'])('refuses non-digits in %j', (ogrn) => expect(isValidOgrn(ogrn)).toBe(false));
});

describe('КПП', () => {
  it.each(['773601001', '400101001', '7736AB001', '77360Z001'])('accepts %s', (kpp) => expect(isValidKpp(kpp)).toBe(true));

  it.each(['', '77360100', '7736010011', '77360100A', 'A73601001', '7736ab001', '7736 1001', '7736Б1001'])('refuses %j', (kpp) =>
    expect(isValidKpp(kpp)).toBe(false));
});
