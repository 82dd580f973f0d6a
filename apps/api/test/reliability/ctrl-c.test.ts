// Ctrl-C on `pnpm start`: the terminal sends SIGINT to the whole process group and pnpm forwards it to the server it
// execs, so the server gets it twice at once. That is one press: the server still shuts down cleanly (in-flight
// requests, the database) and exits 0, so pnpm reports no failure. The server's own lines in development are for
// people (the summary, readable log lines, requests at debug).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAME_PRESS_MS } from '../../src/lib/shutdown.js';
import { sleep, startServerProcess } from './server-process.js';

describe('Ctrl-C', () => {
  it('a SIGINT delivered twice at once is one press: the shutdown still waits for in-flight requests, then exit code 0', async () => {
    const server = await startServerProcess({ NODE_ENV: 'development', LOG_LEVEL: 'debug', SHUTDOWN_GRACE_MS: '3000' });
    try {
      expect((await fetch(`${server.base}/api/health`)).ok).toBe(true);
      await sleep(200);
      const output = server.output();
      expect(output).toMatch(/Konkurs is running at http:\/\/127\.0\.0\.1:\d+/);
      expect(output).toMatch(/ {2}database {2}embedded PGlite in \S+/);
      expect(output).toMatch(/^\d{2}:\d{2}:\d{2} DEBUG GET \/api\/health → 200 \(\d+ ms\)$/m);
      expect(output).not.toMatch(/^\{"level"/m);
      // A request that is still coming in keeps the shutdown waiting (up to the grace period).
      const stalled = fetch(`${server.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' },
        body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"email":')); } }), duplex: 'half' } as RequestInit).catch(() => null);
      await sleep(300);
      // Two signals sent at once would merge into one pending signal: pnpm's forward comes a moment after the terminal's.
      server.child.kill('SIGINT');
      await sleep(50);
      server.child.kill('SIGINT');
      await sleep(1_000);
      expect(server.child.exitCode, 'the repeat did not cut the shutdown short').toBeNull();
      expect(await Promise.race([server.exited, sleep(15_000).then(() => 'still running')])).toBe(0);
      await stalled;
      expect(server.output()).toMatch(/INFO {2}SIGINT: finishing in-flight requests \(at most 3 s\)/);
      expect(server.output()).toMatch(/INFO {2}shutdown grace period over: exiting/);
    } finally {
      await server.stop('SIGKILL');
    }
  }, 120_000);

  it('a second press later still exits at once', async () => {
    const server = await startServerProcess({ NODE_ENV: 'development', SHUTDOWN_GRACE_MS: '60000' });
    try {
      // A request that never finishes keeps the first SIGINT waiting for it.
      const stalled = fetch(`${server.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' },
        body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"email":')); } }), duplex: 'half' } as RequestInit).catch(() => null);
      await sleep(300);
      server.child.kill('SIGINT');
      await sleep(SAME_PRESS_MS + 500);
      expect(server.child.exitCode).toBeNull();
      server.child.kill('SIGINT');
      expect(await Promise.race([server.exited, sleep(10_000).then(() => 'still running')])).toBe(0);
      await stalled;
    } finally {
      await server.stop('SIGKILL');
    }
  }, 120_000);

  it('pnpm start execs the server, so that the server\'s exit code is the script\'s (no sh in between to die of SIGINT)', () => {
    const root = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../package.json', import.meta.url)), 'utf8'));
    expect(root.scripts.start).toMatch(/&& exec node [^&|;]*apps\/api\/dist\/server\.js$/);
  });
});
