// The first admin (ADMIN_EMAIL/ADMIN_PASSWORD) and, on an empty database, the demo data (src/demo) so that a newcomer
// can sign in as every role at once and find a competition at every stage.
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { findUserByEmail } from './queries/users.js';
import { recordAudit } from './services/audit-log.js';
import { addUser } from './services/users.js';
import type { Login } from './demo/seed-demo.js';

export { DEMO_CODES, DEMO_PASSWORD, seedDemo, type Login } from './demo/seed-demo.js';

export async function ensureAdmin(db: Db, config: Config): Promise<Login[]> {
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) return [];
  if (await findUserByEmail(db, config.ADMIN_EMAIL)) return [];
  await db.transaction(async (tx) => {
    // Confirmed: the operator who set ADMIN_EMAIL vouches for it, and the admin reads the outgoing mail itself.
    const u = await addUser(tx, { email: config.ADMIN_EMAIL!, password: config.ADMIN_PASSWORD!, fullName: 'Администратор', role: 'admin' }, { emailVerifiedAt: new Date() });
    await recordAudit(tx, { actorId: null, action: 'user.created', entityType: 'user', entityId: u.id, after: { email: u.email, role: 'admin' }, at: new Date() });
  });
  return [{ role: 'admin', email: config.ADMIN_EMAIL, password: '(ADMIN_PASSWORD)' }];
}
