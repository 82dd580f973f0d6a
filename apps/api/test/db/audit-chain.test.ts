// The audit chain: single events are appended by audit_append (migration 0005), which hashes in SQL; batches
// are hashed here. Both must produce the hash verifyAuditChain recomputes with Node's crypto, whatever the text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema/index.js';
import { recordAudit, recordAuditEvents, verifyAuditChain, type AuditInput } from '../../src/services/audit-log.js';
import { createTestApp, type TestApp } from '../helper.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const at = new Date('2030-03-01T09:00:00.123456Z');
const event = (n: number, after: unknown, before?: unknown): AuditInput =>
  ({ actorId: null, action: `test.event${n}`, entityType: 'operator', entityId: `e-${n}`, after, before, at: new Date(at.getTime() + n) });

describe('audit chain', () => {
  it('hashes in SQL exactly as Node does, for any text, one event or many', async () => {
    const texts = ['Заявка № 1 «Серебряные волонтёры»', 'emoji 🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'quotes " \' and \\ backslash\n\ttabs', 'ё'.repeat(5000), ''];
    for (const [i, text] of texts.entries()) {
      await t.db.transaction((tx) => recordAudit(tx, event(i, { text, z: 1, a: [1.5, null, { y: true, b: 'x' }] }, i % 2 ? { status: 'draft' } : undefined)));
    }
    await t.db.transaction((tx) => recordAuditEvents(tx, texts.map((text, i) => event(100 + i, { text }))));
    await t.db.transaction((tx) => recordAudit(tx, event(200, { after: 'a batch' })));

    const rows = await t.db.select().from(auditEvents).orderBy(asc(auditEvents.id));
    const mine = rows.filter((r) => r.action.startsWith('test.'));
    expect(mine).toHaveLength(texts.length * 2 + 1);
    // The first single event, recomputed by hand: sha256 over the previous hash and the canonical JSON.
    const first = mine[0];
    // The canonical form: keys sorted at every level, the time with milliseconds.
    const canonical = `{"action":"test.event0","actorId":null,"after":{"a":[1.5,null,{"b":"x","y":true}],"text":${JSON.stringify(texts[0])},"z":1},`
      + `"at":"2030-03-01T09:00:00.123Z","before":null,"entityId":"e-0","entityType":"operator","operatorId":null}`;
    expect(first.hash).toBe(createHash('sha256').update(first.prevHash).update(canonical).digest('hex'));
    // Each links to the one before it, and the whole chain verifies.
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, events: rows.length });
  });
});
