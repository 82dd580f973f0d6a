// What an account proves by e-mail and records of its holder: a forgotten password reset through a link (1 hour,
// single use), the address confirmed through a link (7 days, single use), and the consent to the processing of
// personal data (152-ФЗ) with the version of its text and the time. The secrets travel only in the e-mail; the
// database keeps their sha256 (queries/account-tokens.ts). docs/SECURITY.md says what an unconfirmed account may do.
import { setTimeout as sleep } from 'node:timers/promises';
import { CONSENT_VERSION } from '@konkurs/shared';
import type { Db, Tx } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { DomainError, fieldInvalid } from '../domain/errors.js';
import { checkNewPassword, hashPassword } from '../lib/passwords.js';
import { digestOf, findToken, insertToken, invalidateTokens, newSecret, useToken, type TokenPurpose } from '../queries/account-tokens.js';
import { findUserByEmail, lockUser, revokeSessions, setUser } from '../queries/users.js';
import { recordAudit } from './audit-log.js';
import { queueEmail } from './notifications.js';

const HOUR = 3_600_000;
export const RESET_TTL_MS = HOUR;
export const VERIFY_TTL_MS = 7 * 24 * HOUR;
const NOBODY = '00000000-0000-0000-0000-000000000000';

type Recipient = { id: string; email: string; language: 'ru' | 'en' };

const tokenRefused = (code: 'token-invalid' | 'token-expired') => new DomainError('invalid', code, {}, [{ path: 'token', code }]);

/** A consent sent with a request: accepted (the schema's `true`) and of the text in force. */
export function checkConsent(consent: { version: string }): void {
  if (consent.version !== CONSENT_VERSION) throw fieldInvalid('consent.version', 'consent-outdated', { current: CONSENT_VERSION });
}

/** A new confirmation link to the account's address; earlier unused ones stop working. */
export async function sendVerification(tx: Tx, user: Recipient, now: Date): Promise<void> {
  await invalidateTokens(tx, user.id, 'verify-email', now);
  const { token, tokenHash } = newSecret();
  await insertToken(tx, { userId: user.id, purpose: 'verify-email', tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + VERIFY_TTL_MS) });
  await queueEmail(tx, { userId: user.id, to: user.email, kind: 'email-verification', language: user.language, params: {}, link: `/verify-email?token=${token}`, secret: true }, now);
}

/** Tells the holder that the password changed; the e-mail's button leads to a reset, should it not have been them. */
async function tellPasswordChanged(tx: Tx, user: Recipient, now: Date): Promise<void> {
  await queueEmail(tx, { userId: user.id, to: user.email, kind: 'password-changed', language: user.language, params: { at: now.toISOString() }, link: '/forgot-password' }, now);
}

/** Whatever a password change does besides the hash: the sessions end, reset links stop working, the holder is told. */
export async function afterPasswordChange(tx: Tx, user: Recipient, now: Date): Promise<void> {
  await revokeSessions(tx, user.id, now);
  await invalidateTokens(tx, user.id, 'password-reset', now);
  await tellPasswordChanged(tx, user, now);
}

/**
 * A reset request is answered this long after it came, whatever was done: writing a token and an e-mail takes a few
 * milliseconds more than finding no account, which a client could otherwise time.
 */
export const RESET_ANSWER_MS = 100;

/**
 * A reset link for an active account with that e-mail; for an unknown e-mail or a deactivated account nothing, with
 * the same answer, the same statements up to the writes (the secret made, a transaction that ends unused tokens — of
 * nobody) and the same time, so that neither the answer nor its time tells which e-mails have accounts.
 */
export async function requestPasswordReset(db: Db, email: string, now: Date): Promise<void> {
  const started = performance.now();
  try {
    const found = await findUserByEmail(db, email);
    const user = found?.active ? found : undefined;
    const { token, tokenHash } = newSecret();
    await db.transaction(async (tx) => {
      await invalidateTokens(tx, user?.id ?? NOBODY, 'password-reset', now);
      if (!user) return;
      await insertToken(tx, { userId: user.id, purpose: 'password-reset', tokenHash, createdAt: now, expiresAt: new Date(now.getTime() + RESET_TTL_MS) });
      await queueEmail(tx, { userId: user.id, to: user.email, kind: 'password-reset', language: user.language, params: {}, link: `/reset-password?token=${token}`, secret: true }, now);
    });
  } finally {
    const left = RESET_ANSWER_MS - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

/** The token's row if it can still be used: unknown, used or of a deactivated account is invalid; past its time, expired. */
async function usableToken(db: Db, purpose: TokenPurpose, token: string, now: Date) {
  const row = await findToken(db, purpose, digestOf(token));
  if (!row || row.usedAt || !row.active) throw tokenRefused('token-invalid');
  if (row.expiresAt.getTime() <= now.getTime()) throw tokenRefused('token-expired');
  return row;
}

/**
 * A new password through a reset link. The policy is checked and the hash made before the transaction (a refused
 * password leaves the link usable); inside, the guarded UPDATE of the token decides which of two concurrent
 * confirms wins. The link proved the address, so it counts as confirmed.
 */
export async function confirmPasswordReset(db: Db, body: { token: string; password: string }, now: Date): Promise<void> {
  const token = await usableToken(db, 'password-reset', body.token, now);
  checkNewPassword(body.password, token.email);
  const passwordHash = await hashPassword(body.password);
  await db.transaction(async (tx) => {
    if (!(await useToken(tx, token.id, now))) throw tokenRefused('token-invalid');
    const user = await setUser(tx, token.userId, { passwordHash, emailVerifiedAt: token.verifiedAt ?? now });
    await afterPasswordChange(tx, user, now);
    await recordAudit(tx, { actorId: user.id, action: 'user.password_reset', entityType: 'user', entityId: user.id, at: now });
  });
}

/** The address confirmed through the link of the confirmation e-mail. */
export async function verifyEmail(db: Db, body: { token: string }, now: Date): Promise<void> {
  const token = await usableToken(db, 'verify-email', body.token, now);
  await db.transaction(async (tx) => {
    if (!(await useToken(tx, token.id, now))) throw tokenRefused('token-invalid');
    if (!token.verifiedAt) await setUser(tx, token.userId, { emailVerifiedAt: now });
  });
}

/** Another confirmation e-mail for the signed-in user; an address already confirmed gets none. */
export async function resendVerification(db: Db, actor: AuthUser, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await lockUser(tx, actor.id);
    if (user.emailVerifiedAt) return;
    await sendVerification(tx, user, now);
  });
}

/** The signed-in user's consent to the text in force, recorded with its version and time (and in the audit log). */
export async function giveConsent(db: Db, actor: AuthUser, consent: { version: string }, now: Date): Promise<void> {
  checkConsent(consent);
  await db.transaction(async (tx) => {
    await setUser(tx, actor.id, { consentVersion: consent.version, consentAt: now });
    await recordAudit(tx, { actorId: actor.id, action: 'user.consent_given', entityType: 'user', entityId: actor.id, after: { consentVersion: consent.version }, at: now });
  });
}
