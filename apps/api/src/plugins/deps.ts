// Decorates the instance with what handlers need: settings, database, clock, file storage.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
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
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Db;
    clock: Clock;
    storage: FileStorage;
    secret: string;
  }
}

export default fp(async function deps(app: FastifyInstance, deps: AppDeps) {
  app.decorate('config', deps.config);
  app.decorate('database', deps.database);
  app.decorate('db', deps.database.db);
  app.decorate('clock', deps.clock);
  app.decorate('storage', deps.storage);
  app.decorate('secret', deps.secret);
}, { name: 'deps' });
