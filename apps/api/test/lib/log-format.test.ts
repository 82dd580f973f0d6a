// What the logs look like: readable lines and request lines at debug in development, pino's JSON with every request
// in production, nothing in tests; the start-up summary names the database without its password and prints no
// password in production; demo data by default only outside production.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { systemClock } from '../../src/lib/clock.js';
import { DebugRequestLog, databaseLabel, formatLogLines, loggerOptions, startupSummary } from '../../src/lib/log-format.js';
import { localFileStorage } from '../../src/storage/file-storage.js';
import { freshDatabase, TEST_SECRET } from '../helper.js';

const sink = () => {
  const chunks: string[] = [];
  return { chunks, text: () => chunks.join(''), write: (c: string) => { chunks.push(c); return true; } };
};

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => { for (const c of cleanups) await c(); });

/** The real app with the logger of `env`, its output caught; one request to /api/health. */
async function logOfOneRequest(env: Record<string, string>) {
  const database = await freshDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'konkurs-log-'));
  cleanups.push(async () => { await database.close(); await rm(dataDir, { recursive: true, force: true }); });
  const config = loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', ...env });
  const out = sink();
  const app = await buildApp({ config, database, clock: systemClock, secret: TEST_SECRET, storage: localFileStorage(join(dataDir, 'uploads')), webRoot: false,
    ...loggerOptions(config, out) });
  await app.ready();
  app.log.info({ competition: 'KLG-2027' }, 'demo ready');
  expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  await app.close();
  return out.text();
}

describe('log lines', () => {
  it('development at debug: readable lines, one request line at debug, no JSON', async () => {
    const text = await logOfOneRequest({ NODE_ENV: 'development', LOG_LEVEL: 'debug' });
    expect(text).toMatch(/^\d{2}:\d{2}:\d{2} INFO {2}demo ready competition=KLG-2027$/m);
    expect(text).toMatch(/^\d{2}:\d{2}:\d{2} DEBUG GET \/api\/health → 200 \(\d+ ms\)$/m);
    expect(text).not.toMatch(/^\{/m);
    expect(text).not.toContain('incoming request');
  });

  it('development at info (the default): no request line at all', async () => {
    const text = await logOfOneRequest({ NODE_ENV: 'development' });
    expect(text).toContain('INFO  demo ready');
    expect(text).not.toContain('/api/health');
  });

  it('production: pino JSON, every request at info as before', async () => {
    const text = await logOfOneRequest({ NODE_ENV: 'production' });
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.msg === 'demo ready')).toMatchObject({ level: 30, competition: 'KLG-2027' });
    expect(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed').map((l) => l.level)).toEqual([30, 30]);
  });

  it('production and development write to process.stdout by default; tests log nothing', () => {
    const production = loggerOptions({ NODE_ENV: 'production', LOG_LEVEL: 'info' });
    expect(production.logger).toMatchObject({ level: 'info' });
    expect((production.logger as { stream: unknown }).stream).toBe(process.stdout);
    const development = loggerOptions({ NODE_ENV: 'development', LOG_LEVEL: 'info' });
    expect('logController' in development && development.logController).toBeInstanceOf(DebugRequestLog);
    expect(loggerOptions({ NODE_ENV: 'test', LOG_LEVEL: 'info' })).toEqual({ logger: false });
  });

  it('formats an error with its stack, and passes on what is not pino JSON', () => {
    const line = JSON.stringify({ level: 50, time: Date.UTC(2027, 0, 2, 3, 4, 5), pid: 1, hostname: 'h', msg: 'shutdown failed', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at close (x.ts:1:1)' } });
    const text = formatLogLines(`${line}\nplain text\n`);
    expect(text).toMatch(/^\d{2}:\d{2}:\d{2} ERROR shutdown failed\n {4}Error: boom\n {8}at close \(x\.ts:1:1\)\nplain text\n$/);
    expect(text).not.toContain('hostname');
  });
});

describe('the start-up summary', () => {
  const facts = { url: 'http://localhost:3000', logLevel: 'info', seconds: 4.2, demo: ['KLG-2026 (published)', 'KLG-MOL-2027 (in review)', 'KLG-2027 (open)'],
    logins: [{ role: 'organiser', email: 'organiser@konkurs.demo', password: 'Konkurs-demo-2026' }, { role: 'expert', email: 'expert1@konkurs.demo', password: 'Konkurs-demo-2026' }] };

  it('names the database: the PGlite folder, or the PostgreSQL server without its password', () => {
    expect(databaseLabel('pglite', '/srv/konkurs/pg')).toBe('embedded PGlite in /srv/konkurs/pg');
    const pg = databaseLabel('pg', 'postgres://konkurs:s3cret-pass@db.internal:5432/konkurs');
    expect(pg).toBe('PostgreSQL konkurs@db.internal:5432/konkurs');
    expect(pg).not.toContain('s3cret');
  });

  it('in development: the address, database, mail, logs, the demo and its sign-ins with the password', () => {
    const text = startupSummary({ ...facts, database: 'embedded PGlite in /data/pg', production: false });
    expect(text).toContain('Konkurs is running at http://localhost:3000 (started in 4.2 s)');
    expect(text).toContain('  database  embedded PGlite in /data/pg');
    expect(text).toMatch(/ {2}mail {6}no SMTP_URL: e-mails are kept in the outbox; the admin reads them at http:\/\/localhost:3000\/admin\/outbox/);
    expect(startupSummary({ ...facts, database: 'embedded PGlite in /data/pg', production: false, mail: { host: 'smtp.example.org:587', sentBy: 'pnpm worker' } })).toMatch(/ {2}mail {6}via smtp\.example\.org:587, sent by pnpm worker\n/);
    expect(text).toContain('requests at debug');
    expect(text).toContain('KLG-MOL-2027 (in review)');
    expect(text).toContain('Sign in as (password Konkurs-demo-2026):');
    expect(text).toMatch(/^ {2}expert {5}expert1@konkurs\.demo$/m);
    expect(text).toContain('Stop with Ctrl-C.');
  });

  it('in production: the sign-ins without any password', () => {
    const text = startupSummary({ ...facts, database: 'PostgreSQL konkurs@db:5432/konkurs', production: true,
      logins: [...facts.logins, { role: 'admin', email: 'root@example.org', password: 'Admin-password-2026' }] });
    expect(text).toContain('organiser@konkurs.demo');
    expect(text).not.toContain('Konkurs-demo-2026');
    expect(text).not.toContain('Admin-password-2026');
    expect(text).toContain('JSON lines');
  });
});

describe('SEED_DEMO', () => {
  it('is on by default in development, off by default in production, and follows the setting when given', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).SEED_DEMO).toBe(true);
    expect(loadConfig({}).SEED_DEMO).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).SEED_DEMO).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
  });
});
