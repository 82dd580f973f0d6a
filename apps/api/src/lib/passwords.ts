// Passwords are checked against the policy of PRODUCT.md (shared's password-strength: rules, common passwords,
// zxcvbn) wherever one is set, and hashed with argon2id (OWASP's parameters: 19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';
import { passwordVerdict } from '@konkurs/shared/password-strength';
import { invalid } from '../domain/errors.js';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum the bundler cannot inline)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Refuses a new password the policy forbids (400), each broken rule by its code on the field it came in. */
export function checkNewPassword(password: string, email: string, path = 'password'): void {
  const { issues } = passwordVerdict(password, email);
  if (issues.length) throw invalid(issues.map((code) => ({ path, code })));
}

export const hashPassword = (password: string) => hash(password, OPTIONS as never);
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try { return await verify(stored, password); } catch { return false; }
}
