// The audit log as the API answers it: events (newest first) and the verdict on the hash chain.
// Each event carries what a person needs to read it as a sentence: the actor's name and role, the object's
// number or code and title, and the names behind the ids its before/after mention.
import { z } from 'zod';
import { id, instant, pageQuery } from './common.js';
import { ROLES } from './enums.js';
import { AUDIT_ENTITY_TYPES } from './workflow.js';

export const auditQuery = pageQuery.extend({
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  entityId: z.string().max(100).optional(),
  /** One action code (`application.admitted`). */
  action: z.string().max(100).optional(),
  /** Events at or after this instant. */
  from: instant.optional(),
  /** Events before this instant. */
  to: instant.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

/** Who did it; null: the system (automatic assignment, the demo seed). */
export const auditActor = z.object({ id, fullName: z.string(), role: z.enum(ROLES) });
export type AuditActor = z.infer<typeof auditActor>;

/**
 * What the event is about, as people name it: an application by its number and title, a competition by its code
 * and title, an organisation by its ИНН and short name, a user or an operator by name; an assignment or a review
 * by its application's number and title and its expert. Null when the object is gone.
 */
export const auditEntity = z.object({
  number: z.string().optional(),
  code: z.string().optional(),
  title: z.string().nullable().optional(),
  expertName: z.string().optional(),
  /** The application an assignment or a review belongs to. */
  applicationId: id.optional(),
});
export type AuditEntity = z.infer<typeof auditEntity>;

export const auditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entityType: z.enum(AUDIT_ENTITY_TYPES),
  entityId: z.string(),
  operatorId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** SHA-256 over the previous event's hash and this event (64 lowercase hex digits). */
  hash: z.string(),
  actor: auditActor.nullable(),
  entity: auditEntity.nullable(),
  /** A readable name for every id that before/after mention (a user's name, an application's number…). */
  refs: z.record(z.string(), z.string()),
});
export type AuditEvent = z.infer<typeof auditEvent>;

/** Whether every event's hash and link match; the first one that does not, when one does not. */
export const auditVerification = z.object({ ok: z.boolean(), events: z.number().int(), brokenAt: z.number().int().optional() });
export type AuditVerification = z.infer<typeof auditVerification>;
