// What the two large-export tests (CSV and XLSX) share: 20,000 submitted applications of ~2 KB each put straight
// into the database, and a sampler of the process's live memory while the export streams over HTTP.
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'drizzle-orm';
import type { TestApp } from './helper.js';

/**
 * Inserts `n` submitted applications whose titles are ~2 KB each: a buffered export of them would show in the heap.
 * Or winners (awarded what they asked for), or shorter titles, for a registry many clients download at once.
 */
export async function insertLargeRound(t: TestApp, comp: { id: string; code: string }, organizationId: string, userId: string, n: number,
  { status = 'submitted', titleLength = 1000 }: { status?: 'submitted' | 'winner'; titleLength?: number } = {}) {
  const title = 'Ж'.repeat(titleLength);
  await t.db.execute(sql`insert into applications (competition_id, organization_id, number, status, content, title, direction_code, region_code,
      requested_kopecks, awarded_kopecks, submitted_at, created_by)
    select ${comp.id}, ${organizationId}, ${comp.code} || '-' || lpad(i::text, 6, '0'), ${status}, '{}'::jsonb, ${title} || i, 'youth', '23',
      i * 100, case when ${status} = 'winner' then i * 100 end, now(), ${userId}
    from generate_series(1, ${n}) i`);
}

/**
 * Samples live memory (after a full collection), JS heap and buffers: what an export holds, not garbage awaiting
 * GC. Twice: V8 settles the accounting of dead buffers' memory when the next collection starts, so after one the
 * figure still counts those freed since the last sample (tens of MB when the database writes the CSV).
 * `stop()` ends the sampling and gives the growth of the peak over the start.
 */
export function sampleLiveMemory(everyMs: number): { stop: () => number } {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const live = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.external; };
  const before = live();
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, live()); }, everyMs);
  return { stop: () => { clearInterval(sampler); return peak - before; } };
}
