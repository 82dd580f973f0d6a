// `pnpm worker`: the e-mail outbox and the reminders in a process of their own, beside API processes started with
// MAIL_WORKER=false. It shares the API's PostgreSQL (DATABASE_URL) and settings; it runs no migrations (the API does).
// The embedded PGlite database is one process's own, so without DATABASE_URL it refuses to start: the API process
// then sends the mail itself. SIGTERM or SIGINT lets the batch in flight finish, then it exits 0.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from './config.js';
import { connectPg } from './db/client.js';
import { startBackground } from './lib/background.js';
import { systemClock } from './lib/clock.js';
import { exitOnSignals } from './lib/shutdown.js';

/** The API's key (unsubscribe links must verify there): JWT_SECRET, or the one the API made in DATA_DIR. */
function serverSecret(config: Config): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = join(config.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new Error('No JWT_SECRET, and no key the API made in DATA_DIR: set JWT_SECRET to the API’s, or start the API first with the same DATA_DIR');
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
function line(level: 'info' | 'error', obj: object, msg: string) {
  const fields = Object.entries(obj).map(([k, v]) => `${k}=${k === 'err' ? JSON.stringify(errorText(v)) : JSON.stringify(v)}`).join(' ');
  (level === 'error' ? console.error : console.log)(`${new Date().toISOString()} ${level} ${msg}${fields ? ' ' + fields : ''}`);
}
const log = { info: (obj: object, msg: string) => line('info', obj, msg), error: (obj: object, msg: string) => line('error', obj, msg) };

async function main() {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    throw new Error('`pnpm worker` needs the PostgreSQL server of DATABASE_URL: the embedded database (PGlite) can be opened by one process only, '
      + 'the API’s. Without DATABASE_URL the API sends the e-mail itself (MAIL_WORKER, on with SMTP_URL).');
  }
  const secret = serverSecret(config);
  const database = connectPg(config.DATABASE_URL, 4);
  if (!(await database.ping())) {
    await database.close();
    throw new Error(`Cannot reach the database at DATABASE_URL (${config.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')})`);
  }
  const background = startBackground({ db: database.db, clock: systemClock, config, secret, log, mail: true });
  exitOnSignals({
    graceMs: config.SHUTDOWN_GRACE_MS,
    log: (message, err) => (err ? log.error({ err }, message) : log.info({}, message)),
    async close() {
      await background.stop();
      await database.close();
    },
  });
  log.info({ smtp: config.SMTP_URL ? config.SMTP_URL.replace(/\/\/[^@]*@/, '//***@') : null, pollMs: config.MAIL_POLL_MS, reminderCheckMs: config.REMINDER_CHECK_MS },
    background.sendsMail ? 'Konkurs worker: sending e-mail and writing reminders' : 'Konkurs worker: no SMTP_URL, so e-mail stays in the outbox; writing reminders');
}

main().catch((e) => {
  console.error(`\nThe Konkurs worker could not start: ${errorText(e)}`);
  process.exit(1);
});
