// Finding 2: a request that sent 34 of its 1,000 body bytes stayed open for 330 s. Now a connection that goes silent
// is closed after HTTP_IDLE_TIMEOUT_MS (a stalled body, a reader that stopped reading), a request that trickles in
// is cut at HTTP_REQUEST_TIMEOUT_MS and slow headers at HTTP_HEADERS_TIMEOUT_MS (408 problem+json), while a body
// that is slow but keeps moving is answered. Short settings here; the defaults are in config.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import http from 'node:http';
import { eq } from 'drizzle-orm';
import { competitions } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { insertLargeRound } from '../large-export.js';
import { makeCompetition, makeOperator, makeOrganization, makeUser } from '../fixtures.js';
import { sleep } from './server-process.js';

const IDLE = 1000;
const REQUEST = 3000;
const HEADERS = 1500;
/** Node checks the request and headers deadlines once a second (app.ts). */
const CHECK = 1000;
const SLACK = 700;
const KEEP_ALIVE = 500;
/** Node closes a kept-alive connection a second after the timeout it advertises (against races with the client). */
const KEEP_ALIVE_GRACE = 1000;

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp({ env: {
    HTTP_IDLE_TIMEOUT_MS: String(IDLE), HTTP_REQUEST_TIMEOUT_MS: String(REQUEST), HTTP_HEADERS_TIMEOUT_MS: String(HEADERS),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE),
  } });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => { await t?.close(); });

interface Outcome { ms: number; received: string }

/** Opens a raw connection, lets `talk` write to it, and resolves when the server closes it (or after `giveUpMs`). */
function connection(talk: (socket: net.Socket) => void, giveUpMs = 10_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let received = '';
    let started = 0;
    const done = () => { clearTimeout(giveUp); socket.destroy(); resolve({ ms: performance.now() - started, received }); };
    const giveUp = setTimeout(done, giveUpMs);
    socket.on('connect', () => { started = performance.now(); talk(socket); });
    socket.on('data', (d) => { received += d.toString('utf8'); });
    socket.on('close', done);
    socket.on('error', () => {});
  });
}

/** Writes `parts` one after another, `everyMs` apart, while the socket is open. */
async function trickle(socket: net.Socket, parts: string[], everyMs: number) {
  for (const part of parts) {
    if (socket.destroyed) return;
    socket.write(part);
    await sleep(everyMs);
  }
}

const LOGIN_HEAD = (length: number) => `POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('HTTP timeouts', () => {
  it('close a connection whose body stalls (34 of 1,000 bytes sent) once it has been silent for the idle timeout', async () => {
    const r = await connection((s) => s.write(LOGIN_HEAD(1000) + '{"email":"someone@test.example","p'));
    expect(r.ms).toBeGreaterThanOrEqual(IDLE - 100);
    expect(r.ms).toBeLessThan(IDLE + SLACK);
  });

  it('cut a body that trickles in (never silent for a second) at the request timeout, with a 408 problem', async () => {
    const body = '{"email":"someone@test.example","password":"' + 'x'.repeat(200) + '"}';
    const r = await connection((s) => {
      s.write(LOGIN_HEAD(body.length));
      void trickle(s, [...body], 250);
    });
    expect(r.ms).toBeGreaterThanOrEqual(REQUEST - 100);
    expect(r.ms).toBeLessThan(REQUEST + CHECK + SLACK);
    expect(r.received).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(r.received).toContain('Content-Type: application/problem+json');
    const problem = JSON.parse(r.received.slice(r.received.indexOf('\r\n\r\n') + 4));
    expect(problem).toMatchObject({ status: 408, code: 'request-timeout', title: 'Запрос не дошёл вовремя', detail: 'Запрос не пришёл целиком за отведённое время; соединение закрыто' });
  });

  it('cut headers that trickle in (slowloris) at the headers timeout, with a 408 problem', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: ${i}\r\n`);
    const r = await connection((s) => {
      s.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n');
      void trickle(s, lines, 250);
    });
    expect(r.ms).toBeGreaterThanOrEqual(HEADERS - 100);
    expect(r.ms).toBeLessThan(HEADERS + CHECK + SLACK);
    expect(r.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(r.received).toContain('"code":"request-timeout"');
  });

  it('answer a body that is slow but keeps moving (gaps under the idle timeout, done within the request timeout)', async () => {
    const body = JSON.stringify({ email: 'not-an-email', password: 'x' });
    const quarter = Math.ceil(body.length / 4);
    const parts = [0, 1, 2, 3].map((i) => body.slice(i * quarter, (i + 1) * quarter));
    const r = await connection((s) => {
      s.write(LOGIN_HEAD(Buffer.byteLength(body)));
      void trickle(s, parts, IDLE * 0.6);
    }, 8000);
    // The schema's answer, after ~2.4 s of a body that never stalled for the idle timeout.
    expect(r.received).toMatch(/^HTTP\/1\.1 400 /);
    expect(r.received).toContain('"code":"invalid-request"');
  });

  it('close a kept-alive connection that sends no next request after the keep-alive timeout', async () => {
    const r = await connection((s) => s.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    expect(r.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(r.ms).toBeGreaterThanOrEqual(KEEP_ALIVE);
    expect(r.ms).toBeLessThan(KEEP_ALIVE + KEEP_ALIVE_GRACE + SLACK);
  });

  it('cut a reader that stopped reading a download once it has been silent for the idle timeout', async () => {
    const op = await makeOperator(t);
    const applicant = await makeUser(t, 'applicant');
    const org = await makeOrganization(t, applicant.id, '23');
    const comp = await makeCompetition(t, op.id, { status: 'published' });
    await t.db.update(competitions).set({ publishedAt: t.clock.now() }).where(eq(competitions.id, comp.id));
    await insertLargeRound(t, comp, org.id, applicant.id, 5000, { status: 'winner', titleLength: 500 });
    // The server's end of the connection: a paused client would not notice its closing.
    const serverSide = new Promise<net.Socket>((resolve) => t.app.server.once('connection', resolve));
    const started = performance.now();
    const status = new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/api/v1/open-data/winners.csv', agent: false }, (res) => { res.pause(); resolve(res.statusCode!); })
        .on('error', () => {});
    });
    const socket = await serverSide;
    const closed = { status: await status, ms: await new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now() - started))) };
    expect(closed.status).toBe(200);
    expect(closed.ms).toBeGreaterThanOrEqual(IDLE - 100);
    expect(closed.ms).toBeLessThan(IDLE + 5000);
  }, 60_000);
});
