// What the API process (server.ts) and the worker (worker.ts) both need to start: the key that signs tokens, list
// cursors and unsubscribe links, the PostgreSQL server reached before anything else, and addresses said without
// their passwords.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { connectPg, type Database } from '../db/client.js';

/** A connection address (database, SMTP) with its credentials hidden, for logs and messages. */
export const withoutPassword = (url: string) => url.replace(/\/\/[^@]*@/, '//***@');

/**
 * JWT_SECRET, or the key kept in DATA_DIR so tokens survive a restart. The API makes it on its first start (`create`);
 * the worker only reads it, since its unsubscribe links must verify on the API.
 */
export function serverSecret(config: Config, { create }: { create: boolean }): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = join(config.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (!create) throw new Error('No JWT_SECRET, and no key the API made in DATA_DIR: set JWT_SECRET to the API’s, or start the API first with the same DATA_DIR');
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The pool of DATABASE_URL once the server answers; a clear error (no password in it) when it does not. */
export async function reachPostgres(url: string, poolSize: number): Promise<Database> {
  const database = connectPg(url, poolSize);
  if (!(await database.ping())) {
    await database.close();
    throw new Error(`Cannot reach the database at DATABASE_URL (${withoutPassword(url)})`);
  }
  return database;
}
