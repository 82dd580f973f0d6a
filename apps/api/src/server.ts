// Starts the platform: settings, database (embedded PGlite or PostgreSQL), migrations (as the owner role when one
// is given), first admin, demo data, then the API and the built SPA on one port, publishing a signed checkpoint of
// the audit chain at start-up and daily, the reminders and (with SMTP_URL, unless `pnpm worker` does it) the e-mail
// outbox in the background. SIGTERM lets in-flight requests finish.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.js';
import { connectPglite, type Database } from './db/client.js';
import { migrateAsOwner, runMigrations } from './db/migrate.js';
import { buildApp } from './app.js';
import { loadAuditKey } from './lib/audit-key.js';
import { issueCheckpoint, publishDueCheckpoint } from './services/audit-checkpoints.js';
import { systemClock } from './lib/clock.js';
import { databaseLabel, loggerOptions, startupSummary } from './lib/log-format.js';
import { exitOnSignals } from './lib/shutdown.js';
import { startBackground } from './lib/background.js';
import { reachPostgres, serverSecret } from './lib/process-setup.js';
import { localFileStorage } from './storage/file-storage.js';
import { DEMO_CODES, ensureAdmin, seedDemo } from './seed.js';

/** Checked hourly, so that a publication missed while the database was away is made up within the hour. */
const CHECKPOINT_CHECK_MS = 60 * 60 * 1000;
const CHECKPOINT_EVERY_MS = 24 * 60 * 60 * 1000;

/** A checkpoint published now, then whenever the latest published one is a day old; failures are logged, not fatal. */
function publishAuditCheckpoints(app: FastifyInstance): void {
  const failed = (err: unknown) => app.log.error({ err }, 'Could not publish a checkpoint of the audit log');
  const timer = setInterval(() => { publishDueCheckpoint(app.db, app.auditKey, systemClock.now(), CHECKPOINT_EVERY_MS).catch(failed); }, CHECKPOINT_CHECK_MS).unref();
  app.addHook('onClose', async () => clearInterval(timer));
  issueCheckpoint(app.db, app.auditKey, systemClock.now(), true).catch(failed);
}

/** As the owner when DATABASE_OWNER_URL is set; else the server's own role owns the log (said once in production). */
async function migrate(config: Config, database: Database): Promise<void> {
  if (config.DATABASE_OWNER_URL) return migrateAsOwner(config.DATABASE_OWNER_URL, database);
  await runMigrations(database);
  if (config.NODE_ENV === 'production') {
    console.warn('The audit log is not protected from the server’s own database role (it owns the tables): set DATABASE_OWNER_URL to migrate as the owner and run as a role that cannot alter or truncate the log.');
  }
}

const pgliteDir = (config: Config) => resolve(config.PGLITE_DIR ?? join(config.DATA_DIR, 'pg'));

async function openDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) return reachPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
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
    await migrate(config, database);
  } catch (e) {
    await database.close();
    throw new Error(`A database migration failed: ${(e as Error).message}`);
  }
  const admin = await ensureAdmin(database.db, config);
  const demo = config.SEED_DEMO ? await seedDemo(database.db, new Date(), () => console.log('Loading the demo data (first start on an empty database)…')) : [];
  const logins = [...admin, ...demo];
  // Connected once the app (lib/limits.ts) listens for its errors: ioredis prints "Unhandled error event" for each
  // failed reconnect otherwise. A Redis that hangs must not hold up a sign-in: the limits count in-process after 500 ms.
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 500 })
    : undefined;
  const secret = serverSecret(config, { create: true });
  const app = await buildApp({
    config, database, clock: systemClock, secret, auditKey: loadAuditKey(config.AUDIT_SIGNING_KEY, config.DATA_DIR), redis,
    storage: localFileStorage(join(config.DATA_DIR, 'uploads')),
    // Logs go through process.stdout, not pino's default sonic-boom destination: when the reader of our output has gone,
    // sonic-boom's exit-time flushSync retries the failed write (EPIPE) forever and the process never exits.
    // process.stdout reports EPIPE as an error event, dropped above. JSON in production, readable lines otherwise.
    ...loggerOptions(config, process.stdout),
  });

  // Unreachable, it reconnects in the background; until then the limits count in this process (one warning).
  await redis?.connect().catch(() => {});

  exitOnSignals({
    graceMs: config.SHUTDOWN_GRACE_MS,
    log: (message, err) => (err ? app.log.error({ err }, message) : app.log.info(message)),
    async close() {
      await app.close();
      redis?.disconnect();
      await database.close();
    },
  });

  publishAuditCheckpoints(app);
  const background = startBackground({ db: database.db, clock: systemClock, config, secret, log: app.log, mail: config.MAIL_WORKER });
  app.addHook('onClose', () => background.stop());
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${(app.server.address() as { port: number }).port}`;
  console.log(startupSummary({
    url, database: databaseLabel(database.driver, config.DATABASE_URL ?? pgliteDir(config)), production: config.NODE_ENV === 'production',
    logLevel: config.LOG_LEVEL, seconds: (Date.now() - started) / 1000, logins,
    demo: demo.length ? [`${DEMO_CODES.lastYear} (published)`, `${DEMO_CODES.inReview} (in review)`, `${DEMO_CODES.open} (open)`] : undefined,
    mail: config.SMTP_URL ? { host: new URL(config.SMTP_URL).host, sentBy: background.sendsMail ? 'this process' : 'pnpm worker' } : undefined,
  }));
}

main().catch((e) => {
  console.error(`\nKonkurs could not start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
