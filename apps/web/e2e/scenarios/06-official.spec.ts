// An official of the regional operator reads the totals (by region, by direction, for the round's
// competition), sees the totals row, and exports CSV with the token.
import { readFileSync } from 'node:fs';
import { see, test } from '../fixtures';
import { apiAs, roundCompetition } from '../staff';

type Totals = { rows: { key: string; label: string; submitted: number; winners: number }[]; total: { submitted: number; admitted: number; winners: number } };

test.use({ signedInAs: 'official' });

test('an official reads the totals and exports CSV', async ({ page, baseUrl, logins, step, checkPage }) => {
  const official = await apiAs(baseUrl, logins.official);
  const competition = await roundCompetition(await apiAs(baseUrl, logins.organiser));
  const byRegion = await official<Totals>('GET', '/stats/totals?groupBy=region');

  await step('totals by region with a chart and a totals row', async () => {
    await page.goto('/official');
    await page.getByRole('heading', { level: 1, name: 'Итоги и выгрузки' }).waitFor();
    await page.getByTestId('headline').filter({ hasText: new RegExp(`^${byRegion.total.submitted.toLocaleString('ru-RU')} заяв`) }).waitFor();
    await page.getByRole('figure', { name: 'Диаграмма: Заявки' }).waitFor();
    await page.getByRole('row', { name: new RegExp(`^Итого\\s*${byRegion.total.submitted}\\s*${byRegion.total.admitted}\\s*${byRegion.total.winners}`) }).waitFor();
    await page.getByRole('row', { name: /40 Калужская область/ }).waitFor();
  });
  await checkPage('totals-region');

  await step('by direction, for the round’s competition: 3 submitted, 2 admitted, 2 winners', async () => {
    await page.getByText('По направлениям').click();
    await page.getByRole('columnheader', { name: 'Направление' }).waitFor();
    await page.getByRole('textbox', { name: 'Конкурс' }).click();
    await page.getByRole('option', { name: new RegExp(competition.code) }).click();
    await page.getByRole('row', { name: /^Итого\s*3\s*2\s*2/ }).waitFor();
    await see(page, /Поддержка семьи/);
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
});
