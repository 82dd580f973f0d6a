// A real SMTP server in the test process (smtp-server on 127.0.0.1:0, with authentication), keeping every message it
// accepted parsed by mailparser. `refuse` makes it answer RCPT TO or the end of DATA with an error code, as a failing
// mail server does; `delayMs` slows each acceptance down.
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { emailOutbox } from '../../src/db/schema/index.js';
import { fixedClock } from '../../src/lib/clock.js';
import { createMailWorker, type MailWorker, type MailWorkerOptions } from '../../src/services/mail-worker.js';
import { smtpTransport } from '../../src/lib/email.js';
import { loadConfig } from '../../src/config.js';

export interface Received { from: string; to: string[]; raw: string; mail: ParsedMail }

export interface TestSmtp {
  url: string;
  received: Received[];
  /** Answer RCPT TO (`rcpt`) or the end of DATA (`data`) with this code, until set back to null. */
  refuse: { stage: 'rcpt' | 'data'; code: number } | null;
  delayMs: number;
  /** Resolves once `count` messages have been accepted in all. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const SMTP_USER = 'konkurs';
export const SMTP_PASS = 'smtp-secret';

export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const state: Pick<TestSmtp, 'refuse' | 'delayMs'> = { refuse: null, delayMs: 0 };
  const refusal = (code: number) => Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code });

  const server = new SMTPServer({
    logger: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true, authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, done) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) return done(null, { user: auth.username });
      done(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, done) {
      if (state.refuse?.stage === 'rcpt') return done(refusal(state.refuse.code));
      done();
    },
    onData(stream: SMTPServerDataStream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (state.refuse?.stage === 'data') return done(refusal(state.refuse.code));
        if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, mail: await simpleParser(raw) });
        for (const w of waiters.filter((x) => received.length >= x.count)) w.resolve();
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;

  return Object.assign(state, {
    url: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    received,
    waitFor(count: number, timeoutMs = 15_000) {
      if (received.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} e-mails arrived`)), timeoutMs);
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(); } });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

export const MAIL_ENV = { PUBLIC_URL: 'https://konkurs.example.ru', MAIL_MAX_ATTEMPTS: '4', MAIL_RETRY_BASE_MS: '1000', MAIL_POLL_MS: '100' };
export const mailConfig = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', ...MAIL_ENV, ...env });

/** A worker on `db` sending through `smtp`, on its own clock unless given one; its errors kept, not printed. */
export function testWorker(db: Db, smtp: TestSmtp, opts: Partial<MailWorkerOptions> = {}): MailWorker & { errors: string[] } {
  const errors: string[] = [];
  const worker = createMailWorker({
    db, clock: opts.clock ?? fixedClock(), config: mailConfig(), secret: SECRET, transport: smtpTransport(smtp.url),
    log: { info() {}, error: (obj, msg) => errors.push(`${msg}: ${JSON.stringify(obj)}`) }, ...opts,
  });
  return Object.assign(worker, { errors });
}

export const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

/** Outbox rows straight in the database (the events that write them are other features'). */
export async function queueRows(db: Db, n: number, at: Date, row: Partial<typeof emailOutbox.$inferInsert> = {}): Promise<string[]> {
  const values = Array.from({ length: n }, (_, i) => ({
    userId: null, toAddress: `person-${i}-${randomUUID().slice(0, 8)}@test.example`, kind: 'password-changed' as const, language: 'ru' as const,
    subject: `Письмо ${i}`, payload: { title: `Письмо ${i}`, body: 'Текст письма', link: `/applications/${i}` }, nextAttemptAt: at, createdAt: at, ...row,
  }));
  const ids: string[] = [];
  for (let i = 0; i < values.length; i += 500) {
    ids.push(...(await db.insert(emailOutbox).values(values.slice(i, i + 500)).returning({ id: emailOutbox.id })).map((r) => r.id));
  }
  return ids;
}

export async function outboxRow(db: Db, id: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

export async function countStatus(db: Db, status: 'queued' | 'sent' | 'failed'): Promise<number> {
  return (await db.select({ id: emailOutbox.id }).from(emailOutbox).where(and(eq(emailOutbox.status, status)))).length;
}

/** The row id each received e-mail's Message-ID names. */
export const rowIdOf = (r: Received) => r.mail.messageId?.replace(/^<|@.*$/g, '') ?? '';
