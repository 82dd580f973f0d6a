// One drizzle database over either driver: PGlite (embedded, in DATA_DIR) or a PostgreSQL server through `pg`.
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/**
 * An open transaction. A function that relies on a lock its caller took, or writes that must commit together,
 * takes a Tx: the pool (a Db) is not one, so it cannot be handed the pool by mistake.
 */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database or a transaction: functions that only read take either. */
export type Executor = Tx | Db;

export interface Database {
  db: Db;
  driver: 'pg' | 'pglite';
  /** The pg pool when on a server (for streaming cursors); undefined on PGlite. */
  pool?: pg.Pool;
  pglite?: PGlite;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

// Money columns are bigint; PostgreSQL's numeric comes back as a string. Both are parsed by drizzle's column modes.
export function connectPg(url: string, poolSize = 20): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 });
  // A dropped connection must not crash the process; the next query reports the failure. The pool only
  // listens to idle clients: one checked out (in a transaction) when the server goes away emits 'error'
  // with nobody listening, which would end the process; its query fails anyway and the pool drops it.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pg',
    pool,
    async ping() {
      try { await pool.query('select 1'); return true; } catch { return false; }
    },
    async close() { await pool.end(); },
  };
}

export async function connectPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const client = new PGlite({ dataDir, loadDataDir });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    pglite: client,
    async ping() {
      try { await db.execute(sql`select 1`); return true; } catch { return false; }
    },
    async close() { if (!client.closed) await client.close(); },
  };
}
