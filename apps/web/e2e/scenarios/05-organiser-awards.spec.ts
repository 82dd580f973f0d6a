// The organiser finishes the round of scenario 03: the ranking (sortable, filterable, CSV exports) while the
// divergent application still waits for its extra expert (flagged divergent, extra expert assigned, unranked after
// the ranked one); the awards screen refuses to confirm and names it (the API too: 409); the extra review comes in;
// then the award proposal with its budget bar and the stop/skip switch, a lowered amount, the confirmation, and
// publication. The ranking and awards pages fit 390 and 1280 px without scrolling sideways.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { see, test } from '../fixtures';
import { DIVERGENT_TITLE, EXTRA_SCORE, NEW_EXPERT_PASSWORD, apiAs, reviewByApi, roundCompetition } from '../staff';
import { widthOffences } from '../widths';

type Row = { number: string; title: string | null; finalScore: number | null; status: string; rank: number | null; waiting: boolean; divergent: boolean; extraExpert: string | null };
type Assignment = { id: string; applicationTitle: string | null; expertId: string; status: string; isExtra: boolean };

/** Screenshots of the page at 1280 and 390 px, each checked to fit (no sideways scroll, nothing cut). */
async function atBothWidths(page: Page, name: string, keepScreenshot: (name: string) => Promise<string>) {
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    const offences = await widthOffences(page);
    await keepScreenshot(`${name}-${width}`);
    if (offences.length) throw new Error(`${name} at ${width} px does not fit:\n${offences.join('\n')}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.use({ signedInAs: 'organiser' });

test('the organiser ranks the round, decides the awards and publishes the results', async ({ page, baseUrl, logins, step, checkPage, keepScreenshot }) => {
  const organiser = await apiAs(baseUrl, logins.organiser);
  const competition = await roundCompetition(organiser);
  let ranking = (await organiser<{ items: Row[] }>('GET', `/competitions/${competition.id}/ranking`)).items;
  const divergent = ranking.find((r) => r.title === DIVERGENT_TITLE)!;
  const ranked = ranking.filter((r) => !r.waiting);

  await step('the ranking while the extra review is pending: the divergent application is flagged, its extra expert assigned, unranked after the ranked one', async () => {
    if (!divergent || !divergent.waiting || divergent.rank !== null || !divergent.divergent || divergent.extraExpert !== 'assigned')
      throw new Error(`the divergent application is not waiting for its extra expert: ${JSON.stringify(divergent)}`);
    if (ranking[ranking.length - 1] !== divergent) throw new Error('the waiting application is not after the ranked ones');
    await page.goto(`/organiser/competitions/${competition.id}/ranking`);
    await page.getByRole('table', { name: 'Рейтинг' }).waitFor();
    await see(page, `Показано ${ranking.length}`);
    await see(page, 'Ждут оценки: 1 заявка. Они идут после оценённых, без места в рейтинге.');
    // Every reviewed application is ranked with its final score; the waiting one is marked, divergent, its extra expert assigned.
    for (const r of ranked) await page.getByRole('row', { name: new RegExp(`^${r.rank}\\s*${r.number}.*${String(r.finalScore?.toFixed(2)).replace('.', ',')}`) }).waitFor();
    const rows = page.getByRole('table', { name: 'Рейтинг' }).locator('tbody tr');
    const last = rows.last();
    await last.filter({ hasText: divergent.number }).waitFor();
    for (const text of ['ждёт оценки', 'существенное расхождение', 'назначен, ждём оценку', 'На экспертизе']) await last.getByText(text, { exact: true }).waitFor();
  });
  await checkPage('ranking');
  await atBothWidths(page, 'ranking-waiting', keepScreenshot);

  await step('"Только с расхождением" finds the divergent application (the server filters on the fact)', async () => {
    await page.getByLabel('Только с расхождением').check();
    await see(page, 'Показано 1');
    await page.getByRole('table', { name: 'Рейтинг' }).locator('tbody tr').filter({ hasText: divergent.number }).waitFor();
    await page.getByLabel('Только с расхождением').uncheck();
    await see(page, `Показано ${ranking.length}`);
  });

  await step('the awards screen cannot confirm yet: it names the waiting application', async () => {
    await page.getByRole('tab', { name: 'Решение о грантах' }).click();
    const waiting = page.getByTestId('awards-waiting');
    await waiting.getByText('Утвердить решение пока нельзя: экспертиза не завершена').waitFor();
    await waiting.getByRole('list', { name: 'Заявки, ожидающие оценки' }).getByText(`${divergent.number} — ${DIVERGENT_TITLE}`).waitFor();
    // The provisional proposal is over the reviewed one only: 400 000 requested.
    await page.getByTestId('allocated').filter({ hasText: /400\s000,00\s₽/ }).waitFor();
    if (!(await page.getByRole('button', { name: 'Утвердить решение' }).isDisabled())) throw new Error('the confirmation is open while a review is pending');
    // The server refuses it as well, naming the application.
    const refused = await organiser('POST', `/competitions/${competition.id}/awards`, { mode: 'stop' }).then(() => null, (e: Error) => e.message);
    if (!refused?.includes('409') || !refused.includes('reviews-pending') || !refused.includes(divergent.number)) throw new Error(`confirmation not refused: ${refused}`);
  });
  await checkPage('awards-waiting');
  await atBothWidths(page, 'awards-waiting', keepScreenshot);

  await step('the extra expert submits (API): the application is ranked, still divergent, extra review in', async () => {
    const { items } = await organiser<{ items: Assignment[] }>('GET', `/competitions/${competition.id}/assignments?limit=500`);
    const extra = items.find((a) => a.isExtra && a.status === 'assigned' && a.applicationTitle === DIVERGENT_TITLE)!;
    const { items: pool } = await organiser<{ items: { expertId: string; email: string }[] }>('GET', `/competitions/${competition.id}/experts?limit=500`);
    const email = pool.find((e) => e.expertId === extra.expertId)!.email;
    const expert = await apiAs(baseUrl, { email, password: email.endsWith('@konkurs.demo') ? logins.expert1.password : NEW_EXPERT_PASSWORD });
    await reviewByApi(expert, extra.id, competition.criteria, EXTRA_SCORE);
    ranking = (await organiser<{ items: Row[] }>('GET', `/competitions/${competition.id}/ranking`)).items;
    const now = ranking.find((r) => r.number === divergent.number)!;
    if (ranking.some((r) => r.waiting) || now.rank === null || !now.divergent || now.extraExpert !== 'reviewed') throw new Error(`after the extra review: ${JSON.stringify(now)}`);
    await page.getByRole('tab', { name: 'Рейтинг' }).click();
    await page.getByRole('row', { name: new RegExp(`^${now.rank}\\s*${now.number}.*оценка получена`) }).waitFor();
    if (await page.getByText('ждёт оценки', { exact: true }).count()) throw new Error('a waiting mark is left');
  });
  await keepScreenshot('ranking-reviewed');

  await step('sort by final score and filter by number', async () => {
    await page.getByRole('button', { name: /Итоговый балл/ }).click();
    await // Numbers sort highest first on the first click.
    await page.getByRole('columnheader', { name: /Итоговый балл/ }).and(page.locator('[aria-sort="descending"]')).waitFor();
    await page.getByRole('searchbox', { name: /Поиск/ }).fill(ranking[0].number);
    await see(page, 'Показано 1');
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
    // The screen shows what it had, asks the server again, and the waiting notice goes.
    await page.getByTestId('awards-waiting').waitFor({ state: 'detached' });
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
