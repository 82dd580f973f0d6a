// An expert scores an application of the round (scenario 03): the queue with due dates and progress, the
// application beside the scoring form, the live total, the autosaved draft that survives a reload (from the server,
// and from the local copy when the save could not reach it), a required comment, the confirmed submit; the expert's
// screens at 390 px too.
// The other experts' reviews are then submitted through the API so that the ranking is complete.
import type { Login } from '../fixtures';
import { see, test } from '../fixtures';
import { DIVERGENT_SCORES, DIVERGENT_TITLE, NEW_EXPERT_PASSWORD, apiAs, reviewByApi, roundCompetition, signIn } from '../staff';

type Assignment = { id: string; applicationNumber: string; applicationTitle: string | null; expertId: string; status: string };
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
  // A demo expert with work in this round does it on screen (not on the divergent application: its scores are set below).
  const onScreen = (a: Assignment) => a.applicationTitle !== DIVERGENT_TITLE;
  const demo = pool.filter((e) => e.email.endsWith('@konkurs.demo')).find((e) => assignments.some((a) => a.expertId === e.expertId && onScreen(a)))!;
  const mine = assignments.filter((a) => a.expertId === demo.expertId && onScreen(a));
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

  const status = page.getByTestId('save-status');
  const overall = page.getByRole('textbox', { name: 'Общий комментарий эксперта' });
  await step('the draft saves itself; after a reload the scores and a typed comment are still there', async () => {
    await status.filter({ hasText: /Сохранено в \d{2}:\d{2}/ }).waitFor();
    await overall.fill('Черновик: команда опытная.');
    await status.filter({ hasText: 'Не сохранено' }).or(status.filter({ hasText: 'Сохраняется…' })).waitFor();
    await status.filter({ hasText: /Сохранено в \d{2}:\d{2}/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Оценка заявки' }).waitFor();
    if ((await overall.inputValue()) !== 'Черновик: команда опытная.') throw new Error('the saved comment is gone after a reload');
    await page.getByTestId('live-total').filter({ hasText: '85,00' }).waitFor();
  });
  await checkPage('scoring-draft');

  await step('a comment the server has not got yet: a warning on leaving, and the local copy offered after the reload', async () => {
    // The saves cannot reach the server.
    await page.route('**/api/v1/assignments/*/review', (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback()));
    await overall.fill('Черновик: команда опытная. План на 12 месяцев реалистичен.');
    await status.filter({ hasText: 'нет связи' }).waitFor();
    let warned = '';
    page.once('dialog', (d) => { warned = d.type(); void d.accept(); });
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Оценка заявки' }).waitFor();
    if (warned !== 'beforeunload') throw new Error(`leaving with an unsaved comment gave no warning (${warned || 'no dialog'})`);
    await page.unroute('**/api/v1/assignments/*/review');
    await see(page, 'Найдены несохранённые изменения');
    await see(page, 'Не сохранены: общий комментарий.');
    await keepScreenshot('scoring-restored');
    await page.getByRole('button', { name: 'Применить мои изменения' }).click();
    if ((await overall.inputValue()) !== 'Черновик: команда опытная. План на 12 месяцев реалистичен.') throw new Error('the local copy was not restored');
    await status.filter({ hasText: /Сохранено в \d{2}:\d{2}/ }).waitFor();
  });
  await checkLanguage('scoring-restored');

  await step('the draft can still be saved by hand', async () => {
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await see(page, 'Черновик сохранён');
  });

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
    await overall.fill('Сильная заявка, реалистичный план.');
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

  // The expert's screens fit a phone and a desktop without the page scrolling sideways (wide tables scroll inside).
  const fits = async (where: string) => {
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    if (scroll > width) throw new Error(`${where}: the page is ${scroll} px wide in a ${width} px window`);
  };
  for (const width of [390, 1280]) {
    await step(`the queue and the review at ${width} px`, async () => {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.goto('/expert');
      await page.getByRole('link', { name: `Открыть: ${first.applicationNumber}` }).waitFor(); // a row, or a card on a phone
      await fits(`queue at ${width} px`);
      await keepScreenshot(`queue-${width}`);
      await page.getByRole('link', { name: `Открыть: ${first.applicationNumber}` }).click();
      await page.getByRole('heading', { level: 2, name: 'Оценка заявки' }).waitFor();
      await fits(`review at ${width} px`);
      await keepScreenshot(`review-${width}`);
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  await step('the other reviews of the round come in (API); the divergent application gets 90 and 40, so an extra expert is assigned', async () => {
    const clients = new Map<string, Awaited<ReturnType<typeof apiAs>>>();
    const divergent = [...DIVERGENT_SCORES];
    for (const a of assignments.filter((x) => x.id !== first.id && x.status === 'assigned')) {
      if (!clients.has(a.expertId)) clients.set(a.expertId, await apiAs(baseUrl, loginOf(a.expertId)));
      const score = onScreen(a) ? (a.applicationNumber === first.applicationNumber ? 8 : 7) : divergent.shift()!;
      await reviewByApi(clients.get(a.expertId)!, a.id, competition.criteria, score);
    }
    const { items } = await organiser<{ items: (Assignment & { isExtra: boolean })[] }>('GET', `/competitions/${competition.id}/assignments?limit=500`);
    if (!items.some((a) => a.isExtra && a.status === 'assigned' && a.applicationTitle === DIVERGENT_TITLE)) throw new Error('no extra expert was assigned to the divergent application');
  });
});
