// A visitor: open competitions on the home page, a competition's rules, the sign-in page (empty fields and a
// wrong password refused in Russian), English.
import { messageText } from '@konkurs/shared';
import { see, test } from '../fixtures';

test('a visitor: the open competitions, a competition\'s rules, signing in, English', async ({ page, step, checkPage, checkLanguage }) => {
  await step('home lists the open demo competition with its deadline in Moscow time', async () => {
    await page.goto('/');
    await see(page, 'Идёт приём заявок');
    await see(page, 'KLG-2027');
    await see(page, /До окончания приёма: \d+/);
    await see(page, /от 100\s000,00\s₽ до 3\s000\s000,00\s₽/);
  });
  await checkPage('home');

  await step('the competition page shows the rules and the ten criteria', async () => {
    await page.getByRole('link', { name: /Губернаторский конкурс/ }).first().click();
    await see(page, 'Условия конкурса');
    await see(page, 'Критерии оценки');
    await see(page, 'Актуальность и социальная значимость проекта');
    await see(page, /не менее 10 % общей стоимости/);
  });
  await checkPage('competition');

  await step('sign-in page', async () => {
    await page.goto('/signin');
    await page.getByLabel('Электронная почта').waitFor();
  });
  await checkPage('signin');

  await step('empty fields: the form says what is missing', async () => {
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await page.getByLabel('Электронная почта').and(page.locator('[aria-invalid="true"]')).waitFor();
  });
  await checkLanguage('signin-empty');

  await step('wrong password: the server message is shown on the form', async () => {
    await page.getByLabel('Электронная почта').fill('nobody@example.org');
    await page.getByLabel('Пароль').fill('wrong-password-123');
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await see(page, messageText('invalid-credentials'));
  });
  await checkLanguage('signin-wrong-password');

  await step('the language switch turns the interface to English and is remembered', async () => {
    await page.getByText('EN', { exact: true }).click();
    await see(page, 'Sign in');
    await page.goto('/');
    await see(page, 'Open for applications');
    await page.getByText('RU', { exact: true }).click();
    await see(page, 'Идёт приём заявок');
  });

  await step('phone width: the navigation folds into a menu', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('button', { name: 'Открыть меню' }).click();
    await page.getByRole('navigation', { name: 'Основная навигация' }).getByRole('link', { name: 'Конкурсы' }).first().waitFor();
  });
  await checkPage('home-phone');
});
