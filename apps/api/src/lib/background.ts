// The work no request asks for: the e-mail worker (when there is an SMTP server to send to) and the reminder
// scheduler, in the API process (server.ts) or apart from it (worker.ts, `pnpm worker`). A failed round is logged
// and the next one comes as usual: neither ever stops the process.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from './clock.js';
import { smtpTransport } from './email.js';
import { createMailWorker, type MailWorker, type MailWorkerLog } from '../services/mail-worker.js';
import { sendDueReminders } from '../services/reminders.js';

export interface BackgroundOptions {
  db: Db;
  clock: Clock;
  config: Config;
  secret: string;
  log: MailWorkerLog;
  /** Send the outbox from this process (needs SMTP_URL). */
  mail: boolean;
}

export interface Background {
  /** Whether this process sends the outbox. */
  readonly sendsMail: boolean;
  /** Stops both and waits for what is in flight. */
  stop(): Promise<void>;
}

export function startBackground({ db, clock, config, secret, log, mail }: BackgroundOptions): Background {
  const worker: MailWorker | undefined = mail && config.SMTP_URL
    ? createMailWorker({ db, clock, config, secret, transport: smtpTransport(config.SMTP_URL), log })
    : undefined;
  worker?.start();

  // One round at a time: a slow round is not overlapped by the next tick.
  let round: Promise<void> | undefined;
  const remind = () => {
    round ??= sendDueReminders(db, clock.now())
      .then((written) => { if (written) log.info({ written }, 'Reminders written'); })
      .catch((err: unknown) => log.error({ err }, 'The reminders could not be written; trying again at the next check'))
      .finally(() => { round = undefined; });
  };
  const timer = setInterval(remind, config.REMINDER_CHECK_MS);
  timer.unref();
  remind();

  return {
    sendsMail: Boolean(worker),
    async stop() {
      clearInterval(timer);
      await Promise.all([round, worker?.stop()]);
    },
  };
}
