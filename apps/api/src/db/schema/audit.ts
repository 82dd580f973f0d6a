import { bigint, bigserial, boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AuditEntityType } from '@konkurs/shared';

/** Append-only; each event carries the hash of the previous one (see domain/audit.ts). */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  actorId: uuid('actor_id'),
  action: text('action').notNull(),
  entityType: text('entity_type').$type<AuditEntityType>().notNull(),
  entityId: text('entity_id').notNull(),
  operatorId: uuid('operator_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_operator_idx').on(t.operatorId)]);

/**
 * Signed checkpoints of the chain (domain/audit.ts): how many events there were and the hash of the last one, signed
 * with a key kept outside the database. Append-only as the events are; `published` ones are the open data's.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  events: bigint('events', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
  at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
  signature: text('signature').notNull(),
  published: boolean('published').notNull().default(false),
}, (t) => [index('audit_checkpoints_published_idx').on(t.published, t.id)]);
