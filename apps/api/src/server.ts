// Starts the platform: settings, database (embedded PGlite or PostgreSQL), migrations, first admin,
// demo data, then the API and the built SPA on one port. SIGTERM lets in-flight requests finish.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from './config.js';
import { connectPg, connectPglite, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { buildApp } from './app.js';
import { systemClock } from './lib/clock.js';
import { databaseLabel, loggerOptions, startupSummary } from './lib/log-format.js';
import { exitOnSignals } from './lib/shutdown.js';
import { localFileStorage } from './storage/file-storage.js';
import { DEMO_CODES, ensureAdmin, seedDemo } from './seed.js';

function jwtSecret(config: Config): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  // Generated once and kept in DATA_DIR, so tokens survive a restart.
  const file = join(config.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const pgliteDir = (config: Config) => resolve(config.PGLITE_DIR ?? join(config.DATA_DIR, 'pg'));

async function openDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) {
    const database = connectPg(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
    if (!(await database.ping())) {
      await database.close();
      throw new Error(`Cannot reach the database at DATABASE_URL (${config.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')})`);
    }
    return database;
  }
  const dir = pgliteDir(config);
  mkdirSync(dir, { recursive: true });
  return connectPglite(dir);
}

// When whoever read our output is gone (a closed pipe), a log line must not stop the shutdown: drop it.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE') throw e; });
}

async function main() {
  const started = Date.now();
  const config = loadConfig();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
  } catch (e) {
    await database.close();
    throw new Error(`A database migration failed: ${(e as Error).message}`);
  }
  const admin = await ensureAdmin(database.db, config);
  const demo = config.SEED_DEMO ? await seedDemo(database.db, new Date(), () => console.log('Loading the demo data (first start on an empty database)…')) : [];
  const logins = [...admin, ...demo];
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  const app = await buildApp({
    config, database, clock: systemClock, secret: jwtSecret(config), redis,
    storage: localFileStorage(join(config.DATA_DIR, 'uploads')),
    // Logs go through process.stdout, not pino's default sonic-boom destination: when the reader of our output has gone,
    // sonic-boom's exit-time flushSync retries the failed write (EPIPE) forever and the process never exits.
    // process.stdout reports EPIPE as an error event, dropped above. JSON in production, readable lines otherwise.
    ...loggerOptions(config, process.stdout),
  });

  exitOnSignals({
    graceMs: config.SHUTDOWN_GRACE_MS,
    log: (message, err) => (err ? app.log.error({ err }, message) : app.log.info(message)),
    async close() {
      await app.close();
      redis?.disconnect();
      await database.close();
    },
  });

  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${(app.server.address() as { port: number }).port}`;
  console.log(startupSummary({
    url, database: databaseLabel(database.driver, config.DATABASE_URL ?? pgliteDir(config)), production: config.NODE_ENV === 'production',
    logLevel: config.LOG_LEVEL, seconds: (Date.now() - started) / 1000, logins,
    demo: demo.length ? [`${DEMO_CODES.lastYear} (published)`, `${DEMO_CODES.inReview} (in review)`, `${DEMO_CODES.open} (open)`] : undefined,
  }));
}

main().catch((e) => {
  console.error(`\nKonkurs could not start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
