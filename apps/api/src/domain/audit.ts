// The audit log's hash chain, as pure functions: each event's hash covers its content and the previous event's hash,
// so that changing or removing any row breaks the chain from there on.
import { createHash } from 'node:crypto';
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

/** JSON with sorted keys, so that the hash survives jsonb's reordering. */
function canonical(v: unknown): string {
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

