// Signed checkpoints of the audit chain: one for the admin on request, one published as open data (at start-up and
// daily, server.ts), and the check that the chain as it is now extends the checkpoint a client kept and every one
// the server kept. Deleting the newest events, rewriting one and re-hashing the rest, or truncating the log each
// leaves a checkpoint the chain no longer extends, and nobody without the key can sign a new one.
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { AuditCheckpoint, AuditVerification, AuditVerifyQuery } from '@konkurs/shared';
import type { Db } from '../db/client.js';
import { checkpointSigned, extendsCheckpoint, signCheckpoint, type ChainHead, type Checkpoint } from '../domain/audit.js';
import { chainHead, insertCheckpoint, keptCheckpoints, latestPublishedCheckpoint } from '../queries/audit-checkpoints.js';
import { walkAuditChain } from './audit-log.js';

/** Signs the chain as it is now and keeps the checkpoint (signed, so keeping it in the database is safe). */
export async function issueCheckpoint(db: Db, key: KeyObject, now: Date, published: boolean): Promise<AuditCheckpoint> {
  const checkpoint = signCheckpoint(key, await chainHead(db), now);
  await insertCheckpoint(db, checkpoint, published);
  return checkpoint;
}

/** The latest published checkpoint; the first request before any was published publishes one. */
export async function publishedCheckpoint(db: Db, key: KeyObject, now: Date): Promise<AuditCheckpoint> {
  return (await latestPublishedCheckpoint(db)) ?? issueCheckpoint(db, key, now, true);
}

/** Publishes a checkpoint when the latest published one is at least `everyMs` old (or there is none). */
export async function publishDueCheckpoint(db: Db, key: KeyObject, now: Date, everyMs: number): Promise<AuditCheckpoint | undefined> {
  const last = await latestPublishedCheckpoint(db);
  if (last && now.getTime() - Date.parse(last.at) < everyMs) return undefined;
  return issueCheckpoint(db, key, now, true);
}

/**
 * Walks the chain once: every event's hash and link, then the checkpoint asked about (`events` and `headHash`), then
 * every checkpoint the server kept, whose signature must be the key's. Answers the first thing that fails.
 */
export async function verifyAudit(db: Db, key: KeyObject, query: AuditVerifyQuery): Promise<AuditVerification> {
  const asked: ChainHead[] = query.events !== undefined && query.headHash !== undefined ? [{ events: query.events, headHash: query.headHash }] : [];
  const kept = await keptCheckpoints(db);
  const against: (ChainHead | Checkpoint)[] = [...asked, ...kept];
  const chain = await walkAuditChain(db, new Set(against.map((c) => c.events)));
  const base = { events: chain.events, checkpoints: against.length };
  if (chain.brokenAt !== undefined) return { ok: false, reason: 'broken', brokenAt: chain.brokenAt, ...base };
  const publicKey = createPublicKey(key);
  for (const c of against) {
    if ('signature' in c && !checkpointSigned(publicKey, c)) return { ok: false, reason: 'signature-invalid', checkpoint: c, ...base };
    const failure = extendsCheckpoint(chain.events, (position) => chain.heads.get(position)?.hash, c);
    if (failure) {
      const at = chain.heads.get(c.events);
      return { ok: false, reason: failure, checkpoint: c, ...(failure === 'hash-differs' && at ? { brokenAt: at.id } : {}), ...base };
    }
  }
  return { ok: true, ...base };
}
