import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { APPLICATION_STATUS_LABELS, formatDateTime } from '@konkurs/shared';
import { applications, assignments, reviews } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helper.js';
import { insertLargeRound, sampleLiveMemory } from '../large-export.js';
import { call, makeApplication, makeCompetition, makeUser } from '../fixtures.js';
import { expectedTotals, makeFiguresWorld, SPECS, type World } from '../figures-fixture.js';

let t: TestApp;
let w: World;
const BOM = '\ufeff';
// Cells a spreadsheet would run as formulas, and text that needs RFC 4180 quoting.
// (Tab and CR at the start are trimmed from a title on save; lib/csv's unit test covers them.)
const HOSTILE = ['=HYPERLINK("http://evil.example","жми")', '+79001234567', '-2+3', '@SUM(A1:A9)'];
const QUOTED = 'Проект "Дом"; для всех,\nвторая строка';

beforeAll(async () => {
  t = await createTestApp();
  w = await makeFiguresWorld(t, [
    ...SPECS,
    ...HOSTILE.map((title) => ({ comp: 'A1' as const, region: '40' as const, status: 'submitted' as const, direction: 'youth', requested: 1_500_000_00, title })),
    { comp: 'A1', region: '62', status: 'admitted', direction: 'culture', requested: 2_000_000, title: QUOTED },
  ]);
});
afterAll(async () => { await t?.close(); });

function csv(body: string, delimiter = ';') {
  expect(body.startsWith(BOM)).toBe(true);
  return parse(body, { bom: true, delimiter, relax_column_count: false }) as string[][];
}
const exportable = (apps: World['apps']) => apps.filter((a) => a.status !== 'draft' && a.submittedAt !== null);

describe('GET /exports/applications.csv', () => {
  it('answers a UTF-8 CSV with BOM, `;`, CRLF and Russian headers, as a download', async () => {
    const r = await call(t, w.users.admin.token, 'GET', '/api/v1/exports/applications.csv');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="applications-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(r.body).toContain('\r\n');
    const [header, ...rows] = csv(r.body);
    expect(header.slice(0, 6)).toEqual(['Номер заявки', 'Код конкурса', 'Конкурс', 'Статус', 'Организация', 'ИНН']);
    expect(rows.map((row) => row[0]).sort()).toEqual(exportable(w.apps).map((a) => a.number).sort());
  });

  it('never exports drafts, nor an application withdrawn before it was submitted; one withdrawn after is there', async () => {
    const r = await call(t, w.users.admin.token, 'GET', '/api/v1/exports/applications.csv');
    const numbers = new Set(csv(r.body).slice(1).map((row) => row[0]));
    for (const a of w.apps) {
      expect(numbers.has(a.number), `${a.status}${a.neverSubmitted ? ' (never submitted)' : ''}`).toBe(a.status !== 'draft' && !a.neverSubmitted);
    }
    expect(w.apps.some((a) => a.status === 'withdrawn' && !a.neverSubmitted && numbers.has(a.number))).toBe(true);
  });

  it('writes money in roubles with two decimals and no grouping, scores with a decimal comma, dates in the competition zone', async () => {
    const winner = w.apps.find((a) => a.comp === 'A2' && a.status === 'winner')!;
    const r = await call(t, w.users.admin.token, 'GET', `/api/v1/exports/applications.csv?competitionId=${w.comps.A2.id}`);
    const [header, ...rows] = csv(r.body);
    const row = Object.fromEntries(header.map((h, i) => [h, rows.find((x) => x[0] === winner.number)![i]]));
    expect(row['Запрошено, руб.']).toBe('1500000,00');
    expect(row['Размер гранта, руб.']).toBe('1500000,00');
    expect(row['Статус']).toBe('Победитель');
    expect(row['Регион']).toBe('Калужская область');
    expect(row['Направление']).toBe('Поддержка проектов в области культуры и искусства');
    // A2 runs on Vladivostok time.
    expect(row['Дата подачи']).toBe(formatDateTime(winner.submittedAt!, 'Asia/Vladivostok'));
    expect(row['Дата подачи']).not.toBe(formatDateTime(winner.submittedAt!, 'Europe/Moscow'));
    await t.db.update(applications).set({ finalScore: 76.25 }).where(eq(applications.id, winner.id));
    const again = csv((await call(t, w.users.admin.token, 'GET', `/api/v1/exports/applications.csv?competitionId=${w.comps.A2.id}`)).body);
    expect(again.find((x) => x[0] === winner.number)![header.indexOf('Итоговый балл')]).toBe('76,25');
  });

  it('gives `,` and decimal points with delimiter=comma, English headers and statuses with lang=en', async () => {
    const r = await call(t, w.users.admin.token, 'GET', `/api/v1/exports/applications.csv?competitionId=${w.comps.A2.id}&delimiter=comma&lang=en`);
    const [header, ...rows] = csv(r.body, ',');
    expect(header).toEqual(['Application number', 'Competition code', 'Competition', 'Status', 'Organisation', 'INN', 'OGRN', 'KPP', 'Region code', 'Region',
      'Project title', 'Direction', 'Total cost, RUB', 'Co-financing, RUB', 'Requested, RUB', 'Awarded, RUB', 'Final score', 'Submitted at']);
    const winner = rows.find((x) => x[3] === APPLICATION_STATUS_LABELS.en.winner)!;
    expect(winner[14]).toBe('1500000.00');
    expect(winner[16]).toBe('76.25');
    expect(winner[11]).toBe('Culture and art');
  });

  it('quotes new lines, quotes and delimiters (RFC 4180) and neutralises formula cells', async () => {
    const r = await call(t, w.users.admin.token, 'GET', `/api/v1/exports/applications.csv?competitionId=${w.comps.A1.id}`);
    const rows = csv(r.body);
    const titles = rows.map((row) => row[10]);
    expect(titles).toContain(QUOTED);
    expect(r.body).toContain('"Проект ""Дом""; для всех,\nвторая строка"');
    for (const h of HOSTILE) expect(titles).toContain(`'${h}`);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('filters by status and competition', async () => {
    const r = await call(t, w.users.admin.token, 'GET', `/api/v1/exports/applications.csv?competitionId=${w.comps.A1.id}&status=rejected`);
    const rows = csv(r.body).slice(1);
    expect(rows.map((x) => x[0])).toEqual(w.apps.filter((a) => a.comp === 'A1' && a.status === 'rejected').map((a) => a.number));
    const drafts = await call(t, w.users.admin.token, 'GET', '/api/v1/exports/applications.csv?status=draft');
    expect(csv(drafts.body)).toHaveLength(1);
  });

  it('keeps to the scope: an official their operator, a federal official everything; foreign competition 404', async () => {
    const mine = csv((await call(t, w.users.officialA.token, 'GET', '/api/v1/exports/applications.csv')).body).slice(1).map((x) => x[0]).sort();
    expect(mine).toEqual(exportable(w.apps).filter((a) => a.operatorId === w.operators.A.id).map((a) => a.number).sort());
    const organiserB = csv((await call(t, w.users.organiserB.token, 'GET', '/api/v1/exports/applications.csv')).body).slice(1).map((x) => x[0]).sort();
    expect(organiserB).toEqual(exportable(w.apps).filter((a) => a.operatorId === w.operators.B.id).map((a) => a.number).sort());
    const all = csv((await call(t, w.users.federalOfficial.token, 'GET', '/api/v1/exports/applications.csv')).body).slice(1);
    expect(all).toHaveLength(exportable(w.apps).length);
    expect((await call(t, w.users.officialA.token, 'GET', `/api/v1/exports/applications.csv?competitionId=${w.comps.B.id}`)).status).toBe(404);
    expect((await call(t, w.users.admin.token, 'GET', `/api/v1/exports/applications.csv?competitionId=${randomUUID()}`)).status).toBe(404);
  });

  it('refuses bad parameters (400 naming them) and other roles', async () => {
    const bad = await call(t, w.users.admin.token, 'GET', '/api/v1/exports/applications.csv?delimiter=tab&lang=de&status=lost&competitionId=x');
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['competitionId', 'delimiter', 'lang', 'status']);
    expect((await call(t, null, 'GET', '/api/v1/exports/applications.csv')).status).toBe(401);
    expect((await call(t, w.users.expert.token, 'GET', '/api/v1/exports/applications.csv')).status).toBe(403);
    expect((await call(t, w.users.applicant.token, 'GET', '/api/v1/exports/applications.csv')).status).toBe(403);
  });
});

describe('GET /exports/totals.csv', () => {
  it('has the groups and a totals row, figures as in /stats/totals', async () => {
    const r = await call(t, w.users.officialA.token, 'GET', '/api/v1/exports/totals.csv?groupBy=region');
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/filename="totals-by-region-/);
    const [header, ...rows] = csv(r.body);
    expect(header).toEqual(['Код региона', 'Регион', 'Подано заявок', 'Допущено', 'Победителей', 'Запрошено, руб.', 'Выделено, руб.',
      'Израсходовано (грант), руб.', 'Отчётов принято', 'Отчётов просрочено']);
    const want = expectedTotals(w.apps.filter((a) => a.operatorId === w.operators.A.id), (a) => a.region);
    const money = (k: number) => `${Math.floor(k / 100)},${String(k % 100).padStart(2, '0')}`;
    for (const [key, f] of Object.entries(want.rows)) {
      expect(rows.find((x) => x[0] === key)!.slice(2)).toEqual([String(f.submitted), String(f.admitted), String(f.winners), money(f.requestedKopecks), money(f.awardedKopecks),
        money(f.spentKopecks), String(f.reportsAccepted), String(f.reportsOverdue)]);
    }
    expect(rows.at(-1)).toEqual(['', 'Итого', String(want.total.submitted), String(want.total.admitted), String(want.total.winners),
      money(want.total.requestedKopecks), money(want.total.awardedKopecks), money(want.total.spentKopecks), String(want.total.reportsAccepted), String(want.total.reportsOverdue)]);
    // The report figures are there to be read: A's winners spent and owe.
    expect(want.total.spentKopecks).toBeGreaterThan(0);
    expect(want.total.reportsOverdue).toBeGreaterThan(0);
  });

  it('speaks English with comma delimiters, and keeps the scope rules', async () => {
    const r = await call(t, w.users.admin.token, 'GET', '/api/v1/exports/totals.csv?groupBy=direction&delimiter=comma&lang=en');
    const [header, ...rows] = csv(r.body, ',');
    expect(header).toEqual(['Direction code', 'Direction', 'Submitted', 'Admitted', 'Winners', 'Requested, RUB', 'Awarded, RUB',
      'Spent (grant), RUB', 'Reports accepted', 'Reports overdue']);
    expect(rows.find((x) => x[0] === 'youth')![1]).toBe('Youth projects');
    expect(rows.at(-1)![1]).toBe('Total');
    expect(rows.at(-1)![5]).toMatch(/^\d+\.\d{2}$/);
    expect((await call(t, w.users.officialA.token, 'GET', `/api/v1/exports/totals.csv?operatorId=${w.operators.B.id}`)).status).toBe(404);
    expect((await call(t, w.users.expert.token, 'GET', '/api/v1/exports/totals.csv')).status).toBe(403);
    expect((await call(t, null, 'GET', '/api/v1/exports/totals.csv')).status).toBe(401);
  });
});

describe('GET /exports/reviews.csv', () => {
  let comp: Awaited<ReturnType<typeof makeCompetition>>;
  let expertA: Awaited<ReturnType<typeof makeUser>>;
  let expertB: Awaited<ReturnType<typeof makeUser>>;
  const numbers: string[] = [];

  beforeAll(async () => {
    expertA = await makeUser(t, 'expert');
    expertB = await makeUser(t, 'expert');
    comp = await makeCompetition(t, w.operators.A.id, {
      status: 'review', timezone: 'Asia/Yekaterinburg',
      criteria: [{ code: 'K1', title: 'Актуальность', weight: 2, maxScore: 10 }, { code: 'K2', title: 'Реализуемость', weight: 1, maxScore: 10 },
        { code: 'K3', title: 'Бюджет', weight: 1, maxScore: 10 }],
    });
    // The worked example of PRODUCT.md: expert A 8,6,7 → 72.50; expert B 9,9,5 → 80.00. B also reviews a second one.
    const sheets = [
      { expert: expertA, scores: [8, 6, 7], total: 72.5, app: 0, comment: '=cmd|calc' },
      { expert: expertB, scores: [9, 9, 5], total: 80, app: 0, comment: 'Хорошо; но "дорого"' },
      { expert: expertB, scores: [5, 5, 5], total: 50, app: 1, comment: '' },
    ];
    const apps = [];
    for (let i = 0; i < 2; i++) {
      const a = await makeApplication(t, comp, w.orgs['40'].id, w.users.applicant.id, { status: 'under_review' });
      apps.push(a);
      numbers.push(a.number);
    }
    for (const s of sheets) {
      const [asg] = await t.db.insert(assignments).values({ competitionId: comp.id, applicationId: apps[s.app].id, expertId: s.expert.id, status: 'submitted' }).returning();
      await t.db.insert(reviews).values({
        assignmentId: asg.id, applicationId: apps[s.app].id, expertId: s.expert.id, status: 'submitted', comment: s.comment, total: s.total,
        scores: s.scores.map((score, k) => ({ criterionCode: `K${k + 1}`, score, comment: '' })), submittedAt: new Date('2026-03-01T10:00:00Z'),
      });
    }
    // A draft review is not final: not exported.
    const [draftAsg] = await t.db.insert(assignments).values({ competitionId: comp.id, applicationId: apps[1].id, expertId: expertA.id }).returning();
    await t.db.insert(reviews).values({ assignmentId: draftAsg.id, applicationId: apps[1].id, expertId: expertA.id, status: 'draft', scores: [] });
  });

  it('has one row per submitted review: criterion scores, total, an anonymous code stable within the export and the name', async () => {
    const r = await call(t, w.users.organiserA.token, 'GET', `/api/v1/exports/reviews.csv?competitionId=${comp.id}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toContain(`reviews-${comp.code}-`);
    const [header, ...rows] = csv(r.body);
    expect(header).toEqual(['Номер заявки', 'Название проекта', 'Эксперт', 'ФИО эксперта', 'Дополнительный эксперт',
      'K1 Актуальность', 'K2 Реализуемость', 'K3 Бюджет', 'Оценка эксперта (из 100)', 'Комментарий', 'Дата отправки']);
    expect(rows).toHaveLength(3);
    const byName = (u: { email: string }) => rows.filter((x) => x[3] === `expert ${u.email}`);
    const a = byName(expertA);
    const b = byName(expertB);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
    expect(a[0].slice(5, 9)).toEqual(['8', '6', '7', '72,50']);
    expect(b.find((x) => x[0] === numbers[0])!.slice(5, 9)).toEqual(['9', '9', '5', '80,00']);
    // One expert, one code, however many rows; two experts, two codes.
    expect(new Set(b.map((x) => x[2])).size).toBe(1);
    expect(new Set([a[0][2], b[0][2]])).toEqual(new Set(['Эксперт 1', 'Эксперт 2']));
    expect(a[0][9]).toBe("'=cmd|calc");
    expect(a[0][10]).toBe('01.03.2026 15:00'); // Yekaterinburg, UTC+5
  });

  it('in English with comma delimiters', async () => {
    const r = await call(t, w.users.organiserA.token, 'GET', `/api/v1/exports/reviews.csv?competitionId=${comp.id}&delimiter=comma&lang=en`);
    const [header, ...rows] = csv(r.body, ',');
    expect(header[2]).toBe('Expert');
    expect(rows.map((x) => x[8]).sort()).toEqual(['50.00', '72.50', '80.00']);
    expect(rows.every((x) => /^Expert \d$/.test(x[2]))).toBe(true);
  });

  it('is for the organiser running the competition: others 404 or 403; competitionId required', async () => {
    expect((await call(t, w.users.organiserB.token, 'GET', `/api/v1/exports/reviews.csv?competitionId=${comp.id}`)).status).toBe(404);
    expect((await call(t, w.users.organiserA.token, 'GET', `/api/v1/exports/reviews.csv?competitionId=${randomUUID()}`)).status).toBe(404);
    for (const u of [w.users.officialA, w.users.federalOfficial, w.users.admin, w.users.expert, w.users.applicant]) {
      expect((await call(t, u.token, 'GET', `/api/v1/exports/reviews.csv?competitionId=${comp.id}`)).status, u.role).toBe(403);
    }
    expect((await call(t, null, 'GET', `/api/v1/exports/reviews.csv?competitionId=${comp.id}`)).status).toBe(401);
    const missing = await call(t, w.users.organiserA.token, 'GET', '/api/v1/exports/reviews.csv');
    expect(missing.status).toBe(400);
    expect(missing.json.errors[0].path).toBe('competitionId');
  });
});

describe('a large export', () => {
  it('streams 20,000 rows over HTTP in flat memory, every row arriving', async () => {
    const comp = await makeCompetition(t, w.operators.A.id, { status: 'review' });
    const N = 20_000;
    await insertLargeRound(t, comp, w.orgs['23'].id, w.users.applicant.id, N);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as { port: number };
    const memory = sampleLiveMemory(150);
    let lines = 0;
    let bytes = 0;
    let firstChunkAt = 0;
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: `/api/v1/exports/applications.csv?competitionId=${comp.id}`, headers: { authorization: `Bearer ${w.users.admin.token}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.on('data', (chunk: Buffer) => {
          firstChunkAt ||= Date.now();
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        res.on('end', resolve);
        res.on('error', reject);
      }).on('error', reject);
    });
    const growth = memory.stop();
    expect(lines).toBe(N + 1);
    expect(bytes).toBeGreaterThan(N * 2000);
    // The whole CSV is over 40 MB; holding it (or the rows) would grow the live memory by more than that.
    expect(growth).toBeLessThan(24 * 1024 * 1024);
    // The response started before the export was done.
    expect(firstChunkAt - started).toBeLessThan(Date.now() - started);
  }, 120_000);
});
