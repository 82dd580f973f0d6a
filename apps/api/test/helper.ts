// Builds the real app on a fresh database for a test file: `const t = await createTestApp()`, then
// `t.app.inject(...)` or `t.request` (supertest), and `await t.close()` in afterAll.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import supertest from 'supertest';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { connectPg, connectPglite, type Database } from '../src/db/client.js';
import { fixedClock } from '../src/lib/clock.js';
import { localFileStorage } from '../src/storage/file-storage.js';
import { databaseUrl } from './global-setup.js';

export const isRealPostgres = Boolean(process.env.DATABASE_URL);

export async function freshDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `konkurs_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const dbUrl = databaseUrl(url, name);
    const database = connectPg(dbUrl, 30);
    const close = database.close;
    return {
      ...database,
      url: dbUrl,
      async close() {
        await close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await a.end();
      },
    };
  }
  const snapshot = await readFile(inject('pgliteSnapshot'));
  return connectPglite(undefined, new Blob([snapshot]));
}

export type TestClock = ReturnType<typeof fixedClock>;

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Database['db'];
  clock: TestClock;
  config: Config;
  request: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export async function createTestApp(options: { env?: Record<string, string>; now?: Date | string; redis?: Redis; webRoot?: string; logger?: object } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'konkurs-test-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: 'false', LOGIN_RATE_LIMIT: '1000', ...options.env });
  const clock = fixedClock(options.now ?? Date.now());
  const app = await buildApp({ config, database, clock, secret: TEST_SECRET, storage: localFileStorage(join(dataDir, 'uploads')), webRoot: options.webRoot ?? false, redis: options.redis, logger: options.logger });
  await app.ready();
  return {
    app, database, db: database.db, clock, config,
    request: supertest(app.server),
    async close() {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
