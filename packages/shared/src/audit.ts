// The audit log as the API answers it: events (newest first), the verdict on the hash chain, and its signed checkpoints.
// Each event carries what a person needs to read it as a sentence: the actor's name and role, the object's
// number or code and title, and the names behind the ids its before/after mention.
import { z } from 'zod';
import { id, instant, pageQuery } from './common.js';
import { ROLES } from './enums.js';
import { SHA256_PATTERN } from './patterns.js';
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

const sha256 = z.string().regex(SHA256_PATTERN);
const eventCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** The chain at one moment, signed with the server's ed25519 key (GET /open-data/audit-public-key). */
export const auditCheckpoint = z.object({
  events: eventCount.describe('How many events the chain had'),
  headHash: sha256.describe('The hash of event number `events` (64 zeros when there was none)'),
  at: z.string().describe('When it was signed: ISO 8601 in UTC with milliseconds, exactly as signed'),
  signature: z.string().describe('base64 ed25519 signature over the UTF-8 text `konkurs-audit:<events>:<headHash>:<at>`'),
});
export type AuditCheckpoint = z.infer<typeof auditCheckpoint>;

/** The key that verifies checkpoints, in two spellings of the same key. */
export const auditPublicKey = z.object({
  algorithm: z.literal('ed25519'),
  publicKey: z.string().describe('The raw 32-byte ed25519 public key, base64'),
  pem: z.string().describe('The same key as an SPKI PEM (`-----BEGIN PUBLIC KEY-----`), for openssl or node:crypto'),
});
export type AuditPublicKey = z.infer<typeof auditPublicKey>;

/** A checkpoint a client kept: the chain must have at least `events` events, event number `events` hashing to `headHash`. */
export const auditVerifyQuery = z.object({
  events: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  headHash: sha256.optional(),
}).superRefine((q, ctx) => {
  // Either half alone checks nothing: the other one is then missing.
  for (const [field, other] of [['events', 'headHash'], ['headHash', 'events']] as const) {
    if (q[field] === undefined && q[other] !== undefined) ctx.addIssue({ code: 'custom', path: [field], params: { code: 'required' } });
  }
});
export type AuditVerifyQuery = z.infer<typeof auditVerifyQuery>;

/**
 * Why the chain did not verify: an event's hash or link is wrong (broken); against a checkpoint, the chain has fewer
 * events than it had (fewer-events) or another hash at its last event (hash-differs); a kept checkpoint's signature
 * is not the server key's (signature-invalid).
 */
export const AUDIT_VERIFY_FAILURES = ['broken', 'fewer-events', 'hash-differs', 'signature-invalid'] as const;
export type AuditVerifyFailure = (typeof AUDIT_VERIFY_FAILURES)[number];

/**
 * Whether every event's hash and link match and the chain extends every checkpoint it was checked against (the one
 * asked about and the ones the server kept); when not, the first thing that does not.
 */
export const auditVerification = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  brokenAt: z.number().int().optional().describe('The id of the first event that does not match (broken), or of the event a checkpoint holds another hash for'),
  reason: z.enum(AUDIT_VERIFY_FAILURES).optional(),
  checkpoint: auditCheckpoint.partial({ at: true, signature: true }).optional().describe('The checkpoint the chain does not extend, or whose signature fails'),
  checkpoints: z.number().int().optional().describe('How many checkpoints the chain was checked against'),
});
export type AuditVerification = z.infer<typeof auditVerification>;
