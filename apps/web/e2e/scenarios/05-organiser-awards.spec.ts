// The organiser finishes the round of scenario 03: the ranking (sortable, filterable, CSV exports), the award
// proposal with its budget bar and the stop/skip switch, a lowered amount, the confirmation, then publication.
import { readFileSync } from 'node:fs';
import { see, test } from '../fixtures';
import { apiAs, roundCompetition } from '../staff';

test.use({ signedInAs: 'organiser' });

test('the organiser ranks the round, decides the awards and publishes the results', async ({ page, baseUrl, logins, step, checkPage }) => {
  const organiser = await apiAs(baseUrl, logins.organiser);
  const competition = await roundCompetition(organiser);
  const ranking = await organiser<{ number: string; finalScore: number | null; status: string }[]>('GET', `/competitions/${competition.id}/ranking`);

  await step('open the round’s ranking', async () => {
    await page.goto(`/organiser/competitions/${competition.id}/ranking`);
    await page.getByRole('table', { name: 'Рейтинг' }).waitFor();
    await see(page, `Показано ${ranking.length} из ${ranking.length}`);
    // Every admitted application is reviewed and ranked with its final score.
    for (const r of ranking) await page.getByRole('row', { name: new RegExp(`${r.number}.*${String(r.finalScore?.toFixed(2)).replace('.', ',')}`) }).waitFor();
  });
  await checkPage('ranking');

  await step('sort by final score and filter by number', async () => {
    await page.getByRole('button', { name: /Итоговый балл/ }).click();
    await // Numbers sort highest first on the first click.
    await page.getByRole('columnheader', { name: /Итоговый балл/ }).and(page.locator('[aria-sort="descending"]')).waitFor();
    await page.getByRole('searchbox', { name: /Поиск/ }).fill(ranking[0].number);
    await see(page, `Показано 1 из ${ranking.length}`);
    await page.getByRole('searchbox', { name: /Поиск/ }).fill('');
  });

  await step('CSV exports of applications and reviews download with the token', async () => {
    for (const label of ['Заявки (CSV)', 'Оценки экспертов (CSV)']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      if (!text.startsWith('\uFEFF') || !text.includes(';')) throw new Error(`${label}: not a Russian-Excel CSV`);
      if (!text.includes(ranking[0].number)) throw new Error(`${label}: ${ranking[0].number} missing`);
    }
  });

  await step('the award proposal: budget bar, allocated and remaining', async () => {
    await page.getByRole('tab', { name: 'Решение о грантах' }).click();
    await page.getByTestId('budget').filter({ hasText: /1\s000\s000,00\s₽/ }).waitFor();
    // 400 000 + 300 000 requested, both over the pass mark of 50.
    await page.getByTestId('allocated').filter({ hasText: /700\s000,00\s₽/ }).waitFor();
    await page.getByTestId('remaining').filter({ hasText: /300\s000,00\s₽/ }).waitFor();
    await page.getByTestId('winners-count').filter({ hasText: '2 гранта' }).waitFor();
  });
  await checkPage('awards-proposal');

  await step('switch to skip mode and lower one amount: the proposal follows', async () => {
    await page.getByText('Пропустить и идти дальше').click();
    const amount = page.getByRole('textbox', { name: /^Размер гранта по заявке/ }).first();
    await amount.fill('450000');
    await amount.press('Tab');
    await see(page, 'Размер гранта можно только уменьшить');
    // 300 000 and 400 000 are requested: 250 000 is lower than either.
    await amount.fill('250000');
    await amount.press('Tab');
    await page.getByTestId('allocated').filter({ hasText: /\d50\s000,00\s₽/ }).waitFor();
    if (await page.getByText('Размер гранта можно только уменьшить').count()) throw new Error('the lowered amount is still refused');
  });

  await step('confirm the decision in a dialog: the competition is decided', async () => {
    await page.getByRole('button', { name: 'Утвердить решение' }).click();
    const dialog = page.getByRole('dialog', { name: 'Утвердить решение о грантах?' });
    await dialog.getByText(/Будет записано 2 решения/).waitFor();
    await dialog.getByRole('button', { name: 'Подтвердить' }).click();
    await see(page, 'Решение о грантах принято');
    await page.getByText('Итоги подведены', { exact: true }).first().waitFor();
  });
  await checkPage('awards-decided');

  await step('publish the results; the winners registry is public', async () => {
    await page.getByRole('button', { name: 'Опубликовать итоги' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByText('Итоги опубликованы', { exact: true }).first().waitFor();
    const res = await fetch(`${baseUrl}/api/v1/public/competitions/${competition.id}/results`);
    const { items } = (await res.json()) as { items: { number: string }[] };
    if (items.length !== 2) throw new Error(`the registry lists ${items.length} winners, not 2`);
  });
  await checkPage('published');

  await step('the public results page lists the two winners', async () => {
    await page.goto(`/competitions/${competition.id}/results`);
    await page.getByRole('heading', { level: 1, name: new RegExp(competition.title) }).waitFor();
    await page.getByRole('row', { name: new RegExp(ranking[0].number) }).waitFor();
  });
  await checkPage('public-results');

  await step('the operator’s experts, the one created for the round among them', async () => {
    await page.goto('/organiser/experts');
    await page.getByRole('heading', { level: 1, name: 'Эксперты оператора' }).waitFor();
    await see(page, 'Эксперт Четвёртый');
  });
  await checkPage('operator-experts');
});
