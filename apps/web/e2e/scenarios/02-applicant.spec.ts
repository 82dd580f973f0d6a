// An NGO applies: signs up, registers its organisation (region 40), opens the demo competition KLG-2027,
// fills every step of the application (dates typed as 01.02.2027), sees "Сохранено", submits and sees the status
// "Подана". The errors it meets on the way (an empty sign-up, an organisation with a bad ИНН, an early submit
// checked before any confirmation, a refused .txt upload) are in Russian. Then it deletes a spare draft, withdraws
// another and hides it from its list (and shows it again); its pages fit 390 px and 1280 px.
import { innCheckDigit, messageText, ogrnCheckDigit, type Competition } from '@konkurs/shared';
import type { Page } from '@playwright/test';
import { choose, expect, see, test } from '../fixtures';

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const randomInn = () => { const nine = `40${digits(7)}`; return nine + innCheckDigit(nine); };
const randomOgrn = () => { const twelve = `1024${digits(8)}`; return twelve + ogrnCheckDigit(twelve); };

/** A calendar day `days` after an instant, in Moscow, as a person types it: `01.02.2027`. */
function moscowDay(instant: string, days: number): string {
  const d = new Date(Date.parse(instant) + days * 86_400_000);
  return new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Types a day into a date field key by key over what it held, as a person does, and leaves it. */
async function typeDate(page: Page, label: RegExp, day: string) {
  const input = page.getByRole('textbox', { name: label }).first();
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(day);
  await input.press('Tab');
  await expect(input).toHaveValue(day);
}

/** The page does not scroll sideways (wide tables scroll inside their own region). */
async function fitsWidth(page: Page, width: number) {
  await page.setViewportSize({ width, height: 844 });
  await page.waitForTimeout(300);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  if (scroll > client) throw new Error(`at ${width} px the page is ${scroll} px wide`);
}

async function saved(page: Page) {
  await page.getByTestId('save-status').filter({ hasText: 'Сохранено' }).waitFor({ timeout: 10_000 });
}

async function nextStep(page: Page, title: string) {
  await page.getByRole('button', { name: 'Далее →' }).click();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

test('an applicant signs up, registers an organisation and submits a complete application', async ({ page, baseUrl, step, checkPage, checkLanguage, keepScreenshot }) => {
  const email = `e2e-${Date.now()}@example.org`;
  const competition: Competition = ((await (await fetch(`${baseUrl}/api/v1/competitions?status=open`)).json()) as { items: Competition[] }).items.find((c) => c.code === 'KLG-2027')!;
  const start = moscowDay(competition.closesAt, 10);
  const end = moscowDay(competition.closesAt, 10 + 180);

  await step('an empty sign-up says what is missing', async () => {
    await page.goto('/signup');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).last().click();
    await page.getByLabel('Фамилия, имя, отчество').and(page.locator('[aria-invalid="true"]')).waitFor();
  });
  await checkLanguage('signup-empty');

  await step('the password meter says a common password is weak, and why', async () => {
    await page.getByLabel(/^Пароль/).fill('qwertyuiopas');
    await page.getByRole('progressbar', { name: 'Надёжность пароля' }).and(page.locator('[aria-valuetext="Слабый"]')).waitFor();
    await see(page, messageText('password-common'));
  });
  await checkPage('signup-password-weak');

  await step('and a long one strong', async () => {
    await page.getByLabel(/^Пароль/).fill('e2e-password-123');
    await page.getByRole('progressbar', { name: 'Надёжность пароля' }).and(page.locator('[aria-valuetext="Надёжный"]')).waitFor();
  });

  await step('sign up as an applicant', async () => {
    await page.getByLabel('Фамилия, имя, отчество').fill('Пётр Заявкин');
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel(/^Пароль/).fill('e2e-password-123');
    await page.getByLabel(/^Я даю согласие на обработку персональных данных/).check();
    await page.getByRole('button', { name: 'Зарегистрироваться' }).last().click();
    await page.getByRole('heading', { level: 1, name: 'Мои заявки' }).waitFor();
    await see(page, 'Заявок пока нет');
  });
  await checkPage('applications-empty');

  await step('a wrong ИНН check digit is flagged while typing', async () => {
    await page.getByRole('link', { name: 'Мои организации' }).first().click();
    await page.getByRole('button', { name: 'Добавить организацию' }).first().click();
    const inn = randomInn();
    await page.getByLabel('ИНН', { exact: false }).first().fill(inn.slice(0, 9) + ((Number(inn[9]) + 1) % 10));
    await see(page, messageText('inn-checksum'));
  });
  await checkPage('organization-form');

  await step('the organisation with the bad ИНН is not added', async () => {
    await page.getByRole('button', { name: 'Добавить организацию' }).last().click();
    await page.getByRole('textbox', { name: /^ИНН/ }).and(page.locator('[aria-invalid="true"]')).waitFor();
    if (await page.getByRole('heading', { level: 2, name: 'АНО «Калужские соседи»' }).count()) throw new Error('an organisation was added');
  });
  await checkLanguage('organization-bad-inn');

  await step('register the organisation in region 40', async () => {
    await page.getByRole('textbox', { name: /^ИНН/ }).fill(randomInn());
    await see(page, 'Контрольное число верно');
    await page.getByRole('textbox', { name: /^ОГРН/ }).fill(randomOgrn());
    await page.getByRole('textbox', { name: /^КПП/ }).fill('400101001');
    await page.getByRole('textbox', { name: /^Полное наименование/ }).fill('Автономная некоммерческая организация «Калужские соседи»');
    await page.getByRole('textbox', { name: /^Сокращённое наименование/ }).fill('АНО «Калужские соседи»');
    await choose(page, /^Регион регистрации/, /^40 — Калужская область/, 'Калуж');
    await page.getByRole('textbox', { name: /^Адрес/ }).fill('г. Калуга, ул. Кирова, д. 5');
    await page.getByRole('button', { name: 'Добавить организацию' }).click();
    await page.getByRole('heading', { level: 2, name: 'АНО «Калужские соседи»' }).waitFor();
    await see(page, 'Владелец');
  });
  await checkPage('organizations');

  await step('open the demo competition and start an application', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: /Губернаторский конкурс/ }).first().click();
    await see(page, 'Условия конкурса');
    await page.getByRole('link', { name: 'Подать заявку' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Новая заявка' }).waitFor();
    await page.getByRole('button', { name: 'Создать черновик' }).click();
    await page.getByRole('heading', { level: 2, name: 'Карточка проекта' }).waitFor();
    await see(page, /KLG-2027-\d{6}/);
  });

  await step('an early submit is checked by the server first: every problem listed, no confirmation asked', async () => {
    await page.getByRole('button', { name: /Проверка и подача/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Проверка и подача' }).waitFor();
    // Documents are not required in the demo competition: nothing says they are filled while none is there.
    await see(page, 'Документы — не обязательны');
    await page.getByRole('button', { name: 'Подать заявку' }).click();
    const problems = page.getByRole('alert').filter({ hasText: /замечани/ });
    await problems.waitFor();
    if (await page.getByRole('dialog', { name: 'Подать заявку?' }).count()) throw new Error('the confirmation was asked before the server check');
    await problems.getByText('Бюджет', { exact: true }).waitFor();
    await keepScreenshot('submit-problems');
    await problems.getByRole('button', { name: 'Название проекта' }).click();
    await page.getByRole('heading', { level: 2, name: 'Карточка проекта' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'f-title');
    await see(page, messageText('required'));
  });
  await checkPage('editor-problems');

  await step('project card: every field, then "Сохранено"', async () => {
    await page.getByRole('textbox', { name: /^Название проекта/ }).fill('Соседский центр для семей с детьми');
    await choose(page, /^Грантовое направление/, 'Поддержка семьи, материнства, отцовства и детства');
    await page.getByRole('textbox', { name: /^Краткое описание проекта/ }).fill('Открываем соседский центр: консультации, кружки и взаимопомощь для семей Калуги.');
    await page.getByRole('textbox', { name: /^Обоснование социальной значимости/ }).fill('В микрорайоне нет места, где семьи могут получить поддержку рядом с домом.');
    await page.getByRole('textbox', { name: /^Цель проекта/ }).fill('Создать соседский центр поддержки семей к концу 2027 года.');
    await page.getByRole('button', { name: '+ Добавить задачу' }).click();
    await page.getByRole('textbox', { name: 'Задача 1' }).fill('Оборудовать помещение центра');
    await page.getByRole('button', { name: '+ Добавить задачу' }).click();
    await page.getByRole('textbox', { name: 'Задача 2' }).fill('Провести 40 встреч и консультаций');
    await page.getByRole('button', { name: '+ Добавить целевую группу' }).click();
    await page.getByRole('textbox', { name: 'Целевая группа 1' }).fill('Семьи с детьми микрорайона Правгород');
    await choose(page, /^География проекта/, /^40 — Калужская область/, 'Калуж');
    await page.keyboard.press('Escape');
    await typeDate(page, /^Дата начала проекта/, start);
    await typeDate(page, /^Дата окончания проекта/, end);
    await saved(page);
  });
  await checkPage('editor-card');

  await step('team', async () => {
    await nextStep(page, 'Команда');
    await page.getByRole('button', { name: '+ Добавить участника команды' }).click();
    await page.getByRole('textbox', { name: /^ФИО/ }).fill('Мария Руководителева');
    await page.getByRole('textbox', { name: /^Роль в проекте/ }).fill('Руководитель проекта');
    await page.getByRole('textbox', { name: /^Опыт и компетенции/ }).fill('10 лет в социальных проектах');
    await saved(page);
  });
  await checkPage('editor-team');

  await step('calendar plan', async () => {
    await nextStep(page, 'Календарный план');
    await page.getByRole('button', { name: '+ Добавить мероприятие' }).click();
    await choose(page, /^Задача/, /^Задача 1/);
    await page.getByRole('textbox', { name: /^Мероприятие/ }).fill('Ремонт и оснащение помещения');
    await typeDate(page, /^Начало/, start);
    await typeDate(page, /^Окончание/, moscowDay(competition.closesAt, 40));
    await page.getByRole('textbox', { name: /^Ожидаемые результаты/ }).fill('Помещение готово принимать семьи');
    await saved(page);
  });
  await checkPage('editor-plan');

  await step('budget: totals follow the lines live', async () => {
    await nextStep(page, 'Бюджет');
    await page.getByRole('button', { name: '+ Добавить строку' }).click();
    await page.getByLabel('Строка 1: Статья').selectOption('salaries');
    await page.getByLabel('Строка 1: Наименование расхода').fill('Руководитель проекта, 6 месяцев');
    await page.getByLabel('Строка 1: Кол-во').fill('6');
    await page.getByLabel('Строка 1: Цена за единицу, ₽').fill('50000');
    await page.getByLabel('Строка 1: Софинансирование, ₽').fill('30000');
    await page.getByRole('button', { name: '+ Добавить строку' }).click();
    await page.getByLabel('Строка 2: Статья').selectOption('goods');
    await page.getByLabel('Строка 2: Наименование расхода').fill('Мебель и оборудование');
    await page.getByLabel('Строка 2: Кол-во').fill('1');
    await page.getByLabel('Строка 2: Цена за единицу, ₽').fill('200000');
    await page.getByLabel('Строка 2: Софинансирование, ₽').fill('20000');
    await page.getByTestId('budget-total').filter({ hasText: /500\s000,00\s₽/ }).waitFor();
    await page.getByTestId('budget-cofinancing').filter({ hasText: /50\s000,00\s₽/ }).waitFor();
    await page.getByTestId('budget-requested').filter({ hasText: /450\s000,00\s₽/ }).waitFor();
    await saved(page);
  });
  await checkPage('editor-budget');

  await step('phone width: the steps become a select, the budget table scrolls', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('combobox', { name: 'Разделы заявки' }).waitFor();
    await page.getByTestId('budget-requested').filter({ hasText: /450\s000,00\s₽/ }).waitFor();
  });
  await checkPage('editor-budget-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  await step('documents: a .txt file is refused at once, saying why, with the limit and the accepted types shown', async () => {
    await nextStep(page, 'Документы');
    await see(page, 'Размер файла — не больше 20 МБ');
    await see(page, /Принимаются PDF, PNG, JPEG/);
    await page.locator('input[type=file]').setInputFiles({ name: 'заметки.txt', mimeType: 'text/plain', buffer: Buffer.from('просто текст') });
    const refusal = page.getByRole('alert').filter({ hasText: 'заметки.txt' });
    await refusal.filter({ hasText: 'такой тип не принимается' }).waitFor();
    await keepScreenshot('upload-refused');
    await page.getByRole('button', { name: 'Убрать сообщение о файле заметки.txt' }).click();
  });

  await step('documents: upload the charter with progress', async () => {
    await choose(page, /^Вид документа/, 'Устав');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'ustav.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'ustav.pdf', exact: true }).waitFor();
    await see(page, /^Документы организации: занято [\d,]+ [КМ]Б из 500 МБ$/);
  });
  await checkPage('editor-documents');

  await step('review and submit: the check passes, then the confirmation, then status "Подана"', async () => {
    await nextStep(page, 'Проверка и подача');
    await see(page, /450\s000,00\s₽/);
    await see(page, 'Документы — ✓ заполнено');
    await page.getByRole('button', { name: 'Подать заявку' }).click();
    const confirm = page.getByRole('dialog', { name: 'Подать заявку?' });
    await confirm.waitFor();
    await keepScreenshot('submit-confirmation');
    await confirm.getByRole('button', { name: 'Подать заявку' }).click();
    await page.getByRole('heading', { level: 2, name: 'Содержание заявки' }).waitFor();
    await see(page, 'Подана');
    await keepScreenshot('submitted');
  });
  await checkPage('application-submitted');

  await step('the list shows the application as submitted', async () => {
    await page.getByRole('link', { name: 'Мои заявки' }).first().click();
    await page.getByRole('row', { name: /Подана.*Соседский центр для семей с детьми/ }).waitFor();
  });

  /** Starts a draft of the demo competition; the new-application screen tells the organisation's limit first. */
  async function startDraft(title: string) {
    await page.goto(`/applicant/applications/new?competitionId=${competition.id}`);
    await page.getByTestId('organization-limit').filter({ hasText: `не больше ${competition.maxApplicationsPerOrganization}` }).filter({ hasText: 'уже подала 1 заявку' }).waitFor();
    await page.getByRole('button', { name: 'Создать черновик' }).click();
    await page.getByRole('heading', { level: 2, name: 'Карточка проекта' }).waitFor();
    await page.getByRole('textbox', { name: /^Название проекта/ }).fill(title);
    await saved(page);
  }

  await step('the new-application screen tells the limit before the form is filled', async () => {
    await page.goto(`/applicant/applications/new?competitionId=${competition.id}`);
    await page.getByTestId('organization-limit').waitFor();
  });
  await checkPage('new-application-limit');

  await step('a spare draft is deleted after a confirmation', async () => {
    await startDraft('Черновик на удаление');
    await page.getByRole('button', { name: 'Удалить черновик' }).click();
    const dialog = page.getByRole('dialog', { name: 'Удалить черновик?' });
    await dialog.getByRole('button', { name: 'Удалить черновик' }).click();
    await page.getByRole('heading', { level: 1, name: 'Мои заявки' }).waitFor();
    await see(page, 'Черновик удалён');
    await page.getByRole('row', { name: /Соседский центр для семей с детьми/ }).waitFor();
    if (await page.getByRole('row', { name: /Черновик на удаление/ }).count()) throw new Error('the deleted draft is still listed');
  });

  await step('a withdrawn draft stays in the list, marked, and can be hidden and shown again', async () => {
    await startDraft('Передумали подавать');
    await page.getByRole('button', { name: 'Отозвать заявку' }).click();
    await page.getByRole('dialog', { name: 'Отозвать заявку?' }).getByRole('button', { name: 'Отозвать заявку' }).click();
    await see(page, 'Заявка отозвана');
    await page.getByRole('link', { name: 'Мои заявки' }).first().click();
    const row = page.getByRole('row', { name: /Отозвана.*Передумали подавать/ });
    await row.waitFor();
    await keepScreenshot('list-withdrawn');
    await row.getByRole('button', { name: /^Скрыть из списка заявку/ }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /Соседский центр для семей с детьми/ }).waitFor();
    await page.getByRole('switch', { name: 'Показать скрытые' }).click();
    const hidden = page.getByRole('row', { name: /Отозвана.*скрыта из списка.*Передумали подавать/ });
    await hidden.waitFor();
    await keepScreenshot('list-hidden');
    await hidden.getByRole('button', { name: /^Вернуть в список заявку/ }).click();
    await hidden.waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: 'Показать скрытые' }).click();
    await page.getByRole('row', { name: /Отозвана.*Передумали подавать/ }).waitFor();
  });
  await checkPage('applications-list');

  await step('the applicant’s pages fit 390 px and 1280 px without scrolling sideways; the list’s status shows on a phone', async () => {
    const pages = ['/applicant/applications', `/applicant/applications/new?competitionId=${competition.id}`, '/applicant/organizations'];
    for (const width of [390, 1280]) {
      for (const path of pages) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await fitsWidth(page, width);
      }
      await page.goto('/applicant/applications');
      const status = page.getByRole('row', { name: /Соседский центр для семей с детьми/ }).getByText('Подана');
      await status.waitFor();
      const box = (await status.boundingBox())!;
      if (box.x + box.width > width) throw new Error(`at ${width} px the status is off-screen (${box.x + box.width} px)`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
  });
  await checkPage('applications-list-phone');
  await page.goto(`/applicant/applications/new?competitionId=${competition.id}`);
  await page.getByTestId('organization-limit').waitFor();
  await checkPage('new-application-phone');
  await page.setViewportSize({ width: 1280, height: 900 });
});
