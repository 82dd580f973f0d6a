// End-to-end run: builds and starts the whole platform (`pnpm start`) on a free port with a fresh
// data folder and the demo seed, drives Debian's Chromium through e2e/scenarios/*.ts in order, and
// prints `e2e: N passed, M failed` (exit 1 on any failure). Never downloads a browser.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { clearArtifacts, makeCtx, StepFailed, type Logins, type Scenario, type Tally } from './harness';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCENARIOS = fileURLToPath(new URL('./scenarios/', import.meta.url));
const ADMIN = { email: process.env.E2E_ADMIN_EMAIL ?? 'e2e-admin@konkurs.test', password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-1' };
// The demo seed's accounts (apps/api/src/seed.ts).
const DEMO_PASSWORD = 'Konkurs-demo-2026';
const demo = (email: string) => ({ email, password: DEMO_PASSWORD });
const logins: Logins = {
  admin: ADMIN,
  organiser: demo('organiser@konkurs.demo'),
  official: demo('official@konkurs.demo'),
  federalOfficial: demo('federal.official@konkurs.demo'),
  expert1: demo('expert1@konkurs.demo'),
  expert2: demo('expert2@konkurs.demo'),
  expert3: demo('expert3@konkurs.demo'),
  applicant: demo('applicant@konkurs.demo'),
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the platform exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s`);
}

/** E2E_BASE_URL=http://localhost:3104 runs the scenarios against a platform already running (faster iterations). */
async function main() {
  if (process.env.E2E_BASE_URL) return runScenarios(process.env.E2E_BASE_URL.replace(/\/$/, ''), () => {});
  const port = Number(process.env.E2E_PORT) || (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'konkurs-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  console.log(`e2e: starting the platform on ${baseUrl} (DATA_DIR ${dataDir})`);
  // Its own process group, so that pnpm and the node it starts stop together.
  const server = spawn('pnpm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', NODE_ENV: 'production',
      ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000', DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
    },
  });
  const keep = (b: Buffer) => { log.push(b.toString()); if (log.length > 200) log.shift(); };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  const stop = () => {
    try {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));

  try {
    await waitReady(`${baseUrl}/api/ready`, server, 240_000);
  } catch (e) {
    console.log(`FAIL  setup: ${(e as Error).message}`);
    console.log(log.join('').split('\n').slice(-40).join('\n'));
    stop();
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
  await runScenarios(baseUrl, () => {
    stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
}

async function runScenarios(baseUrl: string, cleanUp: () => void) {
  const tally: Tally = { passed: 0, failed: 0 };
  clearArtifacts();
  let browser;
  try {
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    browser = await chromium.launch({
      executablePath,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const only = process.argv[2];
    const files = readdirSync(SCENARIOS).filter((f) => /\.ts$/.test(f) && (!only || f.includes(only))).sort();
    for (const file of files) {
      const name = file.replace(/\.ts$/, '');
      const scenario: Scenario = (await import(pathToFileURL(join(SCENARIOS, file)).href)).default;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow', baseURL: baseUrl });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (e) => console.log(`      page error (${name}): ${e.message}`));
      console.log(`— ${name}`);
      try {
        await scenario(makeCtx(page, baseUrl, logins, name, tally));
      } catch (e) {
        if (!(e instanceof StepFailed)) {
          tally.failed++;
          console.log(`FAIL  ${name}: ${(e as Error).stack ?? e}`);
        }
      } finally {
        await context.close();
      }
    }
  } catch (e) {
    tally.failed++;
    console.log(`FAIL  setup: ${(e as Error).message}`);
  } finally {
    await browser?.close();
    cleanUp();
  }
  console.log(`e2e: ${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed > 0 ? 1 : 0);
}

void main();
