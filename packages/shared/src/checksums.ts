// ИНН, ОГРН and КПП checks, shared by the API (validation) and the SPA (live checks).
import { INN_PATTERN, KPP_PATTERN, OGRN_PATTERN } from './patterns.js';

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/** A legal entity's ИНН: 10 digits, the last a check digit (weights 2,4,10,3,5,9,4,6,8; sum mod 11 mod 10). */
export function isValidInn(inn: string): boolean {
  if (!INN_PATTERN.test(inn)) return false;
  const sum = INN10_WEIGHTS.reduce((acc, w, i) => acc + w * Number(inn[i]), 0);
  return (sum % 11) % 10 === Number(inn[9]);
}

/** ОГРН: 13 digits, first 1 or 5; check digit = (first 12 digits mod 11) mod 10. */
export function isValidOgrn(ogrn: string): boolean {
  if (!OGRN_PATTERN.test(ogrn)) return false;
  return Number(BigInt(ogrn.slice(0, 12)) % 11n) % 10 === Number(ogrn[12]);
}

/** КПП has no checksum: only its shape is checked. */
export function isValidKpp(kpp: string): boolean {
  return KPP_PATTERN.test(kpp);
}

export function innCheckDigit(nine: string): string {
  const sum = INN10_WEIGHTS.reduce((acc, w, i) => acc + w * Number(nine[i]), 0);
  return String((sum % 11) % 10);
}

export function ogrnCheckDigit(twelve: string): string {
  return String(Number(BigInt(twelve) % 11n) % 10);
}
