// Accounts (issue 11): an applicant signs up with the consent ticked, is asked to confirm the address, asks for
// another e-mail, and confirms it through the link the admin reads on «Исходящие письма» (no SMTP server here: the
// mail stays in the outbox); the banner goes. Then the password is forgotten: «Забыли пароль?», the reset e-mail on
// the same page, a new password through its link, sign-in with it while the old one is refused, and the link used
// twice is said to be no longer valid. A sign-up without the box ticked is refused on the box with nothing typed
// lost; an applicant whose sign-up gave no consent (a v1 client) sees the consent screen before any page, and goes on
// to it once accepted. The reset page and the consent screen are looked at at 1280 and 390 px.
import type { Browser, Page } from '@playwright/test';
import { messageText } from '@konkurs/shared';
import { ADMIN, expect, see, test } from '../fixtures';

const PASSWORD = 'e2e-password-123';
const NEW_PASSWORD = 'Kaluga-vesna-2027-e2e';

async function signInThroughApi(baseUrl: string, login: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) });
  if (!res.ok) throw new Error(`login ${login.email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The admin in a browser of their own, beside the applicant's. */
async function adminPage(browser: Browser, baseUrl: string): Promise<Page> {
  const token = await signInThroughApi(baseUrl, ADMIN);
  const context = await browser.newContext({
    baseURL: baseUrl, locale: 'ru-RU', timezoneId: 'Europe/Moscow',
    storageState: { cookies: [], origins: [{ origin: new URL(baseUrl).origin, localStorage: [{ name: 'konkurs.token', value: token }] }] },
  });
  return context.newPage();
}

/**
 * The admin opens «Исходящие письма», the newest e-mail with this subject to this address, and reads its link; the
 * path and query are what the applicant opens (the link's host is PUBLIC_URL's, which here is not the test's).
 */
async function linkFromOutbox(admin: Page, to: string, subject: string): Promise<string> {
  await admin.goto('/admin');
  await admin.getByRole('link', { name: 'Исходящие письма' }).first().click();
  await admin.getByRole('heading', { level: 1, name: 'Исходящие письма' }).waitFor();
  const row = admin.getByTestId('outbox-row').filter({ hasText: to }).filter({ hasText: subject }).first();
  await row.getByRole('link', { name: subject }).click();
  await expect(admin.getByTestId('outbox-to')).toHaveText(to);
  const href = await admin.getByTestId('outbox-link').getAttribute('href');
  if (!href) throw new Error(`the e-mail «${subject}» to ${to} carries no link`);
  const url = new URL(href, admin.url());
  return url.pathname + url.search;
}

async function atWidths(page: Page, name: string, look: (name: string) => Promise<void>) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, `at ${width} px the page is ${scroll} px wide`).toBeLessThanOrEqual(client);
    await look(`${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel(/^Пароль/).fill(password);
  await page.getByRole('button', { name: 'Войти' }).last().click();
}

test('an applicant confirms the address, forgets the password and sets a new one through the e-mailed links', async ({ page, browser, baseUrl, step, checkPage, checkLanguage }) => {
  const email = `e2e-accounts-${Date.now()}@example.org`;
  const admin = await adminPage(browser, baseUrl);
  const banner = page.getByTestId('account-banner');

  await step('sign up with the consent ticked', async () => {
    await page.goto('/signup');
    await page.getByLabel('Фамилия, имя, отчество').fill('Анна Подтверждёнова');
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel(/^Пароль/).fill(PASSWORD);
    await page.getByLabel(/^Я даю согласие на обработку персональных данных/).check();
    await page.getByRole('button', { name: 'Зарегистрироваться' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Мои заявки' }).waitFor();
  });

  await step('the banner asks to confirm the address the e-mail went to', async () => {
    await expect(banner).toContainText(`Подтвердите адрес электронной почты: мы отправили письмо на ${email}`);
  });
  await checkPage('confirm-banner');

  await step('«Отправить ещё раз» sends another e-mail', async () => {
    await banner.getByRole('button', { name: 'Отправить ещё раз' }).click();
    await expect(banner).toContainText('Письмо отправлено');
  });

  let confirmLink = '';
  await step('the admin reads the confirmation e-mail on «Исходящие письма»', async () => {
    confirmLink = await linkFromOutbox(admin, email, 'Подтвердите адрес электронной почты');
    expect(confirmLink).toMatch(/^\/verify-email\?token=/);
  });
  await checkLanguage('outbox-confirmation');

  await step('the applicant opens the link: confirmed, and the banner is gone', async () => {
    await page.goto(confirmLink);
    await see(page, 'Адрес электронной почты подтверждён.');
    await expect(banner).toHaveCount(0);
    await page.getByRole('link', { name: 'Продолжить' }).click();
    await page.getByRole('heading', { level: 1, name: 'Мои заявки' }).waitFor();
    await expect(banner).toHaveCount(0);
  });
  await checkPage('email-confirmed');

  await step('«Забыли пароль?» asks for the address and says the same as for any', async () => {
    await page.getByRole('button', { name: /Анна Подтверждёнова/ }).click();
    await page.getByRole('menuitem', { name: 'Выйти' }).click();
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByRole('button', { name: 'Отправить ссылку' }).click();
    await see(page, 'Если такой адрес зарегистрирован, мы отправили на него ссылку для восстановления пароля. Ссылка действует 1 час.');
  });
  await checkPage('forgot-password-sent');

  let resetLink = '';
  await step('the admin sees «Восстановление пароля» to that address and its link', async () => {
    resetLink = await linkFromOutbox(admin, email, 'Восстановление пароля');
    expect(resetLink).toMatch(/^\/reset-password\?token=/);
  });

  await step('the reset page refuses two different passwords on the second field', async () => {
    await page.goto(resetLink);
    await page.getByLabel(/^Новый пароль/).fill(NEW_PASSWORD);
    await page.getByLabel(/^Повторите пароль/).fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByLabel(/^Повторите пароль/).and(page.locator('[aria-invalid="true"]')).waitFor();
    await see(page, 'Пароли не совпадают');
  });
  await atWidths(page, 'reset-password', checkPage);

  await step('a new password through the link, then the sign-in form says so', async () => {
    await page.getByLabel(/^Повторите пароль/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await see(page, 'Пароль изменён, войдите с новым паролем');
    await page.getByRole('heading', { level: 1, name: 'Вход' }).waitFor();
  });

  await step('the old password is refused', async () => {
    await signIn(page, email, PASSWORD);
    await see(page, messageText('invalid-credentials'));
  });

  await step('the new one signs in', async () => {
    await signIn(page, email, NEW_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Мои заявки' }).waitFor();
  });

  await step('the link used twice is no longer valid, and offers a new one', async () => {
    await page.goto(resetLink);
    await page.getByLabel(/^Новый пароль/).fill(`${NEW_PASSWORD}-2`);
    await page.getByLabel(/^Повторите пароль/).fill(`${NEW_PASSWORD}-2`);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await see(page, 'Ссылка для восстановления пароля недействительна или уже использована.');
    await expect(page.getByRole('link', { name: 'Запросить новую ссылку' })).toHaveAttribute('href', '/forgot-password');
  });
  await checkPage('reset-link-used');

  await admin.context().close();
});

test('a sign-up without the consent ticked is refused on the box, nothing typed lost', async ({ page, step, checkPage }) => {
  const email = `e2e-noconsent-${Date.now()}@example.org`;
  await step('everything filled but the box', async () => {
    await page.goto('/signup');
    await page.getByLabel('Фамилия, имя, отчество').fill('Борис Несогласов');
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel(/^Пароль/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Зарегистрироваться' }).last().click();
  });
  await step('the box says why, the form keeps what was typed and no account is made', async () => {
    const box = page.getByLabel(/^Я даю согласие на обработку персональных данных/);
    await box.and(page.locator('[aria-invalid="true"]')).waitFor();
    await see(page, 'Без согласия на обработку персональных данных зарегистрироваться нельзя: отметьте его');
    await expect(page).toHaveURL(/\/signup$/);
    await expect(page.getByLabel('Фамилия, имя, отчество')).toHaveValue('Борис Несогласов');
    await expect(page.getByLabel('Электронная почта')).toHaveValue(email);
    await expect(page.getByLabel(/^Пароль/)).toHaveValue(PASSWORD);
  });
  await checkPage('signup-no-consent');
  await step('the consent text opens beside the form', async () => {
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: /Текст согласия/ }).click()]);
    await tab.getByRole('heading', { level: 1, name: 'Согласие на обработку персональных данных' }).waitFor();
    await tab.getByText(/^Редакция от \d\d\.\d\d\.\d{4}$/).waitFor();
    await tab.close();
    await expect(page.getByLabel('Фамилия, имя, отчество')).toHaveValue('Борис Несогласов');
  });
});

test('an applicant without the consent in force sees it before any page, and goes on once it is given', async ({ page, baseUrl, step, checkPage }) => {
  const email = `e2e-v1-${Date.now()}@example.org`;
  await step('a sign-up without consent (a v1 client, through the API)', async () => {
    const res = await fetch(`${baseUrl}/api/v1/auth/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD, fullName: 'Вера Старая' }),
    });
    expect(res.status).toBe(201);
  });
  await step('signing in to go to the organisations, the consent screen comes first', async () => {
    await page.goto('/applicant/organizations');
    await page.getByRole('heading', { level: 1, name: 'Вход' }).waitFor();
    await signIn(page, email, PASSWORD);
    await page.getByRole('button', { name: 'Даю согласие' }).waitFor();
    await expect(page.getByRole('heading', { level: 1, name: 'Согласие на обработку персональных данных' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Выйти' })).toBeVisible();
  });
  await atWidths(page, 'consent-screen', checkPage);
  await step('«Даю согласие» goes on to where the applicant was going', async () => {
    await page.getByRole('button', { name: 'Даю согласие' }).click();
    await page.getByRole('heading', { level: 1, name: 'Мои организации' }).waitFor();
    await expect(page).toHaveURL(/\/applicant\/organizations$/);
  });
  await step('and the consent is not asked again', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Мои организации' }).waitFor();
    await expect(page.getByRole('button', { name: 'Даю согласие' })).toHaveCount(0);
  });
});
