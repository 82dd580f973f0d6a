// An official of the regional operator reads the totals (by region, by direction, for the round's
// competition), sees the totals row and the map of regions, and exports CSV and XLSX with the token; a federal
// official's dashboard says it covers every operator.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { see, test } from '../fixtures';
import { apiAs, roundCompetition } from '../staff';

// exceljs is the API's writer (not a web dependency): the XLSX downloads are read back with it.
// (Its types are the API's too: the little read here is declared.)
type Cell = { value: unknown; numFmt?: string; type: number };
type Sheet = { views: { state?: string }[]; autoFilter?: unknown; rowCount: number; getRow(n: number): { values: unknown; getCell(i: number): Cell } };
type ExcelJSReader = { Workbook: new () => { xlsx: { load(data: Buffer): Promise<unknown> }; worksheets: Sheet[] }; ValueType: { String: number } };
const ExcelJS = createRequire(new URL('../../../api/package.json', import.meta.url))('exceljs') as ExcelJSReader;

/** The page fits its width: nothing scrolls sideways (a wide table scrolls inside its own region). */
async function fitsWidth(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  if (scroll > width) throw new Error(`the page is ${scroll} px wide at ${width} px`);
}

type Totals = { rows: { key: string; label: string; submitted: number; winners: number }[]; total: { submitted: number; admitted: number; winners: number } };

test.use({ signedInAs: 'official' });

test('an official reads the totals and exports CSV', async ({ page, baseUrl, logins, step, checkPage }) => {
  const official = await apiAs(baseUrl, logins.official);
  const competition = await roundCompetition(await apiAs(baseUrl, logins.organiser));
  const byRegion = await official<Totals>('GET', '/stats/totals?groupBy=region');

  await step('totals by region with a chart and a totals row; the subtitle names the operator, the sum is labelled', async () => {
    await page.goto('/official');
    await page.getByRole('heading', { level: 1, name: 'Итоги и выгрузки' }).waitFor();
    await see(page, /Сводные показатели конкурсов оператора «/);
    if (await page.getByText('вашего оператора').count()) throw new Error('the subtitle still says "вашего оператора"');
    await page.getByTestId('headline').filter({ hasText: new RegExp(`^${byRegion.total.submitted.toLocaleString('ru-RU')} заяв.*, сумма грантов \\d`) }).waitFor();
    await page.getByRole('figure', { name: 'Диаграмма: Заявки' }).waitFor();
    await page.getByRole('row', { name: new RegExp(`^Итого\\s*${byRegion.total.submitted}\\s*${byRegion.total.admitted}\\s*${byRegion.total.winners}`) }).waitFor();
    await page.getByRole('row', { name: /40 Калужская область/ }).waitFor();
  });
  await checkPage('totals-region');

  await step('the map of regions: coloured by the figure, name and value on hover, a legend, the attribution', async () => {
    const map = page.getByRole('group', { name: 'Карта регионов России: Подано заявок' });
    await map.waitFor();
    const kaluga = byRegion.rows.find((r) => r.key === '40')!;
    // The shapes stay while the figure changes (the map's name says the figure).
    const shape = page.getByTestId('regions-map').locator('path[data-region="40"]');
    await shape.hover();
    await page.getByTestId('map-active').filter({ hasText: `Калужская область: ${kaluga.submitted}` }).waitFor();
    await page.getByRole('link', { name: 'Карта: amCharts' }).waitFor();
    await page.getByRole('list', { name: 'Легенда: Подано заявок' }).waitFor();
    const empty = await map.locator('path[data-region="87"]').getAttribute('fill');
    if (byRegion.rows.every((r) => r.key !== '87') && (await shape.getAttribute('fill')) === empty) throw new Error('Kaluga is coloured as a region without applications');
    await page.getByRole('textbox', { name: 'Показатель на карте' }).click();
    await page.getByRole('option', { name: 'Победителей' }).click();
    await page.getByRole('group', { name: 'Карта регионов России: Победителей' }).waitFor();
    await shape.focus();
    await page.getByTestId('map-active').filter({ hasText: new RegExp(`^Калужская область: (${kaluga.winners}|нет заявок)$`) }).waitFor();
    await page.getByText('Таблица значений по регионам').click();
    await page.getByRole('table', { name: 'Значения по регионам' }).getByRole('row', { name: /93 Донецкая Народная Республика \(нет на карте\)/ }).waitFor();
    await fitsWidth(page);
  });
  await checkPage('map-1280');

  await step('at 390 px the map and the charts fit the screen, one under the other', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('group', { name: /Карта регионов России/ }).waitFor();
    await fitsWidth(page);
  });
  await checkPage('map-390');
  await page.setViewportSize({ width: 1280, height: 900 });

  await step('by direction, for the round’s competition: 3 submitted, 2 admitted, 2 winners', async () => {
    await page.getByText('По направлениям').click();
    await page.getByRole('columnheader', { name: 'Направление' }).waitFor();
    await page.getByRole('textbox', { name: 'Конкурс' }).click();
    await page.getByRole('option', { name: new RegExp(competition.code) }).click();
    await page.getByRole('row', { name: /^Итого\s*3\s*2\s*2/ }).waitFor();
    // In the table (the chart's axis keeps the full name in an SVG <title> too, which is never visible).
    await page.getByRole('cell', { name: /Поддержка семьи/ }).first().waitFor();
  });
  await checkPage('totals-direction');

  await step('CSV exports: totals and applications (UTF-8 with BOM, semicolons)', async () => {
    for (const label of ['Итоги (CSV)', 'Заявки (CSV)']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      if (!text.startsWith('\uFEFF') || !text.includes(';')) throw new Error(`${label}: not a Russian-Excel CSV`);
      await see(page, /Файл .+\.csv скачан/);
    }
  });

  await step('XLSX exports beside them: typed cells, frozen header, autofilter, region codes as text', async () => {
    const sheets: Record<string, Sheet> = {};
    for (const label of ['Итоги (XLSX)', 'Заявки (XLSX)']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      if (!download.suggestedFilename().endsWith('.xlsx')) throw new Error(`${label}: ${download.suggestedFilename()}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync((await download.path())!));
      const ws = wb.worksheets[0];
      if (ws.views[0]?.state !== 'frozen' || !ws.autoFilter) throw new Error(`${label}: no frozen header or autofilter`);
      sheets[label] = ws;
      await see(page, /Файл .+\.xlsx скачан/);
    }
    // Grouped by direction for the round's competition: 3 submitted as a number, the sum in roubles.
    const totals = sheets['Итоги (XLSX)'];
    const last = totals.getRow(totals.rowCount);
    if (last.getCell(2).value !== 'Итого' || last.getCell(3).value !== 3) throw new Error(`totals row: ${JSON.stringify(last.values)}`);
    if (!String(last.getCell(6).numFmt).includes('₽')) throw new Error('money without the rouble format');
    const apps = sheets['Заявки (XLSX)'];
    const header = (apps.getRow(1).values as unknown[]).slice(1);
    const region = apps.getRow(2).getCell(header.indexOf('Код региона') + 1);
    if (region.type !== ExcelJS.ValueType.String || !/^\d{2}$/.test(String(region.value))) throw new Error(`region code cell: ${region.type} ${region.value}`);
  });
});

test.describe('a federal official', () => {
  test.use({ signedInAs: 'federalOfficial' });
  test('sees that the figures cover every operator', async ({ page, step, checkPage }) => {
    await step('the subtitle says every operator, and the operator filter is there', async () => {
      await page.goto('/official');
      await see(page, 'Сводные показатели конкурсов всех операторов');
      await page.getByRole('textbox', { name: 'Оператор' }).waitFor();
      await page.getByRole('group', { name: 'Карта регионов России: Подано заявок' }).waitFor();
    });
    await checkPage('federal');
  });
});
