// On a PostgreSQL server the applications export is written by the database (COPY): byte for byte what the
// JS formatting path (used on PGlite) writes for the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buffer } from 'node:stream/consumers';
import { sql } from 'drizzle-orm';
import { createTestApp, isRealPostgres, type TestApp } from '../helper.js';
import { call } from '../fixtures.js';
import { makeFiguresWorld, SPECS, type World } from '../figures-fixture.js';
import { applicationExportRows, exportCompetitions } from '../../src/queries/exports.js';
import { APPLICATION_COLUMNS, cells, header } from '../../src/domain/csv.js';
import { csvDialect, csvStream } from '../../src/lib/csv.js';

let t: TestApp;
let w: World;
const TITLES = [
  '=HYPERLINK("http://evil.example","жми")', '+79001234567', '-2+3', '@SUM(A1:A9)', '\tтаб', '\rвозврат',
  'Проект "Дом"; для всех,\nвторая строка', 'одна\nстрока', 'возврат\rкаретки', 'a,b', 'слэш \\ и \\N', '\\.', "апостроф ' ",
];

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
});
afterAll(async () => { await t?.close(); });

async function jsPath(delimiter: 'semicolon' | 'comma', lang: 'ru' | 'en') {
  const dialect = csvDialect(delimiter);
  const ctx = { lang, decimal: dialect.decimal, competitions: await exportCompetitions(t.db, undefined) };
  async function* rows() {
    for await (const row of applicationExportRows({ db: t.db, pool: undefined }, { scope: undefined })) yield cells(APPLICATION_COLUMNS, row, ctx);
  }
  return (await buffer(csvStream(header(APPLICATION_COLUMNS, lang), rows(), dialect))).toString();
}

describe.skipIf(!isRealPostgres)('applications.csv written by COPY', () => {
  for (const [delimiter, lang] of [['semicolon', 'ru'], ['comma', 'en']] as const) {
    it(`is byte for byte the JS path's output (delimiter=${delimiter}, lang=${lang})`, async () => {
      const r = await call(t, w.users.admin.token, 'GET', `/api/v1/exports/applications.csv?delimiter=${delimiter}&lang=${lang}`);
      expect(r.status).toBe(200);
      const expected = await jsPath(delimiter, lang);
      expect(expected.split('\r\n').length).toBeGreaterThan(TITLES.length);
      expect(r.body).toBe(expected);
    });
  }
});
