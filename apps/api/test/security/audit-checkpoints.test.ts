// Finding 3: the hash chain alone catches only an event changed in place. Deleting the newest events, rewriting one
// and recomputing every later hash (the hash has no key), or truncating the log all verified. Against a signed
// checkpoint taken before, each now fails; an untouched chain still verifies. The checkpoint's signature is checked
// here as an outsider would: node:crypto and the published public key, over exactly the text API.md names.
import { afterEach, describe, expect, it } from 'vitest';
import { createPublicKey, verify } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { auditCheckpoints, auditEvents } from '../../src/db/schema/index.js';
import { GENESIS, eventHash } from '../../src/domain/audit.js';
import { recordAudit, verifyAuditChain, type AuditInput } from '../../src/services/audit-log.js';
import { publishDueCheckpoint, publishedCheckpoint } from '../../src/services/audit-checkpoints.js';
import type { Tx } from '../../src/db/client.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeUser, type TestUser } from '../fixtures.js';

const open: TestApp[] = [];
afterEach(async () => { await Promise.all(open.splice(0).map((t) => t.close())); });

/** A fresh database for each case: the tampering ones wreck theirs. */
async function world() {
  const t = await createTestApp({ now: '2027-03-01T09:00:00Z' });
  open.push(t);
  return { t, admin: await makeUser(t, 'admin') };
}

const competitionId = '6d1f2e4a-9b7c-4d3e-8f21-0a5b6c7d8e9f';
const awardEvent = (n: number, amountKopecks: number, at: Date): AuditInput => ({
  actorId: null, action: 'awards.recorded', entityType: 'competition', entityId: competitionId, at: new Date(at.getTime() + n * 1000),
  after: { awards: [{ applicationId: `app-${n}`, rank: 1, amountKopecks }] },
});
async function appendAwards(t: TestApp, count: number, from = 0) {
  for (let n = from; n < from + count; n++) await t.db.transaction((tx) => recordAudit(tx, awardEvent(n, 100_000_00 + n, t.clock.now())));
}

const checkpoint = async (t: TestApp, admin: TestUser) => {
  const r = await call(t, admin.token, 'GET', '/api/v1/audit/checkpoint');
  expect(r.status).toBe(200);
  return r.json as { events: number; headHash: string; at: string; signature: string };
};
const verifyAgainst = async (t: TestApp, admin: TestUser, c?: { events: number; headHash: string }) =>
  (await call(t, admin.token, 'GET', `/api/v1/audit/verify${c ? `?events=${c.events}&headHash=${c.headHash}` : ''}`)).json;

/**
 * What only the database's owner can do: with triggers off for the transaction (session_replication_role is for
 * superusers; the test connects as one on both drivers), the append-only triggers do not stop it.
 */
const asOwner = (t: TestApp, work: (tx: Tx) => Promise<unknown>) => t.db.transaction(async (tx) => {
  await tx.execute(sql`set local session_replication_role = replica`);
  await work(tx);
});

/** The database's refusal: drizzle wraps it, its cause says why. */
async function refusal(work: Promise<unknown>): Promise<string> {
  const e = await work.then(() => undefined, (err: Error & { cause?: Error }) => err);
  return e ? (e.cause ?? e).message : 'not refused';
}

describe('signed checkpoints', () => {
  it('are signed with the published key over exactly konkurs-audit:<events>:<headHash>:<at>, and the open data is public and cacheable', async () => {
    const { t, admin } = await world();
    await appendAwards(t, 3);
    const [last] = await t.db.select().from(auditEvents).orderBy(sql`${auditEvents.id} desc`).limit(1);
    const events = (await t.db.select().from(auditEvents)).length;

    const issued = await checkpoint(t, admin);
    expect(issued).toMatchObject({ events, headHash: last.hash, at: '2027-03-01T09:00:00.000Z' });
    expect(issued.headHash).toMatch(/^[0-9a-f]{64}$/);

    const key = await t.request.get('/api/v1/open-data/audit-public-key');
    expect(key.status).toBe(200);
    expect(key.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(key.body.algorithm).toBe('ed25519');
    const fromPem = createPublicKey(key.body.pem);
    const fromRaw = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.body.publicKey, 'base64').toString('base64url') }, format: 'jwk' });
    expect(Buffer.from(key.body.publicKey, 'base64')).toHaveLength(32);

    const published = await t.request.get('/api/v1/open-data/audit-checkpoint');
    expect(published.status).toBe(200);
    expect(published.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    for (const c of [issued, published.body]) {
      const text = Buffer.from(`konkurs-audit:${c.events}:${c.headHash}:${c.at}`, 'utf8');
      const signature = Buffer.from(c.signature, 'base64');
      expect(verify(null, text, fromPem, signature)).toBe(true);
      expect(verify(null, text, fromRaw, signature)).toBe(true);
      // Any other count, hash or time is not what was signed.
      expect(verify(null, Buffer.from(`konkurs-audit:${c.events + 1}:${c.headHash}:${c.at}`), fromPem, signature)).toBe(false);
    }
    // The published one is kept: asked again, the same checkpoint, until the next publication.
    expect((await t.request.get('/api/v1/open-data/audit-checkpoint')).body).toEqual(published.body);
  });

  it('are published when the latest published one is due, not before', async () => {
    const { t } = await world();
    const first = await publishedCheckpoint(t.db, t.app.auditKey, t.clock.now());
    const day = 24 * 3600_000;
    expect(await publishDueCheckpoint(t.db, t.app.auditKey, new Date(t.clock.now().getTime() + day - 1), day)).toBeUndefined();
    await appendAwards(t, 1);
    const next = await publishDueCheckpoint(t.db, t.app.auditKey, new Date(t.clock.now().getTime() + day), day);
    expect(next).toMatchObject({ events: first.events + 1 });
    expect(await publishedCheckpoint(t.db, t.app.auditKey, t.clock.now())).toEqual(next);
  });

  it('an untouched chain verifies against an earlier checkpoint, and after more events too', async () => {
    const { t, admin } = await world();
    const empty = await checkpoint(t, admin);
    expect(empty.headHash).toMatch(/^[0-9a-f]{64}$/);
    await appendAwards(t, 4);
    const c = await checkpoint(t, admin);
    await appendAwards(t, 3, 4);
    expect(await verifyAgainst(t, admin, c)).toEqual({ ok: true, events: c.events + 3, checkpoints: 3 });
    expect(await verifyAgainst(t, admin, empty)).toMatchObject({ ok: true });
    expect(await verifyAgainst(t, admin)).toEqual({ ok: true, events: c.events + 3, checkpoints: 2 });
  });
});

describe('what the owner of the database does is caught by an earlier checkpoint', () => {
  it('deleting the newest events: fewer events; with new ones appended after, another hash at the checkpoint', async () => {
    const { t, admin } = await world();
    await appendAwards(t, 5);
    const c = await checkpoint(t, admin);
    const rows = await t.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id));
    await asOwner(t, (tx) => tx.delete(auditEvents).where(sql`${auditEvents.id} >= ${rows.at(-2)!.id}`));
    // The chain alone still looks whole: that was the finding.
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, events: c.events - 2 });

    expect(await verifyAgainst(t, admin, c)).toMatchObject({ ok: false, reason: 'fewer-events', events: c.events - 2, checkpoint: { events: c.events, headHash: c.headHash } });
    // The checkpoint the server kept catches it without being asked.
    expect(await verifyAgainst(t, admin)).toMatchObject({ ok: false, reason: 'fewer-events' });

    await appendAwards(t, 4, 100);
    const after = await verifyAgainst(t, admin, c);
    expect(after).toMatchObject({ ok: false, reason: 'hash-differs', events: c.events + 2 });
    const [atCheckpoint] = await t.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).offset(c.events - 1).limit(1);
    expect(after.brokenAt).toBe(atCheckpoint.id);
  });

  it('raising an award amount and recomputing every later hash: the chain verifies, the checkpoint does not', async () => {
    const { t, admin } = await world();
    await appendAwards(t, 6);
    const c = await checkpoint(t, admin);
    const rows = await t.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    const target = rows.findIndex((r) => r.action === 'awards.recorded');
    await asOwner(t, async (tx) => {
      let prevHash = target === 0 ? GENESIS : rows[target - 1].hash;
      for (const [i, r] of rows.slice(target).entries()) {
        const after = i === 0 ? { awards: [{ applicationId: 'app-0', rank: 1, amountKopecks: 999_999_999_00 }] } : r.after;
        const hash = eventHash(prevHash, { at: r.at, actorId: r.actorId, action: r.action, entityType: r.entityType, entityId: r.entityId, operatorId: r.operatorId, before: r.before, after });
        await tx.update(auditEvents).set({ after, prevHash, hash }).where(eq(auditEvents.id, r.id));
        prevHash = hash;
      }
    });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, events: c.events });

    const r = await verifyAgainst(t, admin, c);
    expect(r).toMatchObject({ ok: false, reason: 'hash-differs', events: c.events, brokenAt: rows.at(-1)!.id });
    expect(await verifyAgainst(t, admin)).toMatchObject({ ok: false, reason: 'hash-differs' });
  });

  it('truncating the log: refused by a trigger, and with triggers off, no events against the checkpoint', async () => {
    const { t, admin } = await world();
    await appendAwards(t, 3);
    const c = await checkpoint(t, admin);
    expect(await refusal(t.db.execute(sql`truncate ${auditEvents}`))).toBe('audit_events is append-only');
    await asOwner(t, (tx) => tx.execute(sql`truncate ${auditEvents}`));
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, events: 0 });
    expect(await verifyAgainst(t, admin, c)).toMatchObject({ ok: false, reason: 'fewer-events', events: 0 });
  });

  it('a checkpoint kept in the database but not signed with the key is reported', async () => {
    const { t, admin } = await world();
    await appendAwards(t, 2);
    const c = await checkpoint(t, admin);
    // Whoever rewrote the log cannot sign its new head: a row with another signature (or another head) fails.
    const forged = { events: c.events, headHash: 'f'.repeat(64), at: c.at, signature: c.signature };
    await t.db.insert(auditCheckpoints).values({ ...forged, at: new Date(forged.at), published: true });
    expect(await verifyAgainst(t, admin)).toMatchObject({ ok: false, reason: 'signature-invalid', checkpoint: forged });
  });

  it('the checkpoints are append-only too', async () => {
    const { t, admin } = await world();
    await checkpoint(t, admin);
    for (const change of [t.db.update(auditCheckpoints).set({ events: 0 }), t.db.delete(auditCheckpoints), t.db.execute(sql`truncate ${auditCheckpoints}`)]) {
      expect(await refusal(change)).toBe('audit_checkpoints is append-only');
    }
  });
});

describe('GET /audit/verify?events=&headHash=', () => {
  it('refuses a malformed checkpoint with a problem naming the field, in Russian', async () => {
    const { t, admin } = await world();
    const hash = 'a'.repeat(64);
    for (const [query, field, code] of [
      [`events=-1&headHash=${hash}`, 'events', 'too-small'], [`events=abc&headHash=${hash}`, 'events', 'invalid-type'],
      [`events=1.5&headHash=${hash}`, 'events', 'invalid-type'], [`events=1&headHash=${'A'.repeat(64)}`, 'headHash', 'sha256-format'],
      ['events=1&headHash=abc', 'headHash', 'sha256-format'], ['events=1', 'headHash', 'required'], [`headHash=${hash}`, 'events', 'required'],
    ]) {
      const r = await call(t, admin.token, 'GET', `/api/v1/audit/verify?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
      expect(r.json.errors.map((e: { path: string }) => e.path), query).toContain(field);
      expect(r.json.errors.find((e: { path: string }) => e.path === field).code, query).toBe(code);
      expect(r.json.errors[0].message).toMatch(/[а-яё]/i);
    }
  });

  it('a checkpoint the chain never had: another hash at that event', async () => {
    const { t, admin } = await world();
    await appendAwards(t, 2);
    const r = await verifyAgainst(t, admin, { events: 1, headHash: 'b'.repeat(64) });
    expect(r).toMatchObject({ ok: false, reason: 'hash-differs' });
    expect(await verifyAgainst(t, admin, { events: 10_000, headHash: 'b'.repeat(64) })).toMatchObject({ ok: false, reason: 'fewer-events' });
  });
});
