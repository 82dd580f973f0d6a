// The audit log as the API answers it: events (newest first) and the verdict on the hash chain.
import { z } from 'zod';
import { pageQuery } from './common.js';
import { AUDIT_ENTITY_TYPES } from './workflow.js';

export const auditQuery = pageQuery.extend({
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
  entityId: z.string().max(100).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

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
});
export type AuditEvent = z.infer<typeof auditEvent>;

/** Whether every event's hash and link match; the first one that does not, when one does not. */
export const auditVerification = z.object({ ok: z.boolean(), events: z.number().int(), brokenAt: z.number().int().optional() });
export type AuditVerification = z.infer<typeof auditVerification>;
