// Bulk statements with a handful of parameters however many rows they touch: an id list goes as one
// uuid[] parameter, many rows as one jsonb parameter. Thousands of rows then cost one round trip and no
// per-parameter parsing (automatic assignment and award decisions move a whole round at once).
import { sql, type SQL } from 'drizzle-orm';

/** One uuid[] parameter. The ids come from the database or a validated body, so they are plain UUIDs. */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** One jsonb parameter holding rows, for `jsonb_to_recordset`. */
export function jsonRows(rows: readonly object[]): SQL {
  return sql`${JSON.stringify(rows)}::jsonb`;
}

/** The rows of `db.execute` on either driver (node-postgres and PGlite both answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
