// `pnpm worker` as a process: it refuses the embedded database (one process's own) with a sentence saying why, and
// on PostgreSQL sends the queued e-mail through the real SMTP server, then stops on SIGTERM with exit code 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { createTestApp, isRealPostgres, TEST_SECRET, type TestApp } from '../helper.js';
import { countStatus, queueRows, startSmtp, type TestSmtp } from './smtp.js';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

function runWorker(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'konkurs-worker-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: API_DIR, env: { PATH: process.env.PATH, NODE_ENV: 'test', DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => { output += c; });
  child.stderr.on('data', (c) => { output += c; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { rmSync(dataDir, { recursive: true, force: true }); resolve(code); }));
  return { child, exited, output: () => output };
}

it('without DATABASE_URL: exits 1, saying the embedded database cannot be shared', async () => {
  const w = runWorker({});
  expect(await w.exited).toBe(1);
  expect(w.output()).toContain('needs the PostgreSQL server of DATABASE_URL');
  expect(w.output()).toContain('PGlite');
}, 30_000);

describe.runIf(isRealPostgres)('on PostgreSQL', () => {
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

  it('sends what is queued, and SIGTERM stops it with 0', async () => {
    const ids = await queueRows(t.db, 30, new Date(Date.now() - 1000));
    const w = runWorker({ DATABASE_URL: (t.database as Database & { url: string }).url, SMTP_URL: smtp.url, JWT_SECRET: TEST_SECRET, MAIL_POLL_MS: '200' });
    await smtp.waitFor(30, 20_000).catch((e) => { throw new Error(`${e.message}\n${w.output()}`); });
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(await countStatus(t.db, 'sent')).toBe(ids.length);
    expect(w.output()).toContain('sending e-mail');
  }, 40_000);
});
