import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { competitions } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { call } from '../fixtures.js';
import { makeFiguresWorld, type World } from '../figures-fixture.js';

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
    expect(row).toMatchObject({ applicationNumber: winner.number, inn: w.orgs['62'].inn, region: 'Рязанская область', amountRub: '100000.00', directionCode: 'youth' });
    const all = parse((await call(t, null, 'GET', '/api/v1/open-data/winners.csv')).body, { delimiter: ',' }) as string[][];
    expect(all).toHaveLength(1 + winnersOf('A2').length + winnersOf('F').length);
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
