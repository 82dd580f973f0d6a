// A function that relies on its caller's lock takes a Tx: the pool (a Db) is not one, and `pnpm typecheck` says so.
import { describe, expect, it } from 'vitest';
import type { Db, Executor, Tx } from '../../src/db/client.js';
import { recordAudit } from '../../src/services/audit-log.js';

// Never called: compiled only, so that the type error below is checked by `pnpm typecheck`.
function typeChecks(db: Db, tx: Tx) {
  const reads = (e: Executor) => e;
  reads(db);
  reads(tx);
  const input = { actorId: null, action: 'x', entityType: 'user' as const, entityId: 'x', at: new Date() };
  void recordAudit(tx, input);
  // @ts-expect-error the pool is not a transaction: writing the audit needs the caller's transaction (and its lock)
  void recordAudit(db, input);
}

describe('Tx', () => {
  it('is a separate type from the pool (checked at compile time)', () => {
    expect(typeof typeChecks).toBe('function');
  });
});
