import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { competitions } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call } from '../fixtures.js';
import { WINNER_REPORT_STATUS_LABELS } from '@konkurs/shared';
import { makeFiguresWorld, reportStatusOf, type World } from '../figures-fixture.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeFiguresWorld(t);
});
afterAll(async () => { await t?.close(); });

const publish = (id: string) => t.db.update(competitions).set({ status: 'published', publishedAt: t.clock.now() }).where(eq(competitions.id, id));
const winnersOf = (comp: keyof World['comps']) => w.apps.filter((a) => a.comp === comp && a.status === 'winner');

describe('open data', () => {
  it('shows nothing of a competition before its results are published (404 for its datasets)', async () => {
    // A2 is decided, with a winner, but not published.
    const index = await call(t, null, 'GET', '/api/v1/open-data');
    expect(index.status).toBe(200);
    expect(index.json.datasets.map((d: { id: string }) => d.id)).toEqual(['winners']);
    const all = await call(t, null, 'GET', '/api/v1/open-data/winners.json');
    expect(all.json.items).toEqual([]);
    const csv = await call(t, null, 'GET', '/api/v1/open-data/winners.csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(1);
    for (const ext of ['json', 'csv']) {
      const r = await call(t, null, 'GET', `/api/v1/open-data/competitions/${w.comps.A2.id}/winners.${ext}`);
      expect(r.status).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json).toMatchObject({ code: 'published-competition-not-found', detail: 'Конкурс с опубликованными итогами не найден' });
    }
  });

  it('publishes the winners of a published competition at stable URLs, with no sign-in', async () => {
    await publish(w.comps.A2.id);
    await publish(w.comps.F.id);
    const index = await call(t, null, 'GET', '/api/v1/open-data');
    const byId = Object.fromEntries(index.json.datasets.map((d: { id: string }) => [d.id, d]));
    expect(Object.keys(byId).sort()).toEqual(['winners', `winners-${w.comps.A2.code}`, `winners-${w.comps.F.code}`].sort());
    expect(byId[`winners-${w.comps.A2.code}`]).toMatchObject({
      competitionId: w.comps.A2.id, json: `/api/v1/open-data/competitions/${w.comps.A2.id}/winners.json`,
      csv: `/api/v1/open-data/competitions/${w.comps.A2.id}/winners.csv`,
    });
    expect(index.json.schema).toBe('/api/v1/open-data/schema.json');

    const one = await call(t, null, 'GET', byId[`winners-${w.comps.A2.code}`].json);
    expect(one.status).toBe(200);
    const [winner] = winnersOf('A2');
    expect(one.json.items).toEqual([{
      applicationNumber: winner.number, competitionCode: w.comps.A2.code, competition: 'Калуга: культура', organization: w.orgs['40'].fullName,
      inn: w.orgs['40'].inn, regionCode: '40', region: 'Калужская область', project: 'Школа волонтёров', directionCode: 'culture',
      direction: 'Поддержка проектов в области культуры и искусства', amountKopecks: 150_000_000, finalScore: null,
      // A returned report past its deadline.
      reportStatus: 'overdue',
    }]);
    // The registry of all published competitions: winners only, never the not supported, the unpublished or the rejected.
    const all = await call(t, null, 'GET', '/api/v1/open-data/winners.json');
    expect(all.json.items.map((i: { applicationNumber: string }) => i.applicationNumber).sort())
      .toEqual([...winnersOf('A2'), ...winnersOf('F')].map((a) => a.number).sort());
  });

  it('gives the same registry as CSV: `,`, decimal point, no BOM, the columns of schema.json', async () => {
    const r = await call(t, null, 'GET', `/api/v1/open-data/competitions/${w.comps.F.id}/winners.csv`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toContain(`winners-${w.comps.F.code}.csv`);
    expect(r.headers['cache-control']).toContain('public');
    expect(r.body.startsWith('\ufeff')).toBe(false);
    const [header, ...rows] = parse(r.body, { delimiter: ',' }) as string[][];
    const schema = await call(t, null, 'GET', '/api/v1/open-data/schema.json');
    expect(schema.status).toBe(200);
    expect(header).toEqual(schema.json.fields.map((f: { name: string }) => f.name));
    expect(schema.json.primaryKey).toEqual(['applicationNumber']);
    const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    const [winner] = winnersOf('F');
    expect(row).toMatchObject({ applicationNumber: winner.number, inn: w.orgs['62'].inn, region: 'Рязанская область', amountRub: '100000.00', directionCode: 'youth',
      reportStatus: 'accepted', reportStatusLabel: 'Все отчёты приняты' });
    expect(schema.json.fields.find((f: { name: string }) => f.name === 'reportStatus')).toMatchObject({
      type: 'string', constraints: { required: true, enum: ['in_progress', 'submitted', 'overdue', 'accepted'] } });
    const all = parse((await call(t, null, 'GET', '/api/v1/open-data/winners.csv')).body, { delimiter: ',' }) as string[][];
    expect(all).toHaveLength(1 + winnersOf('A2').length + winnersOf('F').length);
  });

  it('says how each winner’s reporting stands: every report accepted, one overdue, one awaiting review, or in progress', async () => {
    await publish(w.comps.A1.id);
    await publish(w.comps.B.id);
    const items = (await call(t, null, 'GET', '/api/v1/open-data/winners.json')).json.items as { applicationNumber: string; reportStatus: string }[];
    const status = Object.fromEntries(items.map((i) => [i.applicationNumber, i.reportStatus]));
    const want = Object.fromEntries(w.apps.filter((a) => a.status === 'winner').map((a) => [a.number, reportStatusOf(a.reports)]));
    expect(status).toEqual(want);
    expect(new Set(Object.values(status))).toEqual(new Set(['in_progress', 'submitted', 'overdue', 'accepted']));
    // The CSV says the same, with its words; the public registry of a competition too.
    const [header, ...rows] = parse((await call(t, null, 'GET', '/api/v1/open-data/winners.csv')).body, { delimiter: ',' }) as string[][];
    const csvStatus = Object.fromEntries(rows.map((r) => [r[header.indexOf('applicationNumber')], [r[header.indexOf('reportStatus')], r[header.indexOf('reportStatusLabel')]]]));
    expect(csvStatus).toEqual(Object.fromEntries(Object.entries(want).map(([n, s]) => [n, [s, WINNER_REPORT_STATUS_LABELS.ru[s]]])));
    // Overdue by the request's clock: B's next report, once its deadline passes.
    const ofB = `/api/v1/open-data/competitions/${w.comps.B.id}/winners.json`;
    expect((await call(t, null, 'GET', ofB)).json.items.map((i: { reportStatus: string }) => i.reportStatus)).toEqual(['submitted']);
    const start = t.clock.now();
    t.clock.advance(70 * 86_400_000);
    try {
      expect((await call(t, null, 'GET', ofB)).json.items.map((i: { reportStatus: string }) => i.reportStatus)).toEqual(['overdue']);
    } finally { t.clock.set(start); }
  });

  it('stays public after archiving; unknown or malformed ids are 404 and 400', async () => {
    await t.db.update(competitions).set({ status: 'archived' }).where(eq(competitions.id, w.comps.F.id));
    expect((await call(t, null, 'GET', `/api/v1/open-data/competitions/${w.comps.F.id}/winners.json`)).status).toBe(200);
    expect((await call(t, null, 'GET', `/api/v1/open-data/competitions/${randomUUID()}/winners.json`)).status).toBe(404);
    const bad = await call(t, null, 'GET', '/api/v1/open-data/competitions/nope/winners.csv');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].path).toBe('id');
  });

  it('answers signed-in users of any role the same', async () => {
    for (const u of [w.users.applicant, w.users.expert, w.users.officialB]) {
      expect((await call(t, u.token, 'GET', '/api/v1/open-data/winners.json')).status).toBe(200);
    }
  });
});
