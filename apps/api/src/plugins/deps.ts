// Decorates the instance with what handlers need: settings, database, clock, file storage, the audit signing key.
import type { KeyObject } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { generateAuditKey } from '../lib/audit-key.js';
import type { Database, Db } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import type { FileStorage } from '../storage/file-storage.js';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  storage: FileStorage;
  /** Signs tokens and list cursors. */
  secret: string;
  /**
   * The ed25519 private key that signs audit checkpoints (lib/audit-key.ts), never stored in the database. server.ts
   * passes the kept one; without it (tests, the bench) each app signs with a key of its own.
   */
  auditKey?: KeyObject;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Db;
    clock: Clock;
    storage: FileStorage;
    secret: string;
    auditKey: KeyObject;
  }
}

export default fp(async function deps(app: FastifyInstance, deps: AppDeps) {
  app.decorate('config', deps.config);
  app.decorate('database', deps.database);
  app.decorate('db', deps.database.db);
  app.decorate('clock', deps.clock);
  app.decorate('storage', deps.storage);
  app.decorate('secret', deps.secret);
  app.decorate('auditKey', deps.auditKey ?? generateAuditKey());
}, { name: 'deps' });
