// The XLSX beside each report CSV, read back with exceljs: typed cells, formats, frozen header, autofilter, text
// identifiers (ИНН and region 01 keep their zeros), the CSV's rows and access rules. And the totals CSV's first
// columns (a competition's code, an operator's name), and how the CSV keeps identifiers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { formatDateTime } from '@konkurs/shared';
import { applications, assignments, reviews } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { insertLargeRound, sampleLiveMemory } from '../large-export.js';
import { call, makeApplication, makeCompetition, makeOrganization, makeUser } from '../fixtures.js';
import { expectedTotals, makeFiguresWorld, SPECS, type World } from '../figures-fixture.js';

let t: TestApp;
let w: World;
let adygea: Awaited<ReturnType<typeof makeOrganization>>;
let adygeaApp: Awaited<ReturnType<typeof makeApplication>>;
const HOSTILE = '=HYPERLINK("http://evil.example","жми")';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp();
  w = await makeFiguresWorld(t, [...SPECS, { comp: 'A1', region: '40', status: 'submitted', direction: 'youth', requested: 1_500_000_00, title: HOSTILE }]);
  // Region 01 (Adygea): its code and its organisation's ИНН start with a zero that a spreadsheet must keep.
  adygea = await makeOrganization(t, w.users.applicant.id, '01');
  adygeaApp = await makeApplication(t, w.comps.A2, adygea.id, w.users.applicant.id, { status: 'winner' });
  await t.db.update(applications).set({ awardedKopecks: 1_234_567_89, requestedKopecks: 1_234_567_89, finalScore: 81.5 }).where(eq(applications.id, adygeaApp.id));
});
afterAll(async () => { await t?.close(); });

async function download(token: string | null, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, json: () => JSON.parse(res.body) };
}
async function sheetOf(raw: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0];
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
const csvRows = (body: string, delimiter = ';') => parse(body, { bom: true, delimiter }) as string[][];
/** The data row whose first cell is `first`. */
function rowWhere(ws: ExcelJS.Worksheet, first: string): ExcelJS.Row {
  for (let i = 2; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === first) return ws.getRow(i);
  throw new Error(`no row ${first}`);
}

describe('GET /exports/applications.xlsx', () => {
  it('is a workbook of the CSV’s rows and headers: frozen header row, autofilter, widths', async () => {
    const r = await download(w.users.admin.token, '/api/v1/exports/applications.xlsx');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="applications-\d{4}-\d{2}-\d{2}\.xlsx"/);
    expect(r.headers['cache-control']).toBe('no-store');
    const ws = await sheetOf(r.raw);
    expect(ws.name).toBe('Заявки');
    const [header, ...rows] = csvRows((await call(t, w.users.admin.token, 'GET', '/api/v1/exports/applications.csv')).body);
    expect(rowValues(ws, 1)).toEqual(header);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.rowCount).toBe(rows.length + 1);
    const numbers = [];
    for (let i = 2; i <= ws.rowCount; i++) numbers.push(ws.getRow(i).getCell(1).value);
    expect(numbers).toEqual(rows.map((x) => x[0]));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:${ws.getColumn(header.length).letter}1`);
    expect(ws.getColumn(header.indexOf('Название проекта') + 1).width).toBeGreaterThanOrEqual(40);
    expect(ws.getColumn(header.indexOf('Запрошено, руб.') + 1).width).toBeGreaterThanOrEqual(16);
  });

  it('types its cells: ИНН and region 01 as text with their zeros, money in roubles with a rouble format, scores, dates', async () => {
    const ws = await sheetOf((await download(w.users.admin.token, `/api/v1/exports/applications.xlsx?competitionId=${w.comps.A2.id}`)).raw);
    const header = rowValues(ws, 1) as string[];
    const cell = (row: ExcelJS.Row, name: string) => row.getCell(header.indexOf(name) + 1);
    const row = rowWhere(ws, adygeaApp.number);
    expect(adygea.inn).toMatch(/^01\d{8}$/);
    expect(cell(row, 'ИНН').type).toBe(ExcelJS.ValueType.String);
    expect(cell(row, 'ИНН').value).toBe(adygea.inn);
    expect(cell(row, 'ИНН').numFmt).toBe('@');
    expect(cell(row, 'Код региона').value).toBe('01');
    expect(cell(row, 'Код региона').type).toBe(ExcelJS.ValueType.String);
    expect(adygea.kpp).toMatch(/^01\d{7}$/);
    for (const [name, value] of [['ОГРН', adygea.ogrn], ['КПП', adygea.kpp]] as const) {
      expect(cell(row, name).type).toBe(ExcelJS.ValueType.String);
      expect(cell(row, name).value).toBe(value);
    }
    expect(cell(row, 'Регион').value).toBe('Республика Адыгея');
    for (const money of ['Запрошено, руб.', 'Размер гранта, руб.']) {
      expect(cell(row, money).type).toBe(ExcelJS.ValueType.Number);
      expect(cell(row, money).value).toBe(1_234_567.89);
      expect(cell(row, money).numFmt).toBe('#,##0.00 [$₽-419]');
    }
    expect(cell(row, 'Итоговый балл').value).toBe(81.5);
    expect(cell(row, 'Итоговый балл').numFmt).toBe('0.00');
    expect(cell(row, 'Статус').value).toBe('Победитель');
    // A2 runs on Vladivostok time: the date is the wall time there, as the CSV shows it.
    const submitted = cell(row, 'Дата подачи');
    expect(submitted.type).toBe(ExcelJS.ValueType.Date);
    expect(submitted.numFmt).toBe('dd.mm.yyyy hh:mm');
    const d = submitted.value as Date;
    const shown = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    expect(shown).toBe(formatDateTime(adygeaApp.submittedAt!, 'Asia/Vladivostok'));
    // Not a winner: no grant, an empty cell.
    const other = rowWhere(ws, w.apps.find((a) => a.comp === 'A2' && a.status === 'submitted')!.number);
    expect(cell(other, 'Размер гранта, руб.').value).toBeNull();
  });

  it('writes text as text: a formula-like title is a string cell, shown as typed (no apostrophe), never a formula', async () => {
    const ws = await sheetOf((await download(w.users.admin.token, `/api/v1/exports/applications.xlsx?competitionId=${w.comps.A1.id}`)).raw);
    const header = rowValues(ws, 1) as string[];
    const titles: ExcelJS.Cell[] = [];
    for (let i = 2; i <= ws.rowCount; i++) titles.push(ws.getRow(i).getCell(header.indexOf('Название проекта') + 1));
    const hostile = titles.find((c) => c.value === HOSTILE)!;
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(titles.every((c) => c.type !== ExcelJS.ValueType.Formula)).toBe(true);
  });

  it('speaks English with lang=en and filters by status; a delimiter is no parameter of a workbook', async () => {
    const ws = await sheetOf((await download(w.users.admin.token, `/api/v1/exports/applications.xlsx?competitionId=${w.comps.A1.id}&status=rejected&lang=en&delimiter=comma`)).raw);
    expect(ws.name).toBe('Applications');
    expect(rowValues(ws, 1).slice(0, 4)).toEqual(['Application number', 'Competition code', 'Competition', 'Status']);
    expect(ws.rowCount - 1).toBe(w.apps.filter((a) => a.comp === 'A1' && a.status === 'rejected').length);
    expect(ws.getRow(2).getCell(4).value).toBe('Rejected');
  });

  it('keeps the CSV’s access: scope, 404 outside it, 400 naming bad fields, 401 and 403', async () => {
    const mine = await sheetOf((await download(w.users.officialA.token, '/api/v1/exports/applications.xlsx')).raw);
    const csvMine = csvRows((await call(t, w.users.officialA.token, 'GET', '/api/v1/exports/applications.csv')).body);
    expect(mine.rowCount).toBe(csvMine.length);
    expect((await download(w.users.officialA.token, `/api/v1/exports/applications.xlsx?competitionId=${w.comps.B.id}`)).status).toBe(404);
    expect((await download(w.users.admin.token, `/api/v1/exports/applications.xlsx?competitionId=${randomUUID()}`)).status).toBe(404);
    const bad = await download(w.users.admin.token, '/api/v1/exports/applications.xlsx?lang=de&status=lost&competitionId=x');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['competitionId', 'lang', 'status']);
    expect((await download(null, '/api/v1/exports/applications.xlsx')).status).toBe(401);
    expect((await download(w.users.expert.token, '/api/v1/exports/applications.xlsx')).status).toBe(403);
    expect((await download(w.users.applicant.token, '/api/v1/exports/applications.xlsx')).status).toBe(403);
  });
});

describe('identifiers in the CSV', () => {
  it('keeps region 01, a ИНН and a КПП with a leading zero, and the ОГРН, as their digits, unprefixed, the region’s name beside', async () => {
    const [header, ...rows] = csvRows((await call(t, w.users.admin.token, 'GET', `/api/v1/exports/applications.csv?competitionId=${w.comps.A2.id}`)).body);
    const row = rows.find((x) => x[0] === adygeaApp.number)!;
    expect(row[header.indexOf('Код региона')]).toBe('01');
    expect(row[header.indexOf('Регион')]).toBe('Республика Адыгея');
    expect(row[header.indexOf('ИНН')]).toBe(adygea.inn);
    expect(row[header.indexOf('КПП')]).toBe(adygea.kpp);
    expect(row[header.indexOf('ОГРН')]).toBe(adygea.ogrn);
    const totals = csvRows((await call(t, w.users.admin.token, 'GET', '/api/v1/exports/totals.csv?groupBy=region')).body);
    expect(totals.find((x) => x[0] === '01')).toEqual(['01', 'Республика Адыгея', '1', '1', '1', '1234567,89', '1234567,89', '0,00', '0', '0']);
  });
});

describe('GET /exports/totals.csv first columns', () => {
  it('by competition starts with the competition’s code and title; its id comes last', async () => {
    const [header, ...rows] = csvRows((await call(t, w.users.officialA.token, 'GET', '/api/v1/exports/totals.csv?groupBy=competition')).body);
    expect(header).toEqual(['Код конкурса', 'Конкурс', 'Подано заявок', 'Допущено', 'Победителей', 'Запрошено, руб.', 'Выделено, руб.',
      'Израсходовано (грант), руб.', 'Отчётов принято', 'Отчётов просрочено', 'Идентификатор конкурса']);
    const a1 = rows.find((x) => x[0] === w.comps.A1.code)!;
    expect(a1[1]).toBe('Калуга: малые гранты');
    expect(a1.at(-1)).toBe(w.comps.A1.id);
    expect(rows.map((x) => x[0]).sort()).toEqual(['', w.comps.A1.code, w.comps.A2.code].sort());
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['', 'Итого']);
    expect(rows.at(-1)!.at(-1)).toBe('');
  });

  it('by operator starts with the operator’s name; its id comes last; in English too', async () => {
    const [header, ...rows] = csvRows((await call(t, w.users.admin.token, 'GET', '/api/v1/exports/totals.csv?groupBy=operator&lang=en&delimiter=comma')).body, ',');
    expect(header[0]).toBe('Operator');
    expect(header.at(-1)).toBe('Operator id');
    const a = rows.find((x) => x.at(-1) === w.operators.A.id)!;
    expect(a[0]).toBe(w.operators.A.name);
    expect(rows.at(-1)![0]).toBe('Total');
  });
});

describe('GET /exports/totals.xlsx', () => {
  it('has the groups and the totals row as numbers and roubles, the competition’s code first', async () => {
    const r = await download(w.users.officialA.token, '/api/v1/exports/totals.xlsx?groupBy=competition');
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/filename="totals-by-competition-/);
    const ws = await sheetOf(r.raw);
    expect(ws.name).toBe('Итоги');
    expect(rowValues(ws, 1)).toEqual(['Код конкурса', 'Конкурс', 'Подано заявок', 'Допущено', 'Победителей', 'Запрошено, руб.', 'Выделено, руб.',
      'Израсходовано (грант), руб.', 'Отчётов принято', 'Отчётов просрочено', 'Идентификатор конкурса']);
    const want = expectedTotals(w.apps.filter((a) => a.comp === 'A1'), (a) => a.comp).rows.A1;
    const a1 = rowWhere(ws, w.comps.A1.code);
    expect(rowValues(ws, a1.number).slice(2, 10)).toEqual([want.submitted, want.admitted, want.winners, want.requestedKopecks / 100, want.awardedKopecks / 100,
      want.spentKopecks / 100, want.reportsAccepted, want.reportsOverdue]);
    expect(want.spentKopecks).toBe(3_000_000);
    expect(a1.getCell(3).numFmt).toBe('#,##0');
    expect(a1.getCell(6).numFmt).toBe('#,##0.00 [$₽-419]');
    expect(a1.getCell(8).numFmt).toBe('#,##0.00 [$₽-419]');
    expect(a1.getCell(9).numFmt).toBe('#,##0');
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(2).value).toBe('Итого');
    expect(last.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:K1');
  });

  it('keeps region 01 a text cell, speaks English, and keeps the scope and parameter rules', async () => {
    const ws = await sheetOf((await download(w.users.admin.token, '/api/v1/exports/totals.xlsx?groupBy=region&lang=en')).raw);
    expect(ws.name).toBe('Totals');
    expect(rowValues(ws, 1).slice(0, 2)).toEqual(['Region code', 'Region']);
    const row = rowWhere(ws, '01');
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(ws.rowCount).getCell(2).value).toBe('Total');
    expect((await download(w.users.officialA.token, `/api/v1/exports/totals.xlsx?operatorId=${w.operators.B.id}`)).status).toBe(404);
    const bad = await download(w.users.admin.token, '/api/v1/exports/totals.xlsx?groupBy=planet&operatorId=1');
    expect(bad.status).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['groupBy', 'operatorId']);
    expect((await download(w.users.expert.token, '/api/v1/exports/totals.xlsx')).status).toBe(403);
    expect((await download(null, '/api/v1/exports/totals.xlsx')).status).toBe(401);
  });
});

describe('GET /exports/reviews.xlsx', () => {
  let comp: Awaited<ReturnType<typeof makeCompetition>>;
  let number: string;
  beforeAll(async () => {
    const expert = await makeUser(t, 'expert');
    comp = await makeCompetition(t, w.operators.A.id, {
      status: 'review', timezone: 'Asia/Yekaterinburg',
      criteria: [{ code: 'K1', title: 'Актуальность', weight: 2, maxScore: 10 }, { code: 'K2', title: 'Реализуемость', weight: 1, maxScore: 10 }],
    });
    const app = await makeApplication(t, comp, w.orgs['40'].id, w.users.applicant.id, { status: 'under_review' });
    number = app.number;
    const [asg] = await t.db.insert(assignments).values({ competitionId: comp.id, applicationId: app.id, expertId: expert.id, status: 'submitted' }).returning();
    await t.db.insert(reviews).values({
      assignmentId: asg.id, applicationId: app.id, expertId: expert.id, status: 'submitted', comment: '-всё хорошо', total: 72.5,
      scores: [{ criterionCode: 'K1', score: 8, comment: '' }, { criterionCode: 'K2', score: 6, comment: '' }], submittedAt: new Date('2026-03-01T10:00:00Z'),
    });
  });

  it('has the CSV’s columns, scores as numbers, the date in the competition’s zone', async () => {
    const r = await download(w.users.organiserA.token, `/api/v1/exports/reviews.xlsx?competitionId=${comp.id}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toContain(`reviews-${comp.code}-`);
    const ws = await sheetOf(r.raw);
    const [header] = csvRows((await call(t, w.users.organiserA.token, 'GET', `/api/v1/exports/reviews.csv?competitionId=${comp.id}`)).body);
    expect(rowValues(ws, 1)).toEqual(header);
    const row = rowWhere(ws, number);
    expect(row.getCell(3).value).toBe('Эксперт 1');
    expect([row.getCell(6).value, row.getCell(7).value, row.getCell(8).value]).toEqual([8, 6, 72.5]);
    expect(row.getCell(9).value).toBe('-всё хорошо');
    expect(row.getCell(10).value).toEqual(new Date(Date.UTC(2026, 2, 1, 15, 0))); // Yekaterinburg, UTC+5
  });

  it('is for the organiser running the competition only; competitionId required', async () => {
    expect((await download(w.users.organiserB.token, `/api/v1/exports/reviews.xlsx?competitionId=${comp.id}`)).status).toBe(404);
    for (const u of [w.users.officialA, w.users.federalOfficial, w.users.admin, w.users.expert]) {
      expect((await download(u.token, `/api/v1/exports/reviews.xlsx?competitionId=${comp.id}`)).status, u.role).toBe(403);
    }
    const missing = await download(w.users.organiserA.token, '/api/v1/exports/reviews.xlsx');
    expect(missing.status).toBe(400);
    expect(missing.json().errors[0].path).toBe('competitionId');
  });
});

describe('a large XLSX export', () => {
  it('streams 20,000 rows over HTTP in flat memory, a workbook with every row', async () => {
    const comp = await makeCompetition(t, w.operators.A.id, { status: 'review' });
    const N = 20_000;
    await insertLargeRound(t, comp, w.orgs['23'].id, w.users.applicant.id, N);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as { port: number };
    const memory = sampleLiveMemory(300);
    const chunks: Buffer[] = [];
    let firstChunkAt = 0;
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: `/api/v1/exports/applications.xlsx?competitionId=${comp.id}`, headers: { authorization: `Bearer ${w.users.admin.token}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.on('data', (chunk: Buffer) => { firstChunkAt ||= Date.now(); chunks.push(chunk); });
        res.on('end', resolve);
        res.on('error', reject);
      }).on('error', reject);
    });
    const growth = memory.stop();
    // The deflated workbook is kept here (a few MB) to be read back; the 40 MB of sheet XML never sat in memory.
    const zipped = chunks.reduce((n, c) => n + c.length, 0);
    expect(growth - zipped).toBeLessThan(24 * 1024 * 1024);
    expect(firstChunkAt - started).toBeLessThan(Date.now() - started);
    let rows = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {});
    for await (const sheet of reader) for await (const _row of sheet) rows++;
    expect(rows).toBe(N + 1);
  }, 180_000);
});
