// The password policy of PRODUCT.md, once for the API and the SPA: at least 12 characters, not one repeated
// character, not the e-mail, not a common password. The rules that need no word list are here; the common
// passwords and the strength score (zxcvbn-ts, some 400 KB) are in password-strength.ts, a module path of its own
// so that the SPA loads it only on the screens that set a password.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** Each rule a password can break, by the code its refusal carries (messages/fields.ts words them). */
export const PASSWORD_RULES = ['password-too-short', 'password-repeated', 'password-is-email', 'password-common'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/** Characters as a person counts them (code points), so that an emoji is one and not two. */
const charsOf = (s: string) => [...s];

/** Spaces around the password do not count towards its length: twelve spaces and `  ab  ` are short. */
export const isTooShort = (password: string) => charsOf(password.trim()).length < PASSWORD_MIN_LENGTH;

/** `aaaaaaaaaaaa`, `AAAAaaaaAAAA`, twelve spaces: a single character, however often. */
export const isOneRepeatedCharacter = (password: string) => password.length > 0 && new Set(charsOf(password.toLowerCase())).size === 1;

/** The e-mail itself or its part before the @, in any case and with spaces around. */
export function isTheEmail(password: string, email: string | undefined): boolean {
  const address = email?.trim().toLowerCase();
  if (!address) return false;
  const typed = password.trim().toLowerCase();
  const local = address.slice(0, address.lastIndexOf('@'));
  return typed === address || (local.length > 0 && typed === local);
}

/** The rules a password breaks that need no word list, in the order of PASSWORD_RULES. */
export function passwordRuleIssues(password: string, email?: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  if (isTooShort(password)) broken.push('password-too-short');
  if (isOneRepeatedCharacter(password)) broken.push('password-repeated');
  if (isTheEmail(password, email)) broken.push('password-is-email');
  return broken;
}
