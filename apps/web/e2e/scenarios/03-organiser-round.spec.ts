// An organiser sets up a round that can run inside one e2e run: creates a competition in the editor (Moscow
// time, roubles, criteria), builds the expert pool (with a new expert), opens it with closesAt two minutes
// ahead; the demo applicant submits three applications (API), one of them the round's divergent application
// (its experts will disagree, scenario 04); once closed, the organiser starts the review, screens (admit two,
// reject one with a reason) and assigns experts automatically. A form with a bad code and
// a grant above the fund are refused in Russian; the review cannot be started before the deadline (its button
// disabled, the closing time shown).
import { fillDateTime, see, test } from '../fixtures';
import { DIVERGENT_TITLE, NEW_EXPERT_PASSWORD, ROUND_PREFIX, apiAs, completeDraft, moscowLocal, roundCompetition } from '../staff';

test.use({ signedInAs: 'organiser' });

test('an organiser sets up a round, opens it, starts the review, screens and assigns experts', async ({ page, baseUrl, logins, step, checkPage, checkLanguage, keepScreenshot }) => {
  const code = `${ROUND_PREFIX}${Date.now().toString(36).toUpperCase()}`;
  const title = `Конкурс e2e ${code}`;
  const organiser = await apiAs(baseUrl, logins.organiser);
  let competitionId = '';
  let closesAt = '';
  let typedCloses = '';
  const numbers: string[] = [];

  await step('the organiser’s competitions', async () => {
    await page.goto('/organiser');
    await page.getByRole('heading', { level: 1, name: 'Конкурсы оператора' }).waitFor();
  });
  await checkPage('competitions');

  await step('a bad code and a maximum grant above the fund are refused', async () => {
    await page.getByRole('link', { name: 'Создать конкурс' }).click();
    await page.getByRole('heading', { level: 1, name: 'Новый конкурс' }).waitFor();
    await page.getByRole('textbox', { name: /^Код конкурса/ }).fill('плохой код');
    await page.getByRole('textbox', { name: /^Фонд конкурса/ }).fill('100000');
    await page.getByRole('textbox', { name: /^Максимальный грант/ }).fill('500000');
    await page.getByRole('button', { name: 'Создать конкурс' }).click();
    await page.getByRole('textbox', { name: /^Код конкурса/ }).and(page.locator('[aria-invalid="true"]')).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Новый конкурс' }).waitFor();
  });
  await checkLanguage('competition-form-refused');
  await page.goto('/organiser');

  await step('create a competition: window in Moscow time, money in roubles, a criterion asking for comments', async () => {
    await page.getByRole('link', { name: 'Создать конкурс' }).click();
    await page.getByRole('heading', { level: 1, name: 'Новый конкурс' }).waitFor();
    await page.getByRole('textbox', { name: /^Код конкурса/ }).fill(code);
    await page.getByRole('textbox', { name: /^Название/ }).fill(title);
    await page.getByRole('textbox', { name: /^Описание/ }).first().fill('Конкурс, который проходит от начала до итогов за один прогон.');
    await page.getByRole('textbox', { name: /^Направления/ }).click();
    await page.getByRole('option', { name: /Поддержка семьи/ }).click();
    await page.getByRole('option', { name: /молодёжных проектов/ }).click();
    await page.keyboard.press('Escape');
    await fillDateTime(page, 'Начало приёма', moscowLocal(-10));
    const typed = moscowLocal(2);
    typedCloses = typed;
    await fillDateTime(page, 'Окончание приёма', typed);
    await page.getByRole('textbox', { name: /^Фонд конкурса/ }).fill('1000000');
    await page.getByRole('textbox', { name: /^Максимальный грант/ }).fill('500000');
    await page.getByRole('textbox', { name: /^Проходной балл/ }).fill('50');
    await page.getByRole('textbox', { name: /^Заявок от одной организации/ }).fill('3');
    await page.getByLabel('Не более одного гранта на организацию').uncheck();
    await page.getByLabel('Комментарий обязателен 1', { exact: true }).check();
    await keepScreenshot('editor-filled');
    await page.getByRole('button', { name: 'Создать конкурс' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await see(page, 'Черновик');
    const c = await roundCompetition(organiser);
    competitionId = c.id;
    closesAt = c.closesAt;
    // What was typed in Moscow time is the instant stored, and shown back the same.
    if (new Date(closesAt).getTime() !== Date.parse(`${typed}:00+03:00`)) throw new Error(`closesAt ${closesAt} is not ${typed} Moscow time`);
    await see(page, `${typed.slice(8, 10)}.${typed.slice(5, 7)}.${typed.slice(0, 4)} ${typed.slice(11)} мск`);
  });
  await checkPage('competition-settings');

  await step('expert pool: the three demo experts and a new one with directions', async () => {
    await page.getByRole('tab', { name: 'Эксперты и назначения' }).click();
    await see(page, 'В пуле конкурса пока нет экспертов');
    const add = page.getByRole('textbox', { name: 'Эксперты оператора' });
    for (const n of [1, 2, 3]) {
      await add.click();
      await page.getByRole('option', { name: new RegExp(`expert${n}@konkurs\\.demo`) }).click();
    }
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Добавить в пул' }).click();
    await see(page, 'Добавлено экспертов: 3');
    await page.getByRole('button', { name: 'Новый эксперт' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новый эксперт' });
    await dialog.getByRole('textbox', { name: /^ФИО/ }).fill('Эксперт Четвёртый');
    await dialog.getByRole('textbox', { name: /^E-mail/ }).fill(`e2e-expert-${code.toLowerCase()}@example.org`);
    await dialog.getByLabel(/^Пароль/).fill(NEW_EXPERT_PASSWORD);
    await dialog.getByRole('textbox', { name: 'Направления экспертизы' }).click();
    await page.getByRole('option', { name: /Поддержка семьи/ }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Создать и добавить в пул' }).click();
    await page.getByRole('table', { name: 'Эксперты конкурса' }).getByText('Эксперт Четвёртый').waitFor();
    if ((await page.getByRole('table', { name: 'Эксперты конкурса' }).locator('tbody tr').count()) !== 4) throw new Error('the pool should hold 4 experts');
  });
  await checkPage('expert-pool');

  await step('open for applications (confirmed in a dialog)', async () => {
    await page.getByRole('button', { name: 'Открыть приём заявок' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByText('Приём заявок', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Начать экспертизу' }).waitFor();
  });

  await step('the review cannot start before the deadline: «Начать экспертизу» is disabled and says when applications close', async () => {
    const start = page.getByRole('button', { name: 'Начать экспертизу' });
    await start.waitFor();
    if (!(await start.isDisabled())) throw new Error('«Начать экспертизу» is active while applications are accepted');
    await page.getByTestId('accepting-until').filter({ hasText: `Приём заявок до ${typedCloses.slice(8, 10)}.${typedCloses.slice(5, 7)}.${typedCloses.slice(0, 4)} ${typedCloses.slice(11)}` }).waitFor();
    await page.getByText('Приём заявок', { exact: true }).first().waitFor();
  });
  await checkLanguage('start-review-too-early');

  await step('the demo applicant submits three applications before the deadline (API)', async () => {
    const applicant = await apiAs(baseUrl, logins.applicant);
    const orgs = await applicant<{ id: string }[] | { items: { id: string }[] }>('GET', '/organizations/mine');
    const organizationId = (Array.isArray(orgs) ? orgs : orgs.items)[0].id;
    for (const [name, roubles] of [['Семейный клуб выходного дня', 400_000], [DIVERGENT_TITLE, 300_000], ['Проект без шансов', 200_000]] as const) {
      const app = await applicant<{ id: string; number: string }>('POST', `/competitions/${competitionId}/applications`, { organizationId, ...completeDraft(name, closesAt, roubles) });
      await applicant('POST', `/applications/${app.id}/submit`);
      numbers.push(app.number);
    }
  });

  await step('screening waits for the review; the three submitted applications are listed', async () => {
    await page.getByRole('tab', { name: 'Допуск заявок' }).click();
    await see(page, 'Ожидают решения: 3');
    await see(page, 'Допуск начинается после окончания приёма заявок');
  });
  await checkPage('screening-before-review');

  await step('after the deadline the review starts', async () => {
    const wait = Date.parse(closesAt) - Date.now() + 1500;
    if (wait > 0) await page.waitForTimeout(wait);
    await page.getByRole('button', { name: 'Начать экспертизу' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Подтвердить' }).click();
    await page.getByText('Экспертиза', { exact: true }).first().waitFor();
  });

  await step('screening: admit two, reject one with a reason', async () => {
    await page.getByRole('button', { name: `Допустить: ${numbers[0]}` }).click();
    await see(page, `Решение по заявке ${numbers[0]} записано`);
    await page.getByRole('button', { name: `Допустить: ${numbers[1]}` }).click();
    await see(page, 'Допущено: 2');
    await page.getByRole('button', { name: `Отклонить: ${numbers[2]}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Отклонить' }).click();
    await dialog.getByText('Укажите причину').waitFor();
    await dialog.getByRole('textbox', { name: /^Причина отказа/ }).fill('Проект не соответствует направлениям конкурса');
    await dialog.getByRole('button', { name: 'Отклонить' }).click();
    await see(page, 'Не допущено: 1');
    await see(page, 'Нет заявок, ожидающих решения о допуске');
  });
  await checkPage('screening-done');

  await step('automatic assignment: 2 experts for each admitted application', async () => {
    await page.getByRole('tab', { name: 'Эксперты и назначения' }).click();
    await page.getByRole('button', { name: 'Назначить автоматически' }).click();
    await see(page, 'Создано назначений: 4');
    await see(page, 'Все допущенные заявки обеспечены экспертами.');
    await page.getByTestId('review-progress').filter({ hasText: 'Оценок отправлено: 0 из 4' }).waitFor();
  });
  await checkPage('assignments');
});
