// The audit log's hash chain, as pure functions: each event's hash covers its content and the previous event's hash,
// so that changing or removing any row breaks the chain from there on. Signed checkpoints of the chain (how many
// events, the hash of the last) catch what the chain alone cannot: the newest rows deleted, or a row rewritten and
// every later hash recomputed, since whoever does it cannot sign a checkpoint of the result.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { AuditEntityType } from '@konkurs/shared';

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  operatorId?: string | null;
  before?: unknown;
  after?: unknown;
  at: Date;
}

export const GENESIS = '0'.repeat(64);

/** JSON with sorted keys, so that the hash survives jsonb's reordering (the printed application's content hash too). */
export function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export type AuditEvent = { at: Date; actorId: string | null; action: string; entityType: string; entityId: string; operatorId: string | null; before: unknown; after: unknown };

/** The text an event's hash covers, after the previous hash. */
export function eventBody(e: AuditEvent): string {
  return canonical({ at: e.at.toISOString(), actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, operatorId: e.operatorId, before: e.before ?? null, after: e.after ?? null });
}

export function eventHash(prevHash: string, e: AuditEvent) {
  return createHash('sha256').update(prevHash).update(eventBody(e)).digest('hex');
}

/** The event as it will be stored, so that what is hashed now is what verification reads back. */
export function toEvent(input: AuditInput): AuditEvent {
  return {
    at: new Date(Math.floor(input.at.getTime())), // stored with millisecond precision
    actorId: input.actorId, action: input.action, entityType: input.entityType, entityId: input.entityId, operatorId: input.operatorId ?? null,
    // Round-trip through JSON so that what is hashed is what jsonb stores (no undefined, Dates as strings).
    before: input.before === undefined ? null : JSON.parse(JSON.stringify(input.before)),
    after: input.after === undefined ? null : JSON.parse(JSON.stringify(input.after)),
  };
}


/** The chain at one moment: its number of events and the hash of the last one (GENESIS when there is none). */
export interface ChainHead { events: number; headHash: string }
export interface Checkpoint extends ChainHead { at: string; signature: string }

/** The exact text a checkpoint's signature covers (API.md): konkurs-audit:<events>:<headHash>:<at>. */
export const checkpointMessage = (c: ChainHead & { at: string }) => Buffer.from(`konkurs-audit:${c.events}:${c.headHash}:${c.at}`, 'utf8');

/** Signs the head at `at` with the ed25519 private key (base64 signature). */
export function signCheckpoint(privateKey: KeyObject, head: ChainHead, at: Date): Checkpoint {
  const c = { ...head, at: at.toISOString() };
  return { ...c, signature: sign(null, checkpointMessage(c), privateKey).toString('base64') };
}

/** Whether the signature is the key's over this very checkpoint (a malformed one is simply not). */
export function checkpointSigned(publicKey: KeyObject, c: Checkpoint): boolean {
  try {
    return verify(null, checkpointMessage(c), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export type CheckpointFailure = 'fewer-events' | 'hash-differs';

/**
 * Whether the chain as it is now extends a checkpoint: it has at least as many events, and its event number
 * `events` is the one whose hash the checkpoint holds. `hashAt` is the hash of the chain at a position (0: GENESIS).
 */
export function extendsCheckpoint(now: number, hashAt: (position: number) => string | undefined, c: ChainHead): CheckpointFailure | null {
  if (now < c.events) return 'fewer-events';
  return (c.events === 0 ? GENESIS : hashAt(c.events)) === c.headHash ? null : 'hash-differs';
}
