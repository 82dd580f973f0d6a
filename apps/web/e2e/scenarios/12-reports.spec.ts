// After the award, on a round of its own (it needs no other scenario): a competition open for a minute with its
// commission and no interim reports (the final report is the only one), the demo applicant's application reviewed,
// awarded and published (API); then through the screens: the winner opens «Отчёты» on its winning application,
// downloads the agreement and the application as PDFs, fills the final report (the event, the spending line, the
// narrative) and submits it; the organiser finds it in «Отчётность» and returns it with a comment on the spending
// line; the winner sees the comment beside that field, fixes the amount and submits again; the organiser accepts it,
// and downloads the protocol; the official sees the spent sum and the accepted report on the dashboard. Each PDF
// starts with %PDF and its text (pdfjs-dist, as the API's tests read it) holds the application's number.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Download, Page } from '@playwright/test';
import { formatMoney } from '@konkurs/shared';
import { expect, fillDate, see, test, type Login } from '../fixtures';
import { ROUND_PREFIX, apiAs, completeDraft, reviewByApi, type RoundCompetition } from '../staff';
import { WIDTHS, widthOffences } from '../widths';

type Me = { id: string; operatorId: string | null };
type Summary = { id: string; kind: string; status: string; dueAt: string; grantSpentKopecks: number };
type Totals = { total: Record<string, number> };

const REQUESTED = 300_000;
const FIRST_GRANT = 280_000;
const FIXED_GRANT = 290_000;
const COFINANCING = 75_000;
const RESULT = 'Помещение отремонтировано и оборудовано: покрашены стены, заменены окна, закуплены столы и стулья для занятий.';
const NARRATIVE = 'Центр поддержки семей открыт: за время проекта в нём прошли 24 встречи для родителей, центр посетили 180 семей микрорайона.';
const COMMENT = 'Сумма не совпадает с актом выполненных работ: по акту израсходовано 290 000 рублей.';

const apiRequire = createRequire(new URL('../../../api/package.json', import.meta.url));

/** The text of a PDF, page after page, as pdfjs-dist extracts it (the legacy build runs in Node). */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import(pathToFileURL(apiRequire.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href);
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += `${content.items.map((i: { str?: string }) => i.str ?? '').join(' ')}\n`;
  }
  return text;
}

/** Clicks the button that downloads a document; the file is a PDF whose text holds `expected`. */
async function downloadPdf(page: Page, button: string, expected: string[]) {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).first().click()]);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1'), `${button}: a PDF`).toBe('%PDF-');
  // Compared without spaces: pdfmake may break a line at a hyphen, and the extractor's items then part there.
  const text = (await pdfText(bytes)).replace(/\s+/g, '');
  for (const e of expected) expect(text, `${button} holds ${e}`).toContain(e.replace(/\s+/g, ''));
}

async function tokenOf(baseUrl: string, login: Login): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) });
  if (!res.ok) throw new Error(`login ${login.email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

test('a winner reports, the organiser returns it with a comment, the winner fixes it, the organiser accepts, the official sees the figures', async ({ page, baseUrl, logins, step, checkPage, keepScreenshot }) => {
  const organiser = await apiAs(baseUrl, logins.organiser);
  const applicant = await apiAs(baseUrl, logins.applicant);
  // Every demo expert in the pool: an earlier scenario (10) has one of them declare a conflict with this applicant's
  // organisation, and the automatic assignment then picks another.
  const experts = await Promise.all([logins.expert1, logins.expert2, logins.expert3].map((l) => apiAs(baseUrl, l)));
  const official = await apiAs(baseUrl, logins.official);
  const [{ operatorId }, ...expertsMe] = await Promise.all([organiser<Me>('GET', '/auth/me'), ...experts.map((e) => e<Me>('GET', '/auth/me'))]);
  const code = `${ROUND_PREFIX}R${Date.now().toString(36).toUpperCase()}`;
  const title = `Конкурс отчётов ${code}`;
  const projectTitle = 'Отчёты: центр поддержки семей';
  let competition: RoundCompetition;
  let applicationId = '';
  let number = '';
  let reportId = '';

  /** The page signed in as `login` (the token the SPA keeps), at `path`. */
  const as = async (login: Login, path: string) => {
    const token = await tokenOf(baseUrl, login);
    await page.goto('/');
    await page.evaluate((t) => localStorage.setItem('konkurs.token', t), token);
    await page.goto(path);
  };
  const fits = async (name: string) => {
    for (const w of WIDTHS) {
      await page.setViewportSize({ width: w.width, height: w.height });
      // The navigation slides out of a phone's window: let it finish.
      await page.waitForTimeout(200);
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
      expect(await widthOffences(page), `${name} at ${w.width} px`).toEqual([]);
      await keepScreenshot(`${name}-${w.width}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  const reportOf = () => applicant<Summary[]>('GET', `/applications/${applicationId}/reports`);

  await step('setup (API): a competition open for a minute, its commission, only a final report; the applicant submits', async () => {
    const now = Date.now();
    competition = await organiser<RoundCompetition>('POST', '/competitions', {
      code, title, description: 'Конкурс, по которому проверяется отчётность победителей.', operatorId, directionCodes: ['family'],
      opensAt: new Date(now - 10 * 60_000).toISOString(), closesAt: new Date(now + 75_000).toISOString(),
      budgetKopecks: 100_000_000, minGrantKopecks: 0, maxGrantKopecks: 50_000_000, maxProjectMonths: 12, minCofinancingPercent: 0,
      reviewersPerApplication: 1, passMark: 50, maxApplicationsPerOrganization: 3,
    });
    competition = await organiser<RoundCompetition>('GET', `/competitions/${competition.id}`);
    await organiser('POST', `/competitions/${competition.id}/experts`, { expertIds: expertsMe.map((e) => e.id) });
    await organiser('PUT', `/competitions/${competition.id}/commission`, { members: [
      { fullName: 'Лебедев Андрей Викторович', position: 'Заместитель министра', role: 'chair' },
      { fullName: 'Кузнецова Елена Петровна', position: 'Начальник отдела', role: 'secretary' },
      { fullName: 'Орлов Дмитрий Сергеевич', position: 'Председатель Общественной палаты', role: 'member' },
    ] });
    await organiser('PUT', `/competitions/${competition.id}/report-schedule`, { interimDates: [] });
    await organiser('POST', `/competitions/${competition.id}/open`);
    const orgs = await applicant<{ items: { id: string }[] } | { id: string }[]>('GET', '/organizations/mine');
    const organizationId = (Array.isArray(orgs) ? orgs : orgs.items)[0].id;
    const app = await applicant<{ id: string; number: string }>('POST', `/competitions/${competition.id}/applications`,
      { organizationId, ...completeDraft(projectTitle, competition.closesAt, REQUESTED) });
    await applicant('POST', `/applications/${app.id}/submit`);
    applicationId = app.id;
    number = app.number;
  });

  await step('setup (API): after the deadline it is admitted, reviewed, awarded and the results published', async () => {
    const wait = Date.parse(competition.closesAt) - Date.now() + 1500;
    if (wait > 0) await page.waitForTimeout(wait);
    await organiser('POST', `/competitions/${competition.id}/start-review`);
    await organiser('POST', `/applications/${applicationId}/screening`, { decision: 'admit' });
    await organiser('POST', `/competitions/${competition.id}/assignments/auto`, {});
    const { items } = await organiser<{ items: { id: string; applicationId: string; expertId: string }[] }>('GET', `/competitions/${competition.id}/assignments?limit=500`);
    const assignment = items.find((a) => a.applicationId === applicationId)!;
    await reviewByApi(experts[expertsMe.findIndex((e) => e.id === assignment.expertId)]!, assignment.id, competition.criteria, 8);
    await organiser('POST', `/competitions/${competition.id}/awards`, { mode: 'stop' });
    await organiser('POST', `/competitions/${competition.id}/publish`);
    const reports = await reportOf();
    expect(reports.map((r) => [r.kind, r.status])).toEqual([['final', 'due']]);
    reportId = reports[0].id;
  });

  await step('the winner opens «Отчёты» on its application: the final report and its due date, the documents', async () => {
    await as(logins.applicant, `/applicant/applications/${applicationId}`);
    await page.getByRole('heading', { name: 'Отчёты' }).first().waitFor();
    const [due] = await reportOf();
    const dueDay = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(due.dueAt));
    await see(page, 'Итоговый отчёт');
    await see(page, new RegExp(dueDay.replace(/\./g, '\\.')));
  });
  await checkPage('applicant-reports');

  await step('the agreement and the application download as PDFs with the application’s number', async () => {
    await downloadPdf(page, 'Соглашение (PDF)', [number]);
    await downloadPdf(page, 'Заявка (PDF)', [number]);
  });

  await step('the winner fills the report: the event, the spending line, the narrative', async () => {
    await page.getByRole('link', { name: /Итоговый отчёт|Заполнить/ }).first().click();
    await page.waitForURL(`**/${reportId}**`);
    // Events: the plan's one event, done on its dates.
    await page.getByRole('textbox', { name: /Мероприятие 1.*Выполнение/ }).click();
    await page.getByRole('option', { name: 'Выполнено', exact: true }).click();
    const plan = completeDraft(projectTitle, competition.closesAt, REQUESTED).calendarPlan[0];
    await fillDate(page, 'Фактическое начало', plan.startDate);
    await fillDate(page, 'Фактическое окончание', plan.endDate);
    await page.getByLabel('Достигнутый результат').fill(RESULT);
    // The date field's calendar, opened as the date was typed, closes (as a person dismisses it).
    await page.keyboard.press('Escape');
    await page.locator('#step-title').click();
    await page.locator('.mantine-DateInput-calendarHeaderControl').first().waitFor({ state: 'detached' });
    await checkPage('report-events');
    await page.getByRole('button', { name: 'Далее' }).click();
    // Spending: what the grant and the co-financing paid of the line.
    await page.getByRole('textbox', { name: /Строка 1.*Израсходовано из гранта/ }).fill(String(FIRST_GRANT));
    await page.getByRole('textbox', { name: /Строка 1.*Израсходовано софинансирования/ }).fill(String(COFINANCING));
    await page.getByRole('textbox', { name: /Строка 1.*Израсходовано софинансирования/ }).press('Tab');
    await page.getByTestId('grant-spent-total').filter({ hasText: formatMoney(FIRST_GRANT * 100) }).waitFor();
    await checkPage('report-spending');
    await page.getByRole('button', { name: 'Далее' }).click();
    // Documents: none needed here.
    await page.getByRole('button', { name: 'Далее' }).click();
    await page.getByLabel('Описание хода реализации проекта').fill(NARRATIVE);
    await page.getByRole('button', { name: 'Далее' }).click();
    await see(page, 'Проверьте отчёт перед отправкой');
    await checkPage('report-check');
  });

  await step('submits it: «На проверке»', async () => {
    await page.getByRole('button', { name: 'Отправить отчёт' }).click();
    await page.getByRole('dialog', { name: 'Отправить отчёт организатору?' }).getByRole('button', { name: 'Отправить отчёт' }).click();
    await see(page, 'Отчёт отправлен организатору');
    await expect.poll(async () => (await reportOf())[0].status).toBe('submitted');
  });
  await fits('report-submitted');

  await step('the organiser opens «Отчётность»: the report is there, submitted', async () => {
    await as(logins.organiser, `/organiser/competitions/${competition.id}`);
    await page.getByRole('tab', { name: 'Отчётность' }).click();
    const table = page.getByRole('table', { name: 'Отчёты победителей' });
    await table.getByRole('row').filter({ hasText: number }).filter({ hasText: 'На проверке' }).waitFor();
  });
  await checkPage('organiser-reporting');
  await fits('organiser-reporting');

  await step('returns it with a comment on the spending line’s grant amount', async () => {
    await page.getByRole('table', { name: 'Отчёты победителей' }).getByRole('link', { name: /Открыть/ }).first().click();
    await page.getByRole('heading', { name: new RegExp(`Итоговый отчёт по заявке ${number}`) }).waitFor();
    await page.getByRole('button', { name: /Замечание: .*строка сметы 1.*израсходовано из гранта/ }).click();
    await page.getByRole('textbox', { name: /Замечание: .*строка сметы 1.*израсходовано из гранта/ }).fill(COMMENT);
    await page.getByLabel('Общий комментарий').fill('Исправьте сумму расходов из гранта.');
    await checkPage('organiser-report-review');
    await page.getByRole('button', { name: 'Вернуть на доработку' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Вернуть на доработку|Подтвердить/ }).click();
    await see(page, 'Отчёт возвращён на доработку');
    await expect.poll(async () => (await reportOf())[0].status).toBe('returned');
  });

  await step('the winner sees the comment beside the spending line, fixes the amount and submits again', async () => {
    await as(logins.applicant, `/applicant/applications/${applicationId}`);
    await see(page, 'Возвращён на доработку');
    await page.getByRole('link', { name: /Итоговый отчёт|Доработать/ }).first().click();
    await page.waitForURL(`**/${reportId}**`);
    await see(page, 'Отчёт возвращён на доработку');
    await page.getByRole('button', { name: /Расходы/ }).first().click();
    const comment = page.locator('[data-testid="field-comment"][data-path="spending.0.grantSpentKopecks"]');
    await comment.filter({ hasText: COMMENT }).waitFor();
    await checkPage('report-returned-comment');
    const grant = page.getByRole('textbox', { name: /Строка 1.*Израсходовано из гранта/ });
    await grant.fill(String(FIXED_GRANT));
    await grant.press('Tab');
    await page.getByTestId('grant-spent-total').filter({ hasText: formatMoney(FIXED_GRANT * 100) }).waitFor();
    await page.getByRole('button', { name: /Проверка и отправка/ }).first().click();
    await page.getByRole('button', { name: 'Отправить отчёт' }).click();
    await page.getByRole('dialog', { name: 'Отправить отчёт организатору?' }).getByRole('button', { name: 'Отправить отчёт' }).click();
    await see(page, 'Отчёт отправлен организатору');
    await expect.poll(async () => (await reportOf())[0].status).toBe('submitted');
  });

  await step('the organiser accepts it; the history keeps both rounds', async () => {
    await as(logins.organiser, `/organiser/competitions/${competition.id}`);
    await page.getByRole('tab', { name: 'Отчётность' }).click();
    await page.getByRole('table', { name: 'Отчёты победителей' }).getByRole('link', { name: /Открыть/ }).first().click();
    await see(page, 'Сдача 2');
    await page.getByRole('button', { name: 'Принять отчёт' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /Принять отчёт|Подтвердить/ }).click();
    await see(page, 'Отчёт принят');
    await expect.poll(async () => (await reportOf())[0].status).toBe('accepted');
  });
  await checkPage('organiser-report-accepted');

  await step('the protocol downloads as a PDF with the application’s number and the commission', async () => {
    await page.goto(`/organiser/competitions/${competition.id}`);
    await page.getByRole('tab', { name: 'Комиссия' }).click();
    await see(page, 'Лебедев Андрей Викторович');
    await downloadPdf(page, 'Скачать протокол (PDF)', [number, 'Лебедев']);
  });

  await step('the official sees the spent sum and the accepted report on the dashboard', async () => {
    const totals = await official<Totals>('GET', `/stats/totals?groupBy=competition&competitionId=${competition.id}`);
    expect(totals.total).toMatchObject({ spentKopecks: FIXED_GRANT * 100, reportsAccepted: 1, reportsOverdue: 0 });
    await as(logins.official, '/official');
    const select = page.getByRole('textbox', { name: 'Конкурс' }).first();
    await select.click();
    await select.fill(code);
    await page.getByRole('option', { name: new RegExp(code) }).first().click();
    const table = page.getByTestId('totals-table');
    await table.getByText(formatMoney(FIXED_GRANT * 100)).first().waitFor();
    await table.getByRole('columnheader', { name: /Принято отчётов|Отчётов принято/ }).waitFor();
  });
  await checkPage('official-dashboard');

  await step('the competition is complete: its last report accepted, none owed', async () => {
    const reports = await reportOf();
    expect(reports.map((r) => r.status)).toEqual(['accepted']);
  });
});
