// Notifications across a small round of its own (it needs no other scenario): the applicant submits and the bell
// shows it, the inbox has «Заявка № … подана» and opens the application; the organiser admits it and assigns the
// expert (API), whose bell and inbox show the assignment; the applicant's inbox shows the screening decision; the
// expert declines with a conflict of interest, another expert is assigned and reviews (API), and the organiser's inbox
// shows the conflict and «Экспертиза … завершена»; marking all read takes the badge away; an e-mail switch persists
// across a reload; the admin's outgoing e-mail lists the e-mails and opens one. The inbox and the outbox at 390 and
// 1280 px.
import { ARTIFACTS, expect, see, test, type Login } from '../fixtures';
import { ROUND_PREFIX, apiAs, completeDraft, reviewByApi, type Api, type RoundCompetition } from '../staff';
import { WIDTHS, widthOffences } from '../widths';

type Me = { id: string; operatorId: string | null };
type Assignment = { id: string; applicationId: string; expertId: string; status: string };

async function tokenOf(baseUrl: string, login: Login): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) });
  if (!res.ok) throw new Error(`login ${login.email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

test('each role hears of what happened to its work: the bell, the inbox, the settings, the outgoing e-mail', async ({ page, baseUrl, logins, step, checkPage, keepScreenshot }) => {
  const organiser = await apiAs(baseUrl, logins.organiser);
  const applicant = await apiAs(baseUrl, logins.applicant);
  const expert = await apiAs(baseUrl, logins.expert1);
  const secondExpert = await apiAs(baseUrl, logins.expert2);
  const me = (api: Api) => api<Me>('GET', '/auth/me');
  const [{ operatorId }, expertMe, secondMe] = await Promise.all([me(organiser), me(expert), me(secondExpert)]);
  const code = `${ROUND_PREFIX}N${Date.now().toString(36).toUpperCase()}`;
  const title = `Конкурс уведомлений ${code}`;
  let competition: RoundCompetition;
  let applicationId = '';
  let number = '';

  /** The page signed in as `login` (the token the SPA keeps), at `path`. */
  const as = async (login: Login, path: string) => {
    const token = await tokenOf(baseUrl, login);
    await page.goto('/');
    await page.evaluate((t) => localStorage.setItem('konkurs.token', t), token);
    await page.goto(path);
  };
  const bell = () => page.getByTestId('notification-bell');
  const bellSays = async (text: string | RegExp) => expect(bell()).toHaveAttribute('aria-label', text, { timeout: 15_000 });
  const fits = async (name: string) => {
    for (const w of WIDTHS) {
      await page.setViewportSize({ width: w.width, height: w.height });
      await page.waitForTimeout(200);
      expect(await widthOffences(page), `${name} at ${w.width} px`).toEqual([]);
      await keepScreenshot(`${name}-${w.width}`);
      await page.locator('header').first().screenshot({ path: `${ARTIFACTS}10-notifications-header-${name}-${w.width}.png` });
    }
  };

  await step('setup (API): a competition open for a minute, one expert per application, everyone’s inbox read', async () => {
    const now = Date.now();
    competition = await organiser<RoundCompetition>('POST', '/competitions', {
      code, title, description: 'Конкурс, по которому проверяются уведомления.', operatorId, directionCodes: ['family'],
      opensAt: new Date(now - 10 * 60_000).toISOString(), closesAt: new Date(now + 75_000).toISOString(),
      budgetKopecks: 100_000_000, minGrantKopecks: 0, maxGrantKopecks: 50_000_000, maxProjectMonths: 12, minCofinancingPercent: 0,
      reviewersPerApplication: 1, passMark: 50, maxApplicationsPerOrganization: 3,
    });
    competition = await organiser<RoundCompetition>('GET', `/competitions/${competition.id}`);
    await organiser('POST', `/competitions/${competition.id}/experts`, { expertIds: [expertMe.id] });
    await organiser('POST', `/competitions/${competition.id}/open`);
    for (const api of [organiser, applicant, expert, secondExpert]) await api('POST', '/notifications/read-all');
  });

  await step('the applicant submits (API): the bell shows 1', async () => {
    const orgs = await applicant<{ items: { id: string }[] } | { id: string }[]>('GET', '/organizations/mine');
    const organizationId = (Array.isArray(orgs) ? orgs : orgs.items)[0].id;
    const app = await applicant<{ id: string; number: string }>('POST', `/competitions/${competition.id}/applications`,
      { organizationId, ...completeDraft('Уведомления: семейный клуб', competition.closesAt, 300_000) });
    await applicant('POST', `/applications/${app.id}/submit`);
    applicationId = app.id;
    number = app.number;
    await as(logins.applicant, '/applicant');
    await bellSays('Уведомления: 1 непрочитанное');
    await expect(page.getByTestId('notification-badge')).toHaveText('1');
  });

  await step('the bell opens the inbox: «Заявка № … подана», unread; clicking it opens the application', async () => {
    await bell().click();
    await page.getByRole('heading', { level: 1, name: 'Уведомления' }).waitFor();
    const item = page.getByTestId('notification').filter({ hasText: `Заявка № ${number} подана` });
    await expect(item).toHaveAttribute('data-unread', 'true');
    await expect(item).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2} мск/);
    await checkPage('applicant-inbox');
    await item.getByRole('link', { name: `Заявка № ${number} подана` }).click();
    await page.waitForURL(`**/applicant/applications/${applicationId}`);
    await bellSays('Уведомления: нет непрочитанных');
    await expect(page.getByTestId('notification-badge')).toHaveCount(0);
  });

  await step('after the deadline the organiser admits it and the expert is assigned (API)', async () => {
    const wait = Date.parse(competition.closesAt) - Date.now() + 1500;
    if (wait > 0) await page.waitForTimeout(wait);
    await organiser('POST', `/competitions/${competition.id}/start-review`);
    await organiser('POST', `/applications/${applicationId}/screening`, { decision: 'admit' });
    await organiser('POST', `/competitions/${competition.id}/assignments/auto`, {});
  });

  await step('the applicant’s inbox shows the screening decision', async () => {
    await page.goto('/notifications');
    await bellSays('Уведомления: 1 непрочитанное');
    await page.getByTestId('notification').first().filter({ hasText: `Заявка № ${number} допущена к экспертизе` }).waitFor();
    await expect(page.getByTestId('notification').filter({ hasText: `Заявка № ${number} подана` })).not.toHaveAttribute('data-unread', 'true');
  });

  await step('the expert’s bell and inbox show the assignment; it opens the expert’s work', async () => {
    await as(logins.expert1, '/expert');
    await bellSays('Уведомления: 1 непрочитанное');
    await bell().click();
    const item = page.getByTestId('notification').filter({ hasText: `Новая заявка на экспертизу: № ${number}` });
    await expect(item).toHaveAttribute('data-unread', 'true');
    await expect(page.getByText(`Заявка № ${number} подана`)).toHaveCount(0);
    await checkPage('expert-inbox');
    await item.getByRole('link').click();
    await page.waitForURL('**/expert/**');
  });

  await step('the expert declines (a conflict of interest); another expert is assigned and reviews (API)', async () => {
    const { items } = await organiser<{ items: Assignment[] }>('GET', `/competitions/${competition.id}/assignments?limit=500`);
    const mine = items.find((a) => a.expertId === expertMe.id && a.applicationId === applicationId)!;
    await expert('POST', `/assignments/${mine.id}/decline`, { reason: 'Я состою в этой организации' });
    await organiser('POST', `/competitions/${competition.id}/experts`, { expertIds: [secondMe.id] });
    const second = await organiser<Assignment>('POST', '/assignments', { applicationId, expertId: secondMe.id });
    await reviewByApi(secondExpert, second.id, competition.criteria, 8);
  });

  await step('the organiser’s inbox: the conflict of interest and «Экспертиза … завершена»', async () => {
    await as(logins.organiser, '/organiser');
    await bellSays('Уведомления: 2 непрочитанных');
    await expect(page.getByTestId('notification-badge')).toHaveText('2');
    await bell().click();
    const items = page.getByTestId('notification');
    await items.filter({ hasText: `Конфликт интересов по заявке № ${number}` }).waitFor();
    await items.filter({ hasText: `Экспертиза конкурса ${code} завершена` }).waitFor();
    await expect(items.first()).toHaveAttribute('data-unread', 'true');
  });
  await checkPage('organiser-inbox');
  await step('the inbox fits a phone and a laptop', () => fits('organiser-inbox'));

  await step('only unread ones, then all marked read: the badge goes', async () => {
    await page.getByRole('checkbox', { name: 'Только непрочитанные' }).check();
    await expect(page.getByTestId('notification')).toHaveCount(2);
    await page.getByRole('button', { name: 'Отметить все как прочитанные' }).click();
    await see(page, 'Непрочитанных уведомлений нет');
    await bellSays('Уведомления: нет непрочитанных');
    await expect(page.getByTestId('notification-badge')).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Только непрочитанные' }).uncheck();
    await expect(page.locator('[data-testid="notification"][data-unread]')).toHaveCount(0);
  });

  await step('settings: an e-mail switch per kind; turned off, it stays off after a reload', async () => {
    await page.getByRole('link', { name: 'Настройки уведомлений' }).click();
    await page.getByRole('heading', { level: 1, name: 'Настройки уведомлений' }).waitFor();
    const done = page.getByRole('switch', { name: 'Письмом: Экспертиза завершена' });
    await expect(done).toBeChecked();
    await done.click({ force: true });
    await see(page, 'Настройки сохранены');
    await page.reload();
    await expect(page.getByRole('switch', { name: 'Письмом: Экспертиза завершена' })).not.toBeChecked();
    await expect(page.getByRole('switch', { name: 'Письмом: Заявка подана' })).toBeChecked();
    const saved = await organiser<{ email: Record<string, boolean> }>('GET', '/notification-settings');
    expect(saved.email['reviews-completed']).toBe(false);
  });
  await checkPage('settings');
  await step('settings: turned back on', async () => {
    await page.getByRole('switch', { name: 'Письмом: Экспертиза завершена' }).click({ force: true });
    await expect(page.getByRole('switch', { name: 'Письмом: Экспертиза завершена' })).toBeChecked();
    await expect.poll(async () => (await organiser<{ email: Record<string, boolean> }>('GET', '/notification-settings')).email['reviews-completed']).toBe(true);
  });

  await step('the admin’s outgoing e-mail lists the e-mails of the round and opens one', async () => {
    await as(logins.admin, '/admin/outbox');
    await page.getByRole('heading', { level: 1, name: 'Исходящие письма' }).waitFor();
    const row = page.getByTestId('outbox-row').filter({ hasText: `Заявка № ${number} подана` }).first();
    await expect(row).toContainText(logins.applicant.email);
    // The assignment went to the first expert, then (after the conflict) to the second: an e-mail each.
    for (const e of [logins.expert1, logins.expert2])
      await page.getByTestId('outbox-row').filter({ hasText: `Новая заявка на экспертизу: № ${number}` }).filter({ hasText: e.email }).first().waitFor();
    await page.getByTestId('outbox-row').filter({ hasText: `Конфликт интересов по заявке № ${number}` }).first().waitFor();
  });
  await checkPage('outbox');
  await step('the outgoing e-mail fits a phone and a laptop', () => fits('outbox'));

  await step('one e-mail: to whom, its text, its link', async () => {
    await page.getByTestId('outbox-row').filter({ hasText: `Заявка № ${number} подана` }).first().getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `Заявка № ${number} подана` }).waitFor();
    await expect(page.getByTestId('outbox-to')).toHaveText(logins.applicant.email);
    await expect(page.getByTestId('outbox-text')).toContainText(number);
    const link = page.getByRole('link', { name: 'Открыть ссылку из письма' });
    await expect(link).toHaveAttribute('href', new RegExp(`/applicant/applications/${applicationId}$`));
  });
  await checkPage('outbox-message');
  await step('one e-mail fits a phone and a laptop', () => fits('outbox-message'));

  await step('the e-mail’s unsubscribe link turns that kind off for its recipient, and says which', async () => {
    const text = (await page.getByTestId('outbox-text').textContent()) ?? '';
    const url = text.match(/https?:\/\/\S+\/unsubscribe\?token=[^\s]+/)?.[0];
    if (!url) throw new Error(`no unsubscribe link in the e-mail:\n${text}`);
    await page.goto(new URL(url).pathname + new URL(url).search);
    await page.getByRole('heading', { level: 1, name: 'Отписка от писем' }).waitFor();
    await expect(page.getByTestId('unsubscribed')).toContainText('Письма «Заявка подана» больше не будут приходить.');
    await expect(page.getByRole('link', { name: 'Настройки уведомлений' })).toHaveAttribute('href', '/notifications/settings');
    expect((await applicant<{ email: Record<string, boolean> }>('GET', '/notification-settings')).email['application-submitted']).toBe(false);
    await applicant('PUT', '/notification-settings', { email: { 'application-submitted': true } });
  });
  await checkPage('unsubscribed');
});

