// The audit chain's head and its signed checkpoints in the database (services/audit-checkpoints.ts signs and checks).
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { auditCheckpoints, auditEvents } from '../db/schema/index.js';
import { GENESIS, type ChainHead, type Checkpoint } from '../domain/audit.js';

/**
 * The number of events and the last one's hash, in one statement (one snapshot). Appends hold the chain's lock until
 * they commit, so a snapshot always sees a prefix of the chain: the count-th event is the last one it sees.
 */
export async function chainHead(db: Executor): Promise<ChainHead> {
  const [row] = await db.select({
    events: sql<number>`count(*)`.mapWith(Number),
    headHash: sql<string | null>`(select ${auditEvents.hash} from ${auditEvents} order by ${auditEvents.id} desc limit 1)`,
  }).from(auditEvents);
  return { events: row.events, headHash: row.headHash ?? GENESIS };
}

export async function insertCheckpoint(db: Executor, c: Checkpoint, published: boolean): Promise<void> {
  await db.insert(auditCheckpoints).values({ events: c.events, headHash: c.headHash, at: new Date(c.at), signature: c.signature, published });
}

const columns = { events: auditCheckpoints.events, headHash: auditCheckpoints.headHash, at: auditCheckpoints.at, signature: auditCheckpoints.signature };
const asCheckpoint = (r: { events: number; headHash: string; at: Date; signature: string }): Checkpoint => ({ ...r, at: r.at.toISOString() });

export async function latestPublishedCheckpoint(db: Executor): Promise<Checkpoint | undefined> {
  const [row] = await db.select(columns).from(auditCheckpoints).where(eq(auditCheckpoints.published, true)).orderBy(desc(auditCheckpoints.id)).limit(1);
  return row && asCheckpoint(row);
}

/** Every checkpoint the server issued, oldest first. */
export async function keptCheckpoints(db: Executor): Promise<Checkpoint[]> {
  return (await db.select(columns).from(auditCheckpoints).orderBy(asc(auditCheckpoints.id))).map(asCheckpoint);
}
