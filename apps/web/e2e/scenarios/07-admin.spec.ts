// The admin after a whole round: the audit log (filtered, paged), the hash chain verified, users and operators.
import { see, test } from '../fixtures';
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
    await page.getByRole('textbox', { name: 'Идентификатор объекта' }).fill(competition.id);
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    await page.getByRole('button', { name: 'Подробнее' }).first().click();
    await see(page, 'После');
    await see(page, 'competition.created');
    await see(page, 'competition.experts_added');
  });

  await step('verify the chain: intact after a whole competition', async () => {
    await page.getByRole('button', { name: 'Проверить цепочку' }).click();
    await page.getByTestId('verify-result').filter({ hasText: /Цепочка цела: проверено записей — \d+/ }).waitFor();
  });
  await checkPage('audit-verified');
});
