// Text shapes checked by a pattern, each with the code a mismatch answers: zod's regex issue carries the pattern
// but no params, so messages/zod-issues.ts finds the code by the pattern.
/** Application numbers are built from the competition's code (KLG-2027-0001). */
export const COMPETITION_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]*$/;
export const CRITERION_CODE_PATTERN = /^[\p{L}\p{N}_.-]+$/u;
export const INN_PATTERN = /^\d{10}$/;
export const OGRN_PATTERN = /^[15]\d{12}$/;
/** КПП: 4 digits, 2 digits or capital Latin letters, 3 digits. */
export const KPP_PATTERN = /^\d{4}[\dA-Z]{2}\d{3}$/;
export const PHONE_PATTERN = /^[+\d ()-]*$/;
/** A SHA-256 in hex, as the audit chain writes it: 64 lowercase hex digits. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export const PATTERN_CODES: ReadonlyMap<string, string> = new Map(([
  [COMPETITION_CODE_PATTERN, 'competition-code-format'],
  [CRITERION_CODE_PATTERN, 'criterion-code-format'],
  [INN_PATTERN, 'inn-format'],
  [OGRN_PATTERN, 'ogrn-format'],
  [KPP_PATTERN, 'kpp-format'],
  [PHONE_PATTERN, 'phone-format'],
  [SHA256_PATTERN, 'sha256-format'],
] as const).map(([re, code]) => [String(re), code]));
