// The API process's background work (server.ts): the outbox is sent when there is an SMTP server and this process
// is to send it; without SMTP_URL the mail stays queued and nothing fails; stop() waits for both.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBackground } from '../../src/lib/background.js';
import { systemClock } from '../../src/lib/clock.js';
import { createTestApp, TEST_SECRET, type TestApp } from '../helper.js';
import { countStatus, mailConfig, queueRows, startSmtp, type TestSmtp } from './smtp.js';

let t: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

const errors: string[] = [];
const log = { info() {}, error: (obj: object, msg: string) => errors.push(`${msg} ${JSON.stringify(obj)}`) };

it('without SMTP_URL: the e-mail stays queued, nothing fails', async () => {
  await queueRows(t.db, 3, new Date(Date.now() - 1000));
  const bg = startBackground({ db: t.db, clock: systemClock, config: mailConfig({ REMINDER_CHECK_MS: '100' }), secret: TEST_SECRET, log, mail: true });
  expect(bg.sendsMail).toBe(false);
  await new Promise((r) => setTimeout(r, 300));
  await bg.stop();
  expect(await countStatus(t.db, 'queued')).toBe(3);
  expect(errors).toEqual([]);
});

it('MAIL_WORKER off (`pnpm worker` sends): nothing is sent from here', async () => {
  const bg = startBackground({ db: t.db, clock: systemClock, config: mailConfig({ SMTP_URL: smtp.url }), secret: TEST_SECRET, log, mail: false });
  expect(bg.sendsMail).toBe(false);
  await new Promise((r) => setTimeout(r, 300));
  await bg.stop();
  expect(smtp.received).toHaveLength(0);
});

it('with SMTP_URL: sends the outbox, and stop() waits for it', async () => {
  const bg = startBackground({ db: t.db, clock: systemClock, config: mailConfig({ SMTP_URL: smtp.url, REMINDER_CHECK_MS: '100' }), secret: TEST_SECRET, log, mail: true });
  expect(bg.sendsMail).toBe(true);
  await smtp.waitFor(3);
  await bg.stop();
  expect(await countStatus(t.db, 'sent')).toBe(3);
  expect(errors).toEqual([]);
});
