// The admin after a whole round: the audit log (filtered, paged), the hash chain verified, users and operators.
// And the audit log read by a person (issue 9, item 10): sentences with names, numbers and titles, changes in
// roubles and dates, filters and one object's history, at a phone's and a laptop's width (the demo's data: this
// test needs no round, `-g sentences` runs it alone).
import { choose, expect, fillDate, see, test } from '../fixtures';
import { apiAs, roundCompetition } from '../staff';

test.use({ signedInAs: 'admin' });

test('the admin reads the audit log, verifies the chain, lists users and operators', async ({ page, baseUrl, logins, step, checkPage }) => {
  const competition = await roundCompetition(await apiAs(baseUrl, logins.organiser));

  await step('users with a role filter', async () => {
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Пользователи' }).waitFor();
    await page.getByRole('textbox', { name: 'Роль' }).click();
    await page.getByRole('option', { name: 'Эксперт', exact: true }).click();
    await see(page, 'expert1@konkurs.demo');
    await see(page, 'Эксперт Четвёртый');
    if (await page.getByText('organiser@konkurs.demo').count()) throw new Error('the role filter let an organiser through');
  });
  await checkPage('users');

  await step('operators', async () => {
    await page.goto('/admin/operators');
    await page.getByRole('heading', { level: 1, name: 'Операторы конкурсов' }).waitFor();
    await see(page, 'Министерство внутренней политики Калужской области');
  });
  await checkPage('operators');

  await step('the audit log of the round’s competition', async () => {
    await page.goto('/admin/audit');
    await page.getByRole('heading', { level: 1, name: 'Журнал аудита' }).waitFor();
    await choose(page, 'Тип объекта', 'Конкурс');
    await choose(page, 'Действие', 'создал(а) конкурс …');
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    const created = page.getByTestId('audit-event').filter({ hasText: `конкурс ${competition.code} «${competition.title}»` });
    await created.getByRole('button', { name: 'История объекта' }).click();
    await page.getByTestId('audit-object').filter({ hasText: competition.code }).waitFor();
    await see(page, `добавила экспертов в пул конкурса ${competition.code}`);
    await see(page, `открыла приём заявок конкурса ${competition.code}`);
  });

  await step('verify the chain: intact after a whole competition', async () => {
    await page.getByRole('button', { name: 'Проверить цепочку' }).click();
    await page.getByTestId('verify-result').filter({ hasText: /Цепочка цела: проверено записей — \d+/ }).waitFor();
  });
  await checkPage('audit-verified');
});

type Competition = { id: string; code: string; title: string; budgetKopecks: number };

test('the audit log reads as sentences, filtered, at a phone’s and a laptop’s width', async ({ page, baseUrl, logins, step, checkPage, keepScreenshot }) => {
  const organiser = await apiAs(baseUrl, logins.organiser);
  const { items } = await organiser<{ items: Competition[] }>('GET', '/competitions?limit=500');
  const lastYear = items.find((c) => c.code === 'KLG-2026') ?? items[0];
  const sentence = `Ольга Организаторова создала конкурс ${lastYear.code} «${lastYear.title}»`;
  const created = page.getByTestId('audit-event').filter({ hasText: sentence });

  await step('the actor’s name, the action in words, the object’s code and title; no codes, ids or kopecks', async () => {
    await page.goto('/admin/audit');
    await page.getByRole('heading', { level: 1, name: 'Журнал аудита' }).waitFor();
    await see(page, /^(Ольга Организаторова|Система|Администратор платформы|Анна Заявителева|Эксперт \S+) /);
    await choose(page, 'Тип объекта', 'Конкурс');
    await choose(page, 'Действие', 'создал(а) конкурс …');
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    await created.first().waitFor();
    await created.first().getByRole('button', { name: 'Подробнее' }).click();
    const text = await created.first().innerText();
    expect(text).toMatch(/Бюджет конкурса: \d{1,3}(\s\d{3})*,\d{2}\s₽/); // no-break spaces
    expect(text).toMatch(/Окончание приёма заявок: \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} мск/);
    expect(text).toContain('Организатор конкурса');
    const shown = await page.locator('main').innerText();
    expect(shown).not.toMatch(/competition\.created|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|Kopecks/);
  });
  await keepScreenshot('audit-sentences');

  await step('one object’s history, then a date range with nothing in it', async () => {
    await created.first().getByRole('button', { name: 'История объекта' }).click();
    await page.getByTestId('audit-object').filter({ hasText: `Конкурс ${lastYear.code}` }).waitFor();
    await see(page, `опубликовала результаты конкурса ${lastYear.code}`);
    await fillDate(page, 'По дату', '01.01.2001');
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    await see(page, 'Записей нет');
    await page.getByRole('button', { name: 'Сбросить' }).click();
    await page.getByTestId('audit-event').first().waitFor();
  });

  for (const [width, height] of [[390, 844], [1280, 900]]) {
    await step(`fits ${width} px: no sideways scroll, a long event wraps`, async () => {
      await page.setViewportSize({ width, height });
      await page.getByTestId('audit-event').first().waitFor();
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, `the audit page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      const events = await page.getByTestId('audit-event').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().right > window.innerWidth).length);
      expect(events, 'events cut by the screen’s edge').toBe(0);
      await keepScreenshot(`audit-${width}`);
    });
  }
  await checkPage('audit-sentences');
});
