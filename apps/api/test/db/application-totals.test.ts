// application_totals is kept by triggers; whatever happens to applications, it must equal a fresh aggregation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inArray, sql } from 'drizzle-orm';
import { APPLICATION_STATUSES, COUNTED_AS_ADMITTED, COUNTED_AS_SUBMITTED } from '@konkurs/shared';
import { applications } from '../../src/db/schema/index.js';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { makeApplication, makeCompetition, makeOperator, makeOrganization, makeUser, type CompetitionRow } from '../fixtures.js';

let t: TestApp;
let comps: CompetitionRow[];
let orgs: { id: string }[];
let owner: string;
beforeAll(async () => {
  t = await createTestApp();
  const op = await makeOperator(t);
  owner = (await makeUser(t, 'applicant')).id;
  comps = [await makeCompetition(t, op.id), await makeCompetition(t, op.id)];
  orgs = [await makeOrganization(t, owner, '40'), await makeOrganization(t, owner, '23')];
});
afterAll(async () => { await t?.close(); });

type Figures = { submitted: number; admitted: number; winners: number; requested: number; awarded: number };

/** The table's non-empty groups, and the same figures computed here from the rows themselves. */
async function compare() {
  const kept = (await t.db.execute(sql`select competition_id, region_code, direction_code, submitted, admitted, winners,
      requested_kopecks::bigint as requested, awarded_kopecks::bigint as awarded from application_totals`)) as unknown as { rows: Record<string, unknown>[] };
  const rows = await t.db.select().from(applications);
  const fresh = new Map<string, Figures>();
  for (const a of rows) {
    if (!COUNTED_AS_SUBMITTED.includes(a.status)) continue;
    const key = `${a.competitionId}|${a.regionCode}|${a.directionCode ?? ''}`;
    const f = fresh.get(key) ?? { submitted: 0, admitted: 0, winners: 0, requested: 0, awarded: 0 };
    f.submitted++;
    if (COUNTED_AS_ADMITTED.includes(a.status)) f.admitted++;
    if (a.status === 'winner') { f.winners++; f.awarded += a.awardedKopecks ?? 0; }
    f.requested += a.requestedKopecks;
    fresh.set(key, f);
  }
  const table = new Map<string, Figures>();
  for (const r of kept.rows) {
    const f = { submitted: Number(r.submitted), admitted: Number(r.admitted), winners: Number(r.winners), requested: Number(r.requested), awarded: Number(r.awarded) };
    // A group emptied by changes stays as zeros: the same as absent.
    if (Object.values(f).some((v) => v !== 0)) table.set(`${r.competition_id}|${r.region_code}|${r.direction_code}`, f);
  }
  expect(Object.fromEntries(table)).toEqual(Object.fromEntries(fresh));
}

const status = fc.constantFrom(...APPLICATION_STATUSES);
const direction = fc.constantFrom<string | null>('youth', 'culture', 'social_services', null);
const money = fc.integer({ min: 0, max: 5_000_000_00 });
const change = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), comp: fc.nat(1), org: fc.nat(1), status, direction, requested: money }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status }),
  fc.record({ kind: fc.constant('statusMany' as const), from: status, to: status }),
  fc.record({ kind: fc.constant('amounts' as const), pick: fc.nat(), requested: money, awarded: fc.option(money) }),
  fc.record({ kind: fc.constant('direction' as const), pick: fc.nat(), direction }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

describe('application_totals', () => {
  it('equals a fresh aggregation after any sequence of inserts, updates (one or many rows) and deletes', async () => {
    await fc.assert(fc.asyncProperty(fc.array(change, { minLength: 5, maxLength: 25 }), async (changes) => {
      for (const c of changes) {
        const ids = (await t.db.select({ id: applications.id }).from(applications)).map((r) => r.id);
        const pickId = (n: number) => ids[n % ids.length];
        if (c.kind === 'insert') {
          const row = await makeApplication(t, comps[c.comp], orgs[c.org].id, owner, { status: c.status });
          await t.db.execute(sql`update applications set direction_code = ${c.direction}, requested_kopecks = ${c.requested} where id = ${row.id}`);
        } else if (!ids.length) {
          continue;
        } else if (c.kind === 'status') {
          await t.db.execute(sql`update applications set status = ${c.status} where id = ${pickId(c.pick)}`);
        } else if (c.kind === 'statusMany') {
          await t.db.update(applications).set({ status: c.to }).where(inArray(applications.status, [c.from]));
        } else if (c.kind === 'amounts') {
          await t.db.execute(sql`update applications set requested_kopecks = ${c.requested}, awarded_kopecks = ${c.awarded} where id = ${pickId(c.pick)}`);
        } else if (c.kind === 'direction') {
          await t.db.execute(sql`update applications set direction_code = ${c.direction} where id = ${pickId(c.pick)}`);
        } else {
          await t.db.execute(sql`delete from applications where id = ${pickId(c.pick)}`);
        }
      }
      await compare();
    }), { numRuns: 15, seed: 20260301 });
  }, 120_000);

  it('leaves no trace of a rolled-back change', async () => {
    const [a] = await t.db.select().from(applications).limit(1);
    await t.db.transaction(async (tx) => {
      await tx.update(applications).set({ status: 'winner', awardedKopecks: 1_000_000 }).where(inArray(applications.id, [a.id]));
      tx.rollback();
    }).catch(() => {});
    await compare();
  });

  it('notices a tampered group, and rebuilds to the right figures', async () => {
    await t.db.execute(sql`update application_totals set submitted = submitted + 1 where ctid = (select ctid from application_totals limit 1)`);
    await expect(compare()).rejects.toThrow();
    await t.db.execute(sql`select application_totals_rebuild()`);
    await compare();
  });

  it.runIf(isRealPostgres)('stays right under concurrent transactions on the same groups', async () => {
    const rows = await Promise.all(Array.from({ length: 20 }, () => makeApplication(t, comps[0], orgs[0].id, owner, { status: 'draft' })));
    await Promise.all(rows.map((r, i) => t.db.transaction(async (tx) => {
      await tx.execute(sql`update applications set status = 'submitted', direction_code = 'youth' where id = ${r.id}`);
      if (i % 3 === 0) await tx.execute(sql`update applications set status = 'admitted' where id = ${r.id}`);
    })));
    await compare();
  });
});
