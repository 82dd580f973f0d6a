// SIGTERM lets in-flight requests finish, then the process exits 0 (TARGETS.md, Reliability: shutdown).
import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { sleep, startServerProcess, type ServerProcess } from './server-process.js';

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
});
