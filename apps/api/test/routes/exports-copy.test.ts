// On a PostgreSQL server the applications export and the winners registry are written by the database (COPY):
// byte for byte what the JS formatting path (used on PGlite) writes for the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buffer } from 'node:stream/consumers';
import { inArray, sql } from 'drizzle-orm';
import { competitions } from '../../src/db/schema/index.js';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { call } from '../fixtures.js';
import { makeFiguresWorld, SPECS, type World } from '../figures-fixture.js';
import { applicationsCsv, winnersCsv } from '../../src/queries/exports.js';
import { csvDialect } from '../../src/lib/csv.js';

let t: TestApp;
let w: World;
const TITLES = [
  '=HYPERLINK("http://evil.example","жми")', '+79001234567', '-2+3', '@SUM(A1:A9)', '\tтаб', '\rвозврат',
  'Проект "Дом"; для всех,\nвторая строка', 'одна\nстрока', 'возврат\rкаретки', 'a,b', 'слэш \\ и \\N', '\\.', "апостроф ' ",
];
// Without a pool the export takes its JS path (keyset batches formatted by the cells), whatever the database.
const jsSource = () => ({ db: t.db, pool: undefined });

beforeAll(async () => {
  if (!isRealPostgres) return;
  t = await createTestApp();
  w = await makeFiguresWorld(t, [
    ...SPECS,
    ...TITLES.map(() => ({ comp: 'A1' as const, region: '40' as const, status: 'submitted' as const, direction: 'youth', requested: 1_500_000_01 })),
  ]);
  // Titles as stored, whatever the save path trims; scores with and without decimals; a negative sum.
  const ids = w.apps.filter((a) => a.status === 'submitted' && a.competitionId === w.comps.A1.id).map((a) => a.id);
  for (const [i, title] of TITLES.entries()) {
    await t.db.execute(sql`update applications set title = ${title}, final_score = ${i % 3 === 0 ? null : (i * 7.25) % 100},
      cofinancing_kopecks = ${i === 1 ? -5 : i * 101} where id = ${ids[i % ids.length]}`);
  }
  // Published winners, one with a hostile title, no direction and a score with decimals.
  await t.db.update(competitions).set({ status: 'published', publishedAt: t.clock.now() })
    .where(inArray(competitions.id, [w.comps.A1.id, w.comps.A2.id, w.comps.F.id]));
  const winner = w.apps.find((a) => a.status === 'winner' && a.competitionId === w.comps.A1.id)!;
  await t.db.execute(sql`update applications set title = ${TITLES[0] + '\nи "ещё"'}, direction_code = null, final_score = 87.5
    where id = ${winner.id}`);
});
afterAll(async () => { await t?.close(); });

describe.skipIf(!isRealPostgres)('CSV written by COPY', () => {
  for (const [delimiter, lang] of [['semicolon', 'ru'], ['comma', 'en']] as const) {
    it(`applications.csv is byte for byte the JS path's output (delimiter=${delimiter}, lang=${lang})`, async () => {
      const r = await call(t, w.users.admin.token, 'GET', `/api/v1/exports/applications.csv?delimiter=${delimiter}&lang=${lang}`);
      expect(r.status).toBe(200);
      const expected = (await buffer(await applicationsCsv(jsSource(), { scope: undefined }, lang, csvDialect(delimiter)))).toString();
      expect(expected.split('\r\n').length).toBeGreaterThan(TITLES.length);
      expect(r.body).toBe(expected);
    });
  }

  it('winners.csv of the open data is byte for byte the JS path\'s output', async () => {
    for (const competitionId of [undefined, w.comps.A1.id]) {
      const r = await call(t, null, 'GET', competitionId ? `/api/v1/open-data/competitions/${competitionId}/winners.csv` : '/api/v1/open-data/winners.csv');
      expect(r.status).toBe(200);
      const expected = (await buffer(await winnersCsv(jsSource(), t.clock.now(), competitionId))).toString();
      expect(expected).toContain('жми');
      expect(r.body).toBe(expected);
    }
  });
});
