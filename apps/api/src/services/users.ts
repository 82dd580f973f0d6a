// Accounts as administrators manage them: who may be created with which role, changes of role, operator,
// activity or password (each of which ends the user's sessions), and the lists staff read.
import { OPERATOR_REQUIRED_ROLES, type CreateUserBody, type Role, type User } from '@konkurs/shared';
import type { Db, Tx } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict, fieldInvalid, forbidden } from '../domain/errors.js';
import { checkNewPassword, hashPassword } from '../lib/passwords.js';
import { cursorList, decodeCursor, pageOf } from '../lib/cursor.js';
import { emailOf, findUserByEmail, insertUser, listUsers, lockUser, revokeSessions, setUser, toUser, type UserRow } from '../queries/users.js';
import { operatorExists } from '../queries/operators.js';
import { recordAudit } from './audit-log.js';
import { afterPasswordChange } from './accounts.js';

const NOBODY = '00000000-0000-0000-0000-000000000000';
const emailTaken = () => conflict('email-taken', {}, [{ path: 'email', code: 'email-taken' }]);

/** What a new account records of its address and consent: unconfirmed and without consent unless told. */
export interface AccountRecord { emailVerifiedAt?: Date; consentVersion?: string; consentAt?: Date }

/**
 * A new account, whoever creates it (sign-up, an administrator, the seed): organisers and officials belong to an
 * operator, applicants to none; only experts have directions; the password keeps the policy; one account per e-mail.
 */
export async function addUser(tx: Tx, input: CreateUserBody, record: AccountRecord = {}): Promise<UserRow> {
  if (OPERATOR_REQUIRED_ROLES.includes(input.role) && !input.operatorId) throw fieldInvalid('operatorId', 'operator-required', { role: input.role });
  if (input.operatorId && !(await operatorExists(tx, input.operatorId))) throw fieldInvalid('operatorId', 'unknown-operator');
  if (input.expertDirections?.length && input.role !== 'expert') throw fieldInvalid('expertDirections', 'directions-for-experts');
  checkNewPassword(input.password, input.email);
  // Checked before the password is hashed, which costs far more than the look-up.
  if (await findUserByEmail(tx, input.email)) throw emailTaken();
  const row = await insertUser(tx, {
    email: input.email, passwordHash: await hashPassword(input.password), fullName: input.fullName, role: input.role,
    operatorId: input.role === 'applicant' ? null : (input.operatorId ?? null),
    expertDirections: input.expertDirections ?? [], regionCode: input.regionCode ?? null, ...record,
  });
  if (!row) throw emailTaken();
  return row;
}

/**
 * An administrator creates any account; an organiser only experts of its own operator. The address counts as
 * confirmed: the one who opens the account vouches for it, and its holder never signs up to get the link.
 */
export async function createUser(db: Db, actor: AuthUser, body: CreateUserBody, now: Date): Promise<User> {
  let input = body;
  if (actor.role === 'organiser') {
    if (body.role !== 'expert') throw forbidden('experts-only');
    if (body.operatorId && body.operatorId !== actor.operatorId) throw fieldInvalid('operatorId', 'own-operator-only');
    input = { ...body, operatorId: actor.operatorId ?? undefined };
  }
  const created = await db.transaction(async (tx) => {
    const u = await addUser(tx, input, { emailVerifiedAt: now });
    await recordAudit(tx, { actorId: actor.id, action: 'user.created', entityType: 'user', entityId: u.id, operatorId: u.operatorId,
      after: { email: u.email, role: u.role, operatorId: u.operatorId }, at: now });
    return u;
  });
  return toUser(created);
}

export interface UserChanges {
  fullName?: string; role?: Role; operatorId?: string | null; expertDirections?: string[]; regionCode?: string | null; active?: boolean; password?: string;
}

/**
 * An administrator changes an account; a new password, a deactivation or a new role ends the user's sessions. A new
 * password also ends the reset links and tells the holder, as any password change does.
 */
export async function updateUser(db: Db, actor: AuthUser, id: string, body: UserChanges, now: Date): Promise<User> {
  const { password, ...changes } = body;
  if (changes.operatorId && !(await operatorExists(db, changes.operatorId))) throw fieldInvalid('operatorId', 'unknown-operator');
  // Checked against the account's e-mail (which never changes) and hashed before the row is locked: argon2 takes
  // tens of milliseconds, which the lock (on PGlite, the one connection) would be held for. No such account: 404 below.
  const email = password ? await emailOf(db, id) : undefined;
  if (password && email) checkNewPassword(password, email);
  const passwordHash = password && email ? await hashPassword(password) : undefined;
  const updated = await db.transaction(async (tx) => {
    const before = await lockUser(tx, id);
    const set = { ...changes, ...(passwordHash ? { passwordHash } : {}) };
    const after = Object.keys(set).length ? await setUser(tx, before.id, set) : before;
    if (password) await afterPasswordChange(tx, after, now);
    else if (changes.active === false || (changes.role && changes.role !== before.role)) await revokeSessions(tx, before.id, now);
    await recordAudit(tx, { actorId: actor.id, action: 'user.updated', entityType: 'user', entityId: before.id, operatorId: after.operatorId,
      before: { role: before.role, operatorId: before.operatorId, active: before.active }, after: { ...changes, passwordChanged: Boolean(password) }, at: now });
    return after;
  });
  return toUser(updated);
}

/** A page of accounts by e-mail: organisers see their operator's (colleagues and experts), the admin all. */
export async function userPage(db: Db, actor: AuthUser, query: { role?: Role; limit: number; cursor?: string }, secret: string) {
  const { role, limit, cursor } = query;
  const operatorId = actor.role === 'organiser' ? (actor.operatorId ?? NOBODY) : undefined;
  const list = cursorList('users', { role, operatorId }, secret);
  const afterEmail = cursor ? String(decodeCursor(cursor, list, 1)[0]) : undefined;
  const rows = await listUsers(db, { role, operatorId, afterEmail }, limit);
  return pageOf(rows, limit, list, (r) => [r.email], toUser);
}
