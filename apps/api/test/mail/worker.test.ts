// The outbox worker against a real SMTP server in this process: what arrives (recipient, subject, text, HTML, link,
// unsubscribe headers, in Russian), retries with backoff while the server fails, failing for good without losing the
// row, exactly once across two workers, a crashed worker's claim taken over after its lease, and a stop that waits.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { connectPg, type Database } from '../../src/db/client.js';
import { emailOutbox } from '../../src/db/schema/index.js';
import { claimDueEmails } from '../../src/queries/outbox.js';
import { retryDelay } from '../../src/services/mail-worker.js';
import { verifyUnsubscribeToken } from '../../src/lib/email.js';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { makeUser } from '../fixtures.js';
import { countStatus, outboxRow, queueRows, rowIdOf, SECRET, startSmtp, testWorker, type TestSmtp } from './smtp.js';

let t: TestApp;
let smtp: TestSmtp;
const START = new Date('2027-03-01T09:00:00.000Z');
beforeAll(async () => {
  t = await createTestApp({ now: START });
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});
beforeEach(async () => {
  await t.db.delete(emailOutbox);
  smtp.received.length = 0;
  smtp.refuse = null;
  smtp.delayMs = 0;
  t.clock.set(START);
});

const workers: { stop(): Promise<void> }[] = [];
afterEach(async () => { await Promise.all(workers.splice(0).map((w) => w.stop())); });
const worker = (opts: Parameters<typeof testWorker>[2] = {}, db = t.db) => {
  const w = testWorker(db, smtp, { clock: t.clock, ...opts });
  workers.push(w);
  return w;
};

describe('an e-mail sent', () => {
  it('arrives as the row says: recipient, subject, Russian text and HTML, the absolute link, a one-click unsubscribe of its kind', async () => {
    const user = await makeUser(t, 'applicant');
    const [id] = await queueRows(t.db, 1, START, {
      userId: user.id, toAddress: user.email, kind: 'screening-decision', subject: 'Заявка 40-2027-0001 допущена к экспертизе',
      payload: { title: 'Заявка 40-2027-0001 допущена к экспертизе', body: 'Оператор конкурса проверил заявку <«Чистый берег»>.\n\nЭкспертиза начнётся после окончания приёма.', link: '/applications/abc' },
    });
    const w = worker();
    expect(await w.runOnce()).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const { mail, to } = smtp.received[0]!;
    expect(to).toEqual([user.email]);
    expect(mail.from?.text).toContain('no-reply@konkurs.local');
    expect(mail.subject).toBe('Заявка 40-2027-0001 допущена к экспертизе');
    expect(mail.messageId).toBe(`<${id}@konkurs.example.ru>`);
    expect(mail.text).toContain('Оператор конкурса проверил заявку <«Чистый берег»>.');
    expect(mail.text).toContain('Открыть: https://konkurs.example.ru/applications/abc');
    expect(mail.html).toContain('href="https://konkurs.example.ru/applications/abc"');
    // The body's text is escaped in the HTML, never markup.
    expect(mail.html).toContain('&lt;«Чистый берег»&gt;');
    expect(mail.html).not.toContain('<«Чистый');
    expect(mail.html).toContain('Отписаться от таких писем');

    // The header as it came (mailparser reads List-* headers into objects), unfolded.
    const raw = smtp.received[0]!.raw.replace(/\r\n[ \t]+/g, ' ');
    const url = raw.match(/^List-Unsubscribe: <([^>]+)>\r$/m)?.[1] ?? '';
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(url.startsWith('https://konkurs.example.ru/api/v1/notifications/unsubscribe?token=')).toBe(true);
    const token = new URL(url).searchParams.get('token')!;
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ userId: user.id, kind: 'screening-decision' });
    expect(verifyUnsubscribeToken(SECRET, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.replace('screening-decision', 'results-published'))).toBeNull();
    expect(mail.text).toContain(`https://konkurs.example.ru/unsubscribe?token=${token}`);

    const row = await outboxRow(t.db, id!);
    expect([row.status, row.attempts, row.sentAt?.toISOString(), row.messageId, row.lockedUntil]).toEqual(['sent', 1, START.toISOString(), `<${id}@konkurs.example.ru>`, null]);
  });

  it('in English for an English reader; an account e-mail has no unsubscribe; a secret link is scrubbed once sent', async () => {
    const [id] = await queueRows(t.db, 1, START, {
      kind: 'password-reset', language: 'en', subject: 'Resetting your password',
      payload: { title: 'Resetting your password', body: 'Open the link to choose a new password.', link: '/reset-password?token=s3cr3t-token-value', secret: true },
    });
    await worker().runOnce();
    const { mail } = smtp.received[0]!;
    expect(mail.text).toContain('Open: https://konkurs.example.ru/reset-password?token=s3cr3t-token-value');
    expect(mail.headers.has('list-unsubscribe')).toBe(false);
    expect(mail.text).not.toContain('Unsubscribe');
    const row = await outboxRow(t.db, id!);
    expect(row.status).toBe('sent');
    expect(row.payload).toEqual({ title: 'Resetting your password', body: 'Open the link to choose a new password.', link: '', secret: true });
    expect(JSON.stringify(row)).not.toContain('s3cr3t');
  });

  it('waits without a due row: a row whose time has not come stays queued', async () => {
    const [id] = await queueRows(t.db, 1, new Date(START.getTime() + 60_000));
    expect((await worker().runOnce()).claimed).toBe(0);
    expect((await outboxRow(t.db, id!)).status).toBe('queued');
  });
});

describe('a failing mail server', () => {
  it('is retried with a doubling delay as the clock moves, then the e-mail is sent once', async () => {
    const [id] = await queueRows(t.db, 1, START);
    const w = worker();
    smtp.refuse = { stage: 'data', code: 451 };
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    let row = await outboxRow(t.db, id!);
    expect([row.status, row.attempts, row.nextAttemptAt.getTime() - START.getTime(), row.lockedUntil]).toEqual(['queued', 1, 1000, null]);
    expect(row.lastError).toContain('451');

    // Not due yet: nothing is tried.
    t.clock.advance(999);
    expect((await w.runOnce()).claimed).toBe(0);
    t.clock.advance(1);
    smtp.refuse = { stage: 'rcpt', code: 421 };
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    row = await outboxRow(t.db, id!);
    expect([row.attempts, row.nextAttemptAt.getTime() - t.clock.now().getTime()]).toEqual([2, 2000]);

    smtp.refuse = null;
    t.clock.advance(2000);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    row = await outboxRow(t.db, id!);
    expect([row.status, row.attempts]).toEqual(['sent', 3]);
    expect(smtp.received.map(rowIdOf)).toEqual([id]);
  });

  it('that always fails: the e-mail is failed after MAIL_MAX_ATTEMPTS, kept with its last error', async () => {
    const [id] = await queueRows(t.db, 1, START);
    const w = worker();
    smtp.refuse = { stage: 'data', code: 452 };
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await w.runOnce()).claimed, `attempt ${attempt}`).toBe(1);
      t.clock.advance(retryDelay(1000, attempt));
    }
    const row = await outboxRow(t.db, id!);
    expect([row.status, row.attempts]).toEqual(['failed', 4]);
    expect(row.lastError).toContain('452');
    t.clock.advance(24 * 3600_000);
    expect((await w.runOnce()).claimed).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('refusing the recipient for good (5xx): failed at once', async () => {
    const [id] = await queueRows(t.db, 1, START);
    smtp.refuse = { stage: 'rcpt', code: 550 };
    expect(await worker().runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    const row = await outboxRow(t.db, id!);
    expect([row.status, row.attempts]).toEqual(['failed', 1]);
    expect(row.lastError).toContain('550');
  });

  it('a server that is not there: retried, not failed', async () => {
    const [id] = await queueRows(t.db, 1, START);
    const w = worker({ transport: (await import('../../src/lib/email.js')).smtpTransport('smtp://u:p@127.0.0.1:1') });
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect((await outboxRow(t.db, id!)).status).toBe('queued');
  });

  it('backs off to at most an hour', () => {
    expect([1, 2, 3, 4].map((a) => retryDelay(30_000, a))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelay(30_000, 20)).toBe(3600_000);
  });
});

describe('exactly once', () => {
  it('two workers at once over 200 e-mails: each received exactly once', async () => {
    const ids = await queueRows(t.db, 200, START);
    // On PostgreSQL each worker has a pool of its own, as two processes would; PGlite has one connection.
    let second: Database | undefined;
    if (isRealPostgres) second = connectPg((t.database as Database & { url: string }).url, 5);
    try {
      const a = worker({ batchSize: 20 });
      const b = worker({ batchSize: 20 }, second?.db ?? t.db);
      const drain = async (w: typeof a) => {
        let sent = 0;
        for (let r = await w.runOnce(); r.claimed > 0; r = await w.runOnce()) sent += r.sent;
        return sent;
      };
      const [sentA, sentB] = await Promise.all([drain(a), drain(b)]);
      expect(sentA + sentB).toBe(200);
      if (isRealPostgres) expect(Math.min(sentA, sentB)).toBeGreaterThan(0);
      expect(smtp.received).toHaveLength(200);
      expect(new Set(smtp.received.map(rowIdOf))).toEqual(new Set(ids));
      expect(await countStatus(t.db, 'sent')).toBe(200);
    } finally {
      await second?.close();
    }
  });

  it('a worker that died holding a claim: its e-mails are sent after the lease, by another worker', async () => {
    const ids = await queueRows(t.db, 3, START);
    // The dead worker's claim (its process gone before it sent anything).
    expect(await claimDueEmails(t.db, START, new Date(START.getTime() + 60_000), 10)).toHaveLength(3);
    const w = worker({ leaseMs: 60_000 });
    expect((await w.runOnce()).claimed).toBe(0);
    t.clock.advance(60_001);
    expect(await w.runOnce()).toMatchObject({ claimed: 3, sent: 3 });
    expect(new Set(smtp.received.map(rowIdOf))).toEqual(new Set(ids));
    expect((await outboxRow(t.db, ids[0]!)).attempts).toBe(2);
  });

  it('stop() waits for the batch in flight: nothing is left claimed and unsent', async () => {
    await queueRows(t.db, 6, START);
    smtp.delayMs = 150;
    const w = testWorker(t.db, smtp, { clock: t.clock, batchSize: 3 });
    w.start();
    await smtp.waitFor(1);
    await w.stop();
    const rows = await t.db.select().from(emailOutbox);
    const sent = rows.filter((r) => r.status === 'sent');
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.status === 'queued' && r.lockedUntil !== null)).toEqual([]);
    expect(smtp.received).toHaveLength(sent.length);
  });

  it('start() keeps going while batches come full, and sends what is queued later', async () => {
    await queueRows(t.db, 25, START);
    const w = worker({ batchSize: 10 });
    w.start();
    await smtp.waitFor(25);
    await queueRows(t.db, 2, START);
    await smtp.waitFor(27);
    await w.stop();
    expect(await countStatus(t.db, 'sent')).toBe(27);
    expect(w.errors).toEqual([]);
  });
});

describe('the worker’s writes', () => {
  it('never touch a row that is no longer queued', async () => {
    const [id] = await queueRows(t.db, 1, START);
    await t.db.update(emailOutbox).set({ status: 'failed' }).where(eq(emailOutbox.id, id!));
    expect((await worker().runOnce()).claimed).toBe(0);
  });
});
