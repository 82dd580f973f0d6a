// An expert scores an application of the round (scenario 03): the queue with due dates and progress, the
// application beside the scoring form, the live total, a required comment, the draft, the confirmed submit.
// The other experts' reviews are then submitted through the API so that the ranking is complete.
import type { Login } from '../fixtures';
import { see, test } from '../fixtures';
import { NEW_EXPERT_PASSWORD, apiAs, reviewByApi, roundCompetition, signIn } from '../staff';

type Assignment = { id: string; applicationNumber: string; expertId: string; status: string };
type PoolExpert = { expertId: string; email: string };

test('an expert scores an application of the round', async ({ page, baseUrl, logins, step, checkPage, checkLanguage, keepScreenshot }) => {
  const organiser = await apiAs(baseUrl, logins.organiser);
  const competition = await roundCompetition(organiser);
  const { items: assignments } = await organiser<{ items: Assignment[] }>('GET', `/competitions/${competition.id}/assignments?limit=500`);
  const { items: pool } = await organiser<{ items: PoolExpert[] }>('GET', `/competitions/${competition.id}/experts?limit=500`);
  const loginOf = (expertId: string): Login => {
    const email = pool.find((e) => e.expertId === expertId)!.email;
    return { email, password: email.endsWith('@konkurs.demo') ? logins.expert1.password : NEW_EXPERT_PASSWORD };
  };
  // A demo expert with work in this round does it on screen.
  const demo = pool.filter((e) => e.email.endsWith('@konkurs.demo')).find((e) => assignments.some((a) => a.expertId === e.expertId))!;
  const mine = assignments.filter((a) => a.expertId === demo.expertId);
  const first = mine[0];

  // The queue spans every competition the expert works in: its progress counts them all.
  const expert = await apiAs(baseUrl, loginOf(demo.expertId));
  const { items: queue } = await expert<{ items: Assignment[] }>('GET', '/assignments/mine?limit=500');
  const active = queue.filter((a) => a.status !== 'declined');
  const done = active.filter((a) => a.status === 'submitted').length;

  await step(`sign in as ${demo.email}: the queue with due dates and progress`, async () => {
    await signIn(page, loginOf(demo.expertId));
    await page.getByRole('heading', { level: 1, name: 'Экспертиза заявок' }).waitFor();
    await page.getByRole('row', { name: new RegExp(first.applicationNumber) }).waitFor();
    await see(page, `Отправлено оценок: ${done} из ${active.length}`);
    await see(page, /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} мск/);
  });
  await checkPage('queue');

  await step('the application read view beside the scoring form', async () => {
    await page.getByRole('link', { name: `Оценить: ${first.applicationNumber}` }).click();
    await page.getByRole('heading', { level: 3, name: 'Карточка проекта' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Бюджет проекта' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Оценка заявки' }).waitFor();
    await see(page, 'Актуальность и социальная значимость проекта');
  });

  await step('scores give a live total on the 100-point scale', async () => {
    const scores = page.getByRole('textbox', { name: /^Балл \(0–10\)/ });
    const n = await scores.count();
    for (let i = 0; i < n; i++) await scores.nth(i).fill(i < 5 ? '8' : '9');
    await page.getByTestId('live-total').filter({ hasText: '85,00' }).waitFor();
    await see(page, `Оценено критериев: ${n} из ${n}`);
  });

  await step('save the draft', async () => {
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await see(page, 'Черновик сохранён');
  });
  await checkPage('scoring-draft');

  await step('submit is refused on screen while a required comment is missing', async () => {
    await page.getByRole('button', { name: 'Отправить оценку' }).click();
    await see(page, 'Оценка не завершена: заполните отмеченные поля');
    const comment = page.getByRole('textbox', { name: /^Комментарий/ }).first();
    if ((await comment.getAttribute('aria-invalid')) !== 'true') throw new Error('the required comment is not marked');
    await keepScreenshot('required-comment');
  });
  await checkLanguage('scoring-refused');

  await step('with the comment the review is submitted after the confirmation', async () => {
    await page.getByRole('textbox', { name: /^Комментарий/ }).first().fill('Проект отвечает потребностям семей микрорайона.');
    await page.getByRole('textbox', { name: 'Общий комментарий эксперта' }).fill('Сильная заявка, реалистичный план.');
    await page.getByRole('button', { name: 'Отправить оценку' }).click();
    const dialog = page.getByRole('dialog', { name: 'Отправить оценку?' });
    await dialog.getByTestId('confirm-total').filter({ hasText: '85,00' }).waitFor();
    await dialog.getByRole('button', { name: 'Отправить оценку' }).click();
    await see(page, 'Ваша оценка — 85,00 из 100. Изменить её нельзя.');
  });
  await checkPage('scoring-submitted');

  await step('the queue counts the submitted review', async () => {
    await page.getByRole('link', { name: /К списку заявок/ }).click();
    await see(page, `Отправлено оценок: ${done + 1} из ${active.length}`);
    await page.getByRole('row', { name: new RegExp(`${first.applicationNumber}.*Оценка отправлена`) }).waitFor();
  });
  await checkPage('queue-after');

  await step('the other reviews of the round come in (API)', async () => {
    const clients = new Map<string, Awaited<ReturnType<typeof apiAs>>>();
    for (const a of assignments.filter((x) => x.id !== first.id && x.status === 'assigned')) {
      if (!clients.has(a.expertId)) clients.set(a.expertId, await apiAs(baseUrl, loginOf(a.expertId)));
      await reviewByApi(clients.get(a.expertId)!, a.id, competition.criteria, a.applicationNumber === first.applicationNumber ? 8 : 7);
    }
  });
});
