// Sends the e-mail outbox over SMTP. A worker claims a batch of due rows for a lease (queries/outbox.ts: FOR UPDATE
// SKIP LOCKED, so two workers never take the same row), sends each, and writes back what happened: sent (a secret
// link scrubbed), tried again later with a doubling delay, or failed for good after MAIL_MAX_ATTEMPTS or a permanent
// refusal of the recipient (5xx). A worker that dies mid-batch leaves its rows claimed until the lease ends; then
// any worker sends them again: delivery to the SMTP server is at least once, and the stable Message-ID lets a
// receiving side recognise the repeat.
import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from '../lib/clock.js';
import { mailOptions, renderEmail, type MailSettings } from '../lib/email.js';
import { claimDueEmails, markEmailFailed, markEmailSent, type OutboxRow } from '../queries/outbox.js';

/** The longest wait between two attempts of one e-mail. */
const MAX_BACKOFF_MS = 60 * 60 * 1000;

export interface MailWorkerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface MailWorkerOptions {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'PUBLIC_URL' | 'MAIL_FROM' | 'MAIL_POLL_MS' | 'MAIL_MAX_ATTEMPTS' | 'MAIL_RETRY_BASE_MS'>;
  /** The server's key (unsubscribe tokens). */
  secret: string;
  transport: Pick<Transporter, 'sendMail' | 'close'>;
  log: MailWorkerLog;
  /** Rows claimed at once. */
  batchSize?: number;
  /** How long a claim holds: longer than a batch can take with every send timing out (lib/email.ts's timeouts). */
  leaseMs?: number;
}

export interface BatchOutcome { claimed: number; sent: number; retried: number; failed: number }

export interface MailWorker {
  /** One batch: claims, sends, writes back. */
  runOnce(): Promise<BatchOutcome>;
  /** Polls every MAIL_POLL_MS, and at once again while batches come full. */
  start(): void;
  /** Stops polling and waits for the batch in flight; closes the transport. */
  stop(): Promise<void>;
}

/** The delay before attempt `attempts + 1`: the base, doubled with each attempt made, at most an hour. */
export function retryDelay(baseMs: number, attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** The recipient or the message refused for good (5xx to RCPT or DATA); anything else (connection, 4xx, auth) may pass later. */
function isPermanent(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string };
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && (e.code === 'EENVELOPE' || e.code === 'EMESSAGE');
}

const errorText = (err: unknown) => String((err as { response?: string }).response ?? (err as Error).message ?? err).slice(0, 1000);

export function createMailWorker(opts: MailWorkerOptions): MailWorker {
  const { db, clock, config, transport, log } = opts;
  const batchSize = opts.batchSize ?? 50;
  const leaseMs = opts.leaseMs ?? 10 * 60 * 1000;
  const settings: MailSettings = { publicUrl: config.PUBLIC_URL, from: config.MAIL_FROM, secret: opts.secret };

  async function send(row: OutboxRow): Promise<'sent' | 'retried' | 'failed'> {
    const email = renderEmail(row, settings);
    try {
      await transport.sendMail(mailOptions(email));
    } catch (err) {
      const last = isPermanent(err) || row.attempts >= config.MAIL_MAX_ATTEMPTS;
      const retryAt = last ? null : new Date(clock.now().getTime() + retryDelay(config.MAIL_RETRY_BASE_MS, row.attempts));
      await markEmailFailed(db, row.id, errorText(err), retryAt);
      log.error({ emailId: row.id, attempts: row.attempts, err: errorText(err), retryAt }, last ? 'An e-mail could not be sent' : 'An e-mail will be retried');
      return last ? 'failed' : 'retried';
    }
    await markEmailSent(db, row, email.messageId, clock.now());
    return 'sent';
  }

  async function runOnce(): Promise<BatchOutcome> {
    const now = clock.now();
    const rows = await claimDueEmails(db, now, new Date(now.getTime() + leaseMs), batchSize);
    // The pool sends over several connections at once; each row is written back as soon as its attempt ends.
    const results = await Promise.allSettled(rows.map(send));
    const outcome: BatchOutcome = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
    for (const r of results) {
      if (r.status === 'fulfilled') outcome[r.value]++;
      else log.error({ err: r.reason }, 'An e-mail’s outcome could not be written (its claim expires with the lease)');
    }
    return outcome;
  }

  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => { clearTimeout(timer); resolve(); };
  });

  async function poll() {
    while (running) {
      let full = false;
      try {
        full = (await runOnce()).claimed === batchSize;
      } catch (err) {
        log.error({ err }, 'The e-mail outbox could not be read');
      }
      if (running && !full) await pause(config.MAIL_POLL_MS);
    }
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = poll();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = undefined;
      transport.close();
    },
  };
}
