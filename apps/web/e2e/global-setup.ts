// Before the scenarios: the platform as production runs it (`pnpm start`: the API compiled, the SPA built
// only when its sources changed) on a free port, a fresh data folder and the demo seed. The returned
// function stops it and removes the folder. E2E_BASE_URL=http://localhost:3104 uses a platform already
// running instead (faster iterations); E2E_DATABASE_URL runs it on a PostgreSQL server.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN, clearArtifacts } from './fixtures';
import { CHROMIUM } from '../playwright.config';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const START_TIMEOUT_MS = 240_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  clearArtifacts();
  if (process.env.E2E_BASE_URL) return;

  const port = Number(process.env.E2E_PORT) || (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'konkurs-e2e-'));
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
  const log: string[] = [];
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
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null || Date.now() > deadline) {
      stop();
      rmSync(dataDir, { recursive: true, force: true });
      const why = server.exitCode !== null ? `exited with code ${server.exitCode}` : `was not ready after ${START_TIMEOUT_MS / 1000} s`;
      throw new Error(`the platform ${why}:\n${log.join('').split('\n').slice(-40).join('\n')}`);
    }
    if (await fetch(`${baseUrl}/api/ready`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // The workers start after the global setup and read the address from here (playwright.config.ts).
  process.env.E2E_BASE_URL = baseUrl;

  return async () => {
    stop();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 25_000))]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
