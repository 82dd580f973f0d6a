// The append-only audit log in the database: appending events inside the caller's transaction, reading them
// (an organiser its operator's, with the names people read), and walking the chain to verify it.
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { AuditEntityType, AuditEvent, AuditQuery, AuditVerification } from '@konkurs/shared';
import type { Db, Executor, Tx } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { cursorList, decodeCursor, pageOf } from '../lib/cursor.js';
import { auditEvents } from '../db/schema/index.js';
import { jsonRows } from '../db/bulk.js';
import { GENESIS, eventBody, eventHash, toEvent, type AuditInput } from '../domain/audit.js';
import { auditEventsPage, auditNames, entityOf, isUuid, refLabel } from '../queries/audit.js';

export type { AuditInput } from '../domain/audit.js';

const AUDIT_LOCK = 727275;

/**
 * Appends an event inside the caller's transaction. The lock serialises the chain until that transaction ends.
 * One call of audit_append (migration 0005): it takes the lock, reads the previous hash and inserts, with the
 * hash computed in SQL, so that the lock is held for that call and the COMMIT only. Make it the caller's last
 * statement before COMMIT for the same reason.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const e = toEvent(input);
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  await tx.execute(sql`select audit_append(${AUDIT_LOCK}, ${GENESIS}, ${e.at.toISOString()}, ${e.actorId}, ${e.action}, ${e.entityType}, ${e.entityId},
    ${e.operatorId}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${eventBody(e)})`);
}

/** Rows per INSERT: each batch travels as one jsonb parameter. */
const AUDIT_BATCH = 5000;

/** Appends many events in order with one lock and bulk inserts (thousands of status changes stay fast). */
export async function recordAuditEvents(tx: Tx, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  if (inputs.length === 1) return recordAudit(tx, inputs[0]);
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS;
  const rows = inputs.map((input, n) => {
    const event = toEvent(input);
    const hash = eventHash(prevHash, event);
    const row = {
      n, at: event.at.toISOString(), actor_id: event.actorId, action: event.action, entity_type: event.entityType, entity_id: event.entityId,
      operator_id: event.operatorId, before: event.before, after: event.after, prev_hash: prevHash, hash,
    };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += AUDIT_BATCH) {
    // Ordered by position, so that the ids follow the chain.
    await tx.execute(sql`insert into ${auditEvents} (at, actor_id, action, entity_type, entity_id, operator_id, before, after, prev_hash, hash)
      select at, actor_id, action, entity_type, entity_id, operator_id, before, after, prev_hash, hash
      from jsonb_to_recordset(${jsonRows(rows.slice(i, i + AUDIT_BATCH))}) as x(n int, at timestamptz, actor_id uuid, action text, entity_type text,
        entity_id text, operator_id uuid, before jsonb, after jsonb, prev_hash text, hash text)
      order by n`);
  }
}

/** An event of the chain by its position (1 for the first): its id and hash. */
export interface ChainPosition { id: number; hash: string }

/**
 * Walks the whole chain in order: how many events it has, the first event whose hash or link does not match (its id),
 * and the id and hash of the events at the positions asked for (checkpoints hold the hash at a position).
 */
export async function walkAuditChain(db: Db, positions: ReadonlySet<number> = new Set()): Promise<{ events: number; brokenAt?: number; heads: Map<number, ChainPosition> }> {
  const heads = new Map<number, ChainPosition>();
  let prevHash = GENESIS;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.id, lastId)).orderBy(asc(auditEvents.id)).limit(5000);
    if (rows.length === 0) return { events: count, heads };
    for (const r of rows) {
      const expected = eventHash(prevHash, { at: r.at, actorId: r.actorId, action: r.action, entityType: r.entityType, entityId: r.entityId, operatorId: r.operatorId, before: r.before, after: r.after });
      if (r.prevHash !== prevHash || r.hash !== expected) return { events: count, brokenAt: r.id, heads };
      prevHash = r.hash;
      lastId = r.id;
      count++;
      if (positions.has(count)) heads.set(count, { id: r.id, hash: r.hash });
    }
  }
}

/** The chain's own check: every event's hash and link (services/audit-checkpoints.ts adds the checkpoints). */
export async function verifyAuditChain(db: Db): Promise<AuditVerification & ({ ok: true } | { ok: false; brokenAt: number })> {
  const { events, brokenAt } = await walkAuditChain(db);
  return brokenAt === undefined ? { ok: true, events } : { ok: false, brokenAt, events };
}

/** The ids an event's before/after mention (an expert, an application, an organisation…), at any depth. */
function mentionedIds(v: unknown, into: Set<string>): void {
  if (isUuid(v)) into.add(v.toLowerCase());
  else if (Array.isArray(v)) for (const x of v) mentionedIds(x, into);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) mentionedIds(x, into);
}

/**
 * A page of events, newest first, filtered by object, action and time when asked; an organiser reads its operator's
 * only. Each event comes with its actor, its object and the names of the ids it mentions, read in one statement.
 */
export async function auditPage(db: Executor, actor: AuthUser, query: AuditQuery, secret: string): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const { limit, cursor, ...filter } = query;
  const list = cursorList('audit', filter, secret);
  const rows = await auditEventsPage(db, {
    ...filter,
    ...(actor.role === 'organiser' ? { operatorId: actor.operatorId } : {}),
    ...(cursor ? { beforeId: Number(decodeCursor(cursor, list, 1)[0]) } : {}),
  }, limit);
  const ids = new Set<string>();
  for (const r of rows.slice(0, limit)) {
    if (r.actorId) ids.add(r.actorId);
    if (isUuid(r.entityId)) ids.add(r.entityId.toLowerCase());
    mentionedIds(r.before, ids);
    mentionedIds(r.after, ids);
  }
  const names = await auditNames(db, [...ids]);
  const named = (id: string, kind: AuditEntityType) => names.find((n) => n.id === id && n.kind === kind);
  const byId = new Map(names.map((n) => [n.id, n]));
  return pageOf(rows, limit, list, (r) => [r.id], ({ prevHash: _prev, ...r }) => {
    const mentioned = new Set<string>();
    mentionedIds(r.before, mentioned);
    mentionedIds(r.after, mentioned);
    const who = r.actorId ? named(r.actorId, 'user') : undefined;
    return {
      ...r, at: r.at.toISOString(),
      actor: who ? { id: who.id, fullName: who.title ?? '', role: who.role! } : null,
      entity: entityOf(named(r.entityId.toLowerCase(), r.entityType)),
      refs: Object.fromEntries([...mentioned].flatMap((id) => { const n = byId.get(id); return n ? [[id, refLabel(n)]] : []; })),
    };
  });
}
