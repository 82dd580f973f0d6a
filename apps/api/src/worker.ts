// `pnpm worker`: the e-mail outbox and the reminders in a process of their own, beside API processes started with
// MAIL_WORKER=false. It shares the API's PostgreSQL (DATABASE_URL) and settings; it runs no migrations (the API does).
// The embedded PGlite database is one process's own, so without DATABASE_URL it refuses to start: the API process
// then sends the mail itself. SIGTERM or SIGINT lets the batch in flight finish, then it exits 0.
import { loadConfig } from './config.js';
import { startBackground } from './lib/background.js';
import { systemClock } from './lib/clock.js';
import { reachPostgres, serverSecret, withoutPassword } from './lib/process-setup.js';
import { exitOnSignals } from './lib/shutdown.js';

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
  const secret = serverSecret(config, { create: false });
  const database = await reachPostgres(config.DATABASE_URL, 4);
  const background = startBackground({ db: database.db, clock: systemClock, config, secret, log, mail: true });
  exitOnSignals({
    graceMs: config.SHUTDOWN_GRACE_MS,
    log: (message, err) => (err ? log.error({ err }, message) : log.info({}, message)),
    async close() {
      await background.stop();
      await database.close();
    },
  });
  log.info({ smtp: config.SMTP_URL ? withoutPassword(config.SMTP_URL) : null, pollMs: config.MAIL_POLL_MS, reminderCheckMs: config.REMINDER_CHECK_MS },
    background.sendsMail ? 'Konkurs worker: sending e-mail and writing reminders' : 'Konkurs worker: no SMTP_URL, so e-mail stays in the outbox; writing reminders');
}

main().catch((e) => {
  console.error(`\nThe Konkurs worker could not start: ${errorText(e)}`);
  process.exit(1);
});
