// The whole password policy with its word list: the rules of password-policy.ts, the common passwords of
// @zxcvbn-ts/language-common (49 233 of them) and zxcvbn-ts's score. A module path of its own
// (`@konkurs/shared/password-strength`), never re-exported by the index, so that the SPA's first visit does not
// carry the list: the screens that set a password import it when they open.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { passwordRuleIssues, type PasswordRule } from './password-policy.js';

/** zxcvbn's score: 0–1 is guessed by an online attack even when it is throttled (fewer than 10⁶ guesses). */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;
/** What the meter under a password field shows; `weak` is a password the server refuses. */
export type PasswordStrength = 'weak' | 'fair' | 'strong';
export interface PasswordVerdict { score: PasswordScore; strength: PasswordStrength; issues: PasswordRule[] }

const GUESSABLE_BELOW: PasswordScore = 2;
// Past 64 characters a password is strong whatever it holds; the cap keeps one check within some 30 ms.
const ANALYSED_LENGTH = 64;

export const COMMON_PASSWORDS: readonly string[] = dictionary['passwords-common'];

let checker: ZxcvbnFactory | undefined;
let common: ReadonlySet<string> | undefined;
/** Built on first use: ranking the dictionaries takes some 30 ms that a process not setting passwords never spends. */
const zxcvbn = () => (checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: ANALYSED_LENGTH }));
const commonSet = () => (common ??= new Set(COMMON_PASSWORDS));

/** What the e-mail tells an attacker who knows it: the address and the words of its local part. */
const hintsOf = (email: string | undefined) =>
  email ? [email.toLowerCase(), ...email.toLowerCase().split('@')[0]!.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2)] : [];

/**
 * A password against the whole policy: the rules without a word list, then, when those pass, `password-common` if
 * the password is one of the list (in any case, spaces around ignored) or zxcvbn guesses it within a million tries
 * (a list word with digits added, a keyboard row, a sequence). `strength` is `weak` while any rule is broken.
 */
export function passwordVerdict(password: string, email?: string): PasswordVerdict {
  const issues = passwordRuleIssues(password, email);
  const { score } = zxcvbn().check(password, hintsOf(email));
  if (!issues.length && (commonSet().has(password.trim().toLowerCase()) || score < GUESSABLE_BELOW)) issues.push('password-common');
  const strength: PasswordStrength = issues.length ? 'weak' : score >= 3 ? 'strong' : 'fair';
  return { score, strength, issues };
}
