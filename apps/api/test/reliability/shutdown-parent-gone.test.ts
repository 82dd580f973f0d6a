// The contract smoke's sequence, which left servers running for good: the applicant's path with an upload through a
// server whose output is piped to its parent, then SIGTERM, and the parent gone at once (its pipes closed). The server
// must exit 0 within its grace period every time. It hung in about half of such runs while Fastify logged through
// pino's default destination, whose exit-time flush retried the failed write (EPIPE) forever; so the sequence runs
// several times.
import { describe, expect, it } from 'vitest';
import { completeDraft, orgIdentity } from '../fixtures.js';
import { sleep, startServerProcess } from './server-process.js';

const RUNS = 6;
const GRACE_MS = 4_000;
const ADMIN = { email: 'shutdown-admin@example.org', password: 'Shutdown-admin-2026!' };

async function api(base: string, method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let payload: string | FormData | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) { headers['content-type'] = 'application/json'; payload = JSON.stringify(body); }
  const r = await fetch(`${base}/api/v1${path}`, { method, headers, body: payload });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** What the smoke does before it stops the server: an organiser opens a competition, an applicant drafts and uploads. */
async function applicantPath(base: string, i: number) {
  const admin = (await api(base, 'POST', '/auth/login', undefined, ADMIN)).token;
  const operator = await api(base, 'POST', '/operators', admin, { name: `Министерство ${i}`, level: 'regional', regionCode: '40' });
  const organiserEmail = `organiser-${i}@example.org`;
  await api(base, 'POST', '/users', admin, { email: organiserEmail, password: ADMIN.password, fullName: 'Организатор', role: 'organiser', operatorId: operator.id });
  const organiser = (await api(base, 'POST', '/auth/login', undefined, { email: organiserEmail, password: ADMIN.password })).token;
  const closesAt = new Date(Date.now() + 7 * 86_400_000);
  const comp = await api(base, 'POST', '/competitions', organiser, {
    code: `SHUT-${i}`, title: 'Конкурс', description: 'Проверка остановки', operatorId: operator.id, directionCodes: ['youth'], regionCodes: [],
    opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: closesAt.toISOString(), budgetKopecks: 100_000_000, minGrantKopecks: 1_000_000,
    maxGrantKopecks: 50_000_000, maxProjectMonths: 12, minCofinancingPercent: 10, reviewersPerApplication: 2, divergenceThreshold: 30, passMark: 60,
    oneWinPerOrganization: true, maxApplicationsPerOrganization: 3, requiredAttachmentKinds: [],
  });
  await api(base, 'POST', `/competitions/${comp.id}/open`, organiser);
  const applicant = (await api(base, 'POST', '/auth/register', undefined, {
    email: `applicant-${i}@example.org`, password: 'Applicant-pass-2026', fullName: 'Заявитель',
  })).token;
  const org = await api(base, 'POST', '/organizations', applicant, { ...orgIdentity(500 + i), fullName: 'АНО «Проверка»', shortName: 'Проверка', regionCode: '40' });
  const draft = await api(base, 'POST', `/competitions/${comp.id}/applications`, applicant, { organizationId: org.id });
  const form = new FormData();
  form.append('kind', 'charter');
  form.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')], { type: 'application/pdf' }), 'Устав.pdf');
  await api(base, 'POST', `/applications/${draft.id}/attachments`, applicant, form);
  await api(base, 'PATCH', `/applications/${draft.id}`, applicant, { version: draft.version, ...completeDraft({ closesAt, directionCodes: ['youth'] }) });
}

describe('shutdown with the parent gone', () => {
  it(`exits 0 within the grace period after the applicant's path, ${RUNS} times out of ${RUNS}`, async () => {
    const outcomes: (number | string)[] = [];
    for (let i = 0; i < RUNS; i++) {
      const server = await startServerProcess({ LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: String(GRACE_MS), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
      try {
        await applicantPath(server.base, i);
        server.child.kill('SIGTERM');
        // The parent exits right after its signal: nobody reads the server's output any more.
        server.child.stdout!.destroy();
        server.child.stderr!.destroy();
        outcomes.push(await Promise.race([server.exited, sleep(GRACE_MS + 6_000).then(() => 'still running')]));
      } finally {
        await server.stop('SIGKILL');
      }
    }
    expect(outcomes).toEqual(Array(RUNS).fill(0));
  }, 300_000);

  it('a second SIGTERM during the shutdown exits at once', async () => {
    const server = await startServerProcess({ LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '60000' });
    try {
      // A request that never finishes keeps the first SIGTERM waiting for it.
      const stalled = fetch(`${server.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' },
        body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('{"email":')); } }), duplex: 'half' } as RequestInit).catch(() => null);
      await sleep(300);
      server.child.kill('SIGTERM');
      await sleep(500);
      expect(server.child.exitCode).toBeNull();
      const started = Date.now();
      server.child.kill('SIGTERM');
      expect(await Promise.race([server.exited, sleep(5_000).then(() => 'still running')])).toBe(0);
      expect(Date.now() - started).toBeLessThan(3_000);
      void stalled;
    } finally {
      await server.stop('SIGKILL');
    }
  }, 120_000);
});
