// Applies migrations/ (SQL written by drizzle-kit) on either driver; with an owner role, as that role, granting the
// role the server runs as only what it needs.
import { join } from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { connectPg, type Database } from './client.js';
import { API_DIR } from '../config.js';

export const MIGRATIONS_FOLDER = join(API_DIR, '../../migrations');

/** `grantTo`: after migrating, grant that role what the server needs (konkurs_grant_runtime, migration 0010). */
export async function runMigrations(database: Database, grantTo?: string): Promise<void> {
  if (database.driver === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  // Several API processes may start at once: one migrates, the others wait on the lock.
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock(727274)');
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    // Every time, not once: a table a later migration adds is granted too.
    if (grantTo) await client.query('select konkurs_grant_runtime($1)', [grantTo]);
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => {});
    client.release();
  }
}

/**
 * Migrates through DATABASE_OWNER_URL and grants the role `runtime` is connected as (DATABASE_URL's): that role owns
 * nothing, so it cannot drop a trigger or alter a table, and on the audit log it may only read and append.
 */
export async function migrateAsOwner(ownerUrl: string, runtime: Database): Promise<void> {
  const owner = connectPg(ownerUrl, 2);
  try {
    const { rows: [as] } = await runtime.pool!.query<{ role: string; database: string }>('select current_user as role, current_database() as database');
    const { rows: [own] } = await owner.pool!.query<{ database: string }>('select current_database() as database');
    if (own.database !== as.database) throw new Error(`DATABASE_OWNER_URL opens the database ${own.database}, DATABASE_URL ${as.database}: give both the same`);
    await runMigrations(owner, as.role);
  } finally {
    await owner.close();
  }
}
