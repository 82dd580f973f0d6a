// SIGTERM lets in-flight requests finish, then the process exits 0 (TARGETS.md, Reliability: shutdown).
import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, sleep, startServerProcess, type ServerProcess } from './server-process.js';

/** A request whose body arrives in two parts: it is in flight (routed, body pending) until finish() is called. */
function slowRequest(base: string, path: string, body: unknown) {
  const text = Buffer.from(JSON.stringify(body));
  const split = Math.floor(text.length / 2);
  let finish!: () => void;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(base + path, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': text.length } }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.write(text.subarray(0, split));
    finish = () => req.end(text.subarray(split));
  });
  return { response, finish: () => finish() };
}

describe('graceful shutdown', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => { await server?.stop('SIGKILL'); });

  it('finishes the requests in flight when SIGTERM comes, then exits 0', async () => {
    server = await startServerProcess();
    expect((await fetch(server.base + '/api/ready')).status).toBe(200);

    const inFlight = Array.from({ length: 5 }, (_, i) => slowRequest(server!.base, '/api/v1/auth/register',
      { email: `shutdown-${i}@example.org`, password: 'Shutdown-pass-2026', fullName: `Заявитель ${i}` }));
    await sleep(500); // the server has the headers and waits for the bodies
    server.child.kill('SIGTERM');
    await sleep(500); // closing has begun: the listener is closed, these requests are still open
    const fresh = await fetch(server.base + '/api/health').then((r) => r.status, () => 'refused');
    for (const r of inFlight) r.finish();

    const results = await Promise.all(inFlight.map((r) => r.response));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    for (const r of results) expect(JSON.parse(r.body).token).toEqual(expect.any(String));
    // A request that comes after the signal is not served: refused, or 503 on a kept-alive connection.
    expect(['refused', 503]).toContain(fresh);

    const started = Date.now();
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(server.output()).not.toMatch(/killed by timeout|could not start/);
  }, 120_000);

  it('still exits when whoever read its output is gone (a closed pipe)', async () => {
    // Like `pnpm start | head -c 10`: the reader goes away while the server is still printing its start-up lines.
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'konkurs-pipe-'));
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: 'false',
        JWT_SECRET: 'reliability-secret-0123456789abcdef0123456789', ADMIN_EMAIL: 'pipe@example.org', ADMIN_PASSWORD: 'Pipe-pass-2026!' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.once('data', () => { child.stdout!.destroy(); child.stderr!.destroy(); });
    const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
    try {
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline && !(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false))) await sleep(200);
      child.kill('SIGTERM');
      expect(await Promise.race([exited, sleep(25_000).then(() => 'still running')])).not.toBe('still running');
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
