// The notifications rows of TARGETS.md: (a) a submit through the API → its e-mail accepted by an SMTP server (a real
// listener in this process), and (b) one worker draining a full outbox, in e-mails a minute. The worker runs here, as
// `pnpm worker` runs beside the API, with the default settings (polls every MAIL_POLL_MS = 1 s, batches of 50, five
// SMTP connections).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { systemClock } from '../src/lib/clock.js';
import { smtpTransport } from '../src/lib/email.js';
import { createMailWorker } from '../src/services/mail-worker.js';
import { Client, openLoop, percentile } from './load.js';

export interface NotificationFigure { what: string; value: string; baseline: string; ratio: string; target: string; ok: boolean }

interface Listener { port: number; arrivals: { to: string[]; at: number }[]; close(): Promise<void> }

async function listen(): Promise<Listener> {
  const arrivals: Listener['arrivals'] = [];
  const server = new SMTPServer({
    logger: false, authOptional: true, disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      stream.on('data', () => {});
      stream.on('end', () => { arrivals.push({ to: session.envelope.rcptTo.map((r) => r.address), at: performance.now() }); done(); });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as { port: number }).port, arrivals, close: () => new Promise((r) => server.close(() => r())) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function worker(direct: Database, port: number, secret: string) {
  const config = loadConfig({ NODE_ENV: 'production', SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://konkurs.example.ru', LOG_LEVEL: 'silent' });
  const errors: string[] = [];
  const w = createMailWorker({ db: direct.db, clock: systemClock, config, secret, transport: smtpTransport(config.SMTP_URL!), log: { info() {}, error: (o, m) => errors.push(`${m} ${JSON.stringify(o)}`) } });
  return Object.assign(w, { errors });
}

/**
 * (a) `drafts` (one per organisation) submitted at `rate` a second through the API on `apiPort`, each one's e-mail to its
 * organisation's members awaited at the SMTP listener; (b) `drain` e-mails queued at once, sent by one worker.
 */
export async function measureNotifications(opts: {
  db: pg.Client; direct: Database; apiPort: number; secret: string; drafts: [string, string][]; tokens: Map<string, string>; rate: number; drain: number;
}): Promise<{ figures: NotificationFigure[]; notes: string[] }> {
  const { db, direct, drafts, tokens, rate } = opts;
  const figures: NotificationFigure[] = [];
  const notes: string[] = [];
  const smtp = await listen();
  try {
    // The e-mails earlier steps' submits queued are not this step's.
    const { rowCount: earlier } = await db.query(`delete from email_outbox`);
    if (earlier) notes.push(`Notifications: ${earlier} e-mails queued by the earlier steps' submits were cleared before (g).`);
    // Who hears of each submit: the organisation's members, with confirmed addresses (the dataset's accounts are new).
    const { rows: members } = await db.query<{ application_id: string; email: string }>(`
      select a.id as application_id, u.email from applications a join organization_members m on m.organization_id = a.organization_id
      join users u on u.id = m.user_id where a.id = any($1::uuid[])`, [drafts.map(([id]) => id)]);
    await db.query(`update users set email_verified_at = now() where email = any($1::text[]) and email_verified_at is null`, [members.map((m) => m.email)]);
    const recipients = new Map<string, string>(members.map((m) => [m.email, m.application_id]));

    // (a) submit → accepted by the SMTP server.
    const w = worker(opts.direct, smtp.port, opts.secret);
    w.start();
    const client = new Client(opts.apiPort);
    const started = new Map<string, number>();
    const seconds = drafts.length / rate;
    const load = await openLoop(rate, seconds, (i) => {
      const [id, owner] = drafts[i]!;
      started.set(id, performance.now());
      return client.request('POST', `/api/v1/applications/${id}/submit`, { token: tokens.get(owner) });
    });
    client.close();
    const deadline = performance.now() + 30_000;
    const queued = async () => Number((await db.query(`select count(*) from email_outbox where status = 'queued'`)).rows[0].count);
    const written = Number((await db.query(`select count(*) from email_outbox`)).rows[0].count);
    while (written > 0 && (await queued()) > 0 && performance.now() < deadline) await sleep(100);
    await w.stop();
    const last = new Map<string, number>();
    for (const a of smtp.arrivals) for (const to of a.to) {
      const app = recipients.get(to);
      if (app) last.set(app, Math.max(last.get(app) ?? 0, a.at));
    }
    const latencies = [...started].filter(([id]) => last.has(id)).map(([id, t]) => last.get(id)! - t);
    const what = `(g) submit → its e-mail accepted by the SMTP server (${load.ok} submits at ${rate}/s, ${smtp.arrivals.length} e-mails, worker polling every 1 s)`;
    if (!written) {
      figures.push({ what, value: `skipped (a submit writes no e-mail yet; ${load.ok} submits ${JSON.stringify(load.statuses)})`, baseline: '—', ratio: '—', target: 'p99 ≤ 5 s', ok: false });
    } else {
      const p99 = percentile(latencies, 99);
      const missing = load.ok - latencies.length;
      figures.push({
        what, value: `p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s, p99 ${(p99 / 1000).toFixed(2)} s, max ${(Math.max(...latencies) / 1000).toFixed(2)} s; ${missing} submits without an e-mail`,
        baseline: '—', ratio: '—', target: 'p99 ≤ 5 s', ok: p99 <= 5000 && missing === 0 && load.errors === 0,
      });
    }
    if (w.errors.length) notes.push(`Notifications (a): ${w.errors.length} worker errors, the first: ${w.errors[0]}`);

    // (b) one worker draining a full outbox.
    await db.query(`delete from email_outbox`);
    await db.query(`insert into email_outbox (to_address, kind, language, subject, payload, next_attempt_at, created_at)
      select 'reader-' || i || '@bench.example', 'results-published', 'ru', 'Итоги конкурса опубликованы',
        jsonb_build_object('title', 'Итоги конкурса опубликованы', 'body', 'Итоги конкурса КФ-2027 опубликованы: откройте, чтобы увидеть оценки экспертов.', 'link', '/results/' || i),
        now(), now() from generate_series(1, $1) i`, [opts.drain]);
    const before = smtp.arrivals.length;
    const drainer = worker(opts.direct, smtp.port, opts.secret);
    const t0 = performance.now();
    let sent = 0;
    for (let r = await drainer.runOnce(); r.claimed > 0; r = await drainer.runOnce()) sent += r.sent;
    const elapsed = performance.now() - t0;
    await drainer.stop();
    const perMinute = (sent / elapsed) * 60_000;
    figures.push({
      what: `(g) one worker draining ${opts.drain} queued e-mails (batches of 50, 5 SMTP connections)`,
      value: `${Math.round(perMinute).toLocaleString('en')} e-mails/min (${(elapsed / 1000).toFixed(1)} s; ${smtp.arrivals.length - before} accepted)`,
      baseline: '—', ratio: '—', target: '≥ 1,000/min', ok: perMinute >= 1000 && sent === opts.drain && smtp.arrivals.length - before === opts.drain,
    });
    await db.query(`delete from email_outbox`);
  } finally {
    await smtp.close();
  }
  return { figures, notes };
}
