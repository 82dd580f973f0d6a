// Signing up, in and out, and changing one's password. A session is started by the caller's `startSession`
// (plugins/auth.ts signs its token); ending sessions is a row in the database, so every process sees it at once.
import { CONSENT_VERSION, type User } from '@konkurs/shared';
import type { Db } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { DomainError, unauthenticated } from '../domain/errors.js';
import { checkNewPassword, hashPassword, verifyPassword } from '../lib/passwords.js';
import { accountRecordOf, findUserByEmail, passwordHashOf, revokeSessions, setUser, toUser } from '../queries/users.js';
import { recordAudit } from './audit-log.js';
import { afterPasswordChange, checkConsent, sendVerification } from './accounts.js';
import { addUser } from './users.js';

/** Issues a token for a new session of the user. */
export type StartSession = (userId: string) => Promise<string>;

// Compared against when the e-mail is unknown, so that timing does not tell which e-mails exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2y1Yx7rTt7bS2Qy3cXh5qv0p6l2c9g0mQ2j8mJ5d1dA';

/**
 * Anyone may sign up, as an applicant: the consent sent is recorded (a v1 client's sign-up without one is asked for
 * it at sign-in), and a confirmation link goes to the address in the same transaction.
 */
export async function register(db: Db, body: { email: string; password: string; fullName: string; consent?: { version: string } },
  startSession: StartSession, now: Date): Promise<{ token: string; user: User }> {
  const { consent, ...account } = body;
  if (consent) checkConsent(consent);
  const user = await db.transaction(async (tx) => {
    const u = await addUser(tx, { ...account, role: 'applicant' }, consent ? { consentVersion: consent.version, consentAt: now } : {});
    await recordAudit(tx, { actorId: u.id, action: 'user.registered', entityType: 'user', entityId: u.id,
      after: { email: u.email, role: u.role, consentVersion: u.consentVersion }, at: now });
    await sendVerification(tx, u, now);
    return u;
  });
  return { token: await startSession(user.id), user: toUser(user) };
}

/** The same answer for an unknown e-mail, a wrong password and a deactivated account. */
export async function login(db: Db, body: { email: string; password: string }, startSession: StartSession): Promise<{ token: string; user: User }> {
  const user = await findUserByEmail(db, body.email);
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, body.password);
  if (!user || !ok || !user.active) throw unauthenticated('invalid-credentials');
  return { token: await startSession(user.id), user: toUser(user) };
}

/** Ends the session the request came with. */
export async function logout(db: Db, actor: AuthUser, now: Date): Promise<void> {
  await revokeSessions(db, actor.id, now, actor.sessionId);
}

/** A new password keeps the policy and ends every session of the user, this one included; the holder is told by e-mail. */
export async function changePassword(db: Db, actor: AuthUser, body: { currentPassword: string; password: string }, now: Date): Promise<void> {
  const stored = await passwordHashOf(db, actor.id);
  if (!stored || !(await verifyPassword(stored, body.currentPassword)))
    throw new DomainError('invalid', 'wrong-password', {}, [{ path: 'currentPassword', code: 'wrong-password' }]);
  checkNewPassword(body.password, actor.email, 'password');
  const passwordHash = await hashPassword(body.password);
  await db.transaction(async (tx) => {
    await afterPasswordChange(tx, await setUser(tx, actor.id, { passwordHash }), now);
    await recordAudit(tx, { actorId: actor.id, action: 'user.password_changed', entityType: 'user', entityId: actor.id, at: now });
  });
}

/**
 * The signed-in user with what the account records of its e-mail, consent and language (`/auth/me`). Consent is asked
 * of those who sign up themselves (applicants); staff accounts are opened by their operator or the platform, which
 * process their data under the contract they work under.
 */
export async function accountOf(db: Db, actor: AuthUser) {
  const row = await accountRecordOf(db, actor.id);
  const { id, email, fullName, role, operatorId } = actor;
  return {
    id, email, fullName, role, operatorId,
    emailVerified: Boolean(row?.verified), consentRequired: role === 'applicant' && row?.consentVersion !== CONSENT_VERSION, language: row?.language ?? 'ru',
  };
}
