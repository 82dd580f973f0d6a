// Every main page of every role fits a phone (390 px) and a laptop (1280 px) (issue 9, item 7): the page never
// scrolls sideways (wide tables scroll in their own region) and no badge, tab, menu or navigation entry is cut
// (e2e/widths.ts says how that is measured). Runs after the round (03…07), so that the ranking, the awards and
// the results have data. Each page is kept as a screenshot at both widths; each offence is reported by page
// and width, and the scenario goes on to the next page.
import type { Page } from '@playwright/test';
import { expect, test, type Login } from '../fixtures';
import { apiAs, completeDraft, roundCompetition, signIn, type Api, type RoundCompetition } from '../staff';
import { WIDTHS, widthOffences } from '../widths';

type Visit = { name: string; path: string };
type Summary = { id: string; status: string; competitionId?: string };
type Listed<T> = { items: T[] } | T[];
const items = <T,>(r: Listed<T>): T[] => (Array.isArray(r) ? r : r.items);

/** The page has drawn what it loads: its heading, no spinner, no request in flight, no transition running. */
async function settle(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
}

/** Opens each page at both widths, keeps a screenshot of it and reports what does not fit, page by page. */
async function measure(page: Page, visits: Visit[], step: (name: string, fn: () => Promise<void>) => Promise<void>, keepScreenshot: (name: string) => Promise<string>) {
  for (const { name, width, height } of WIDTHS) {
    await page.setViewportSize({ width, height });
    for (const visit of visits) {
      await step(`${visit.name} at ${width} px`, async () => {
        await page.goto(visit.path);
        // A page that does not load is reported like one that does not fit, and the next page is measured.
        const loaded = await settle(page).then(() => '', (e: Error) => e.message.split('\n')[0]);
        const offences = await widthOffences(page);
        await keepScreenshot(`${visit.name}-${width}`);
        expect.soft(loaded, `${visit.name} (${visit.path}) at ${width} px did not finish loading`).toBe('');
        expect.soft(offences, `${visit.name} (${visit.path}) at ${width} px (${name}) does not fit`).toEqual([]);
      });
      if (name === 'phone' && visit === visits[0]) await step(`the menu behind the burger at ${width} px`, async () => {
        // Below 1200 px the navigation is a drawer: every entry of the role's menu is read whole there.
        await page.getByRole('button', { name: 'Открыть меню' }).click();
        const drawer = page.locator('.mantine-AppShell-navbar');
        await expect(drawer.getByRole('link').first()).toBeInViewport({ ratio: 1 });
        await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
        const offences = await widthOffences(page);
        await keepScreenshot(`menu-${visit.name}-${width}`);
        expect.soft(offences, `the menu on ${visit.name} at ${width} px does not fit`).toEqual([]);
        await page.getByRole('button', { name: 'Открыть меню' }).click();
      });
    }
  }
}

async function klg(api: Api): Promise<RoundCompetition> {
  const { items: open } = await api<{ items: RoundCompetition[] }>('GET', '/competitions?status=open');
  return open.find((c) => c.code === 'KLG-2027') ?? open[0];
}

test.describe('every main page fits 390 and 1280 px', () => {
  test('public pages', async ({ page, baseUrl, logins, step, keepScreenshot }) => {
    const organiser = await apiAs(baseUrl, logins.organiser);
    const round = await roundCompetition(organiser);
    const open = await klg(organiser);
    await measure(page, [
      { name: 'home', path: '/' },
      { name: 'competition-open', path: `/competitions/${open.id}` },
      // The round's own page is public once its results are (when the awards scenario did its part).
      ...(round.status === 'published' ? [{ name: 'competition-round', path: `/competitions/${round.id}` }] : []),
      { name: 'results', path: `/competitions/${round.id}/results` },
      { name: 'sign-in', path: '/signin' },
      { name: 'sign-up', path: '/signup' },
    ], step, keepScreenshot);
  });

  test.describe(() => {
    test.use({ signedInAs: 'applicant' });
    test('the applicant’s pages', async ({ page, baseUrl, logins, step, keepScreenshot }) => {
      const applicant = await apiAs(baseUrl, logins.applicant);
      const mine = items(await applicant<Listed<Summary>>('GET', '/applications?limit=100'));
      const submitted = mine.find((a) => a.status === 'winner') ?? mine.find((a) => a.status !== 'draft');
      if (!submitted) throw new Error('the demo applicant has no submitted application: run scenario 03 first');
      // A draft with every section filled, so that each editor step shows its tables.
      const open = await klg(applicant);
      const organizationId = items(await applicant<Listed<{ id: string }>>('GET', '/organizations/mine'))[0].id;
      let draft = mine.find((a) => a.status === 'draft');
      draft ??= await applicant<Summary>('POST', `/competitions/${open.id}/applications`, { organizationId, title: 'Проверка ширины экранов' });
      const full = await applicant<{ version: number }>('GET', `/applications/${draft.id}`);
      await applicant('PATCH', `/applications/${draft.id}`, { version: full.version, ...completeDraft('Проверка ширины экранов', open.closesAt, 300_000) })
        .catch((e: Error) => console.log(`      the draft keeps its content: ${e.message.slice(0, 200)}`));
      await measure(page, [
        { name: 'my-applications', path: '/applicant' },
        { name: 'application', path: `/applicant/applications/${submitted.id}` },
        ...['card', 'team', 'plan', 'budget', 'attachments', 'review'].map((s, i) => ({ name: `editor-${s}`, path: `/applicant/applications/${draft.id}?step=${i}` })),
        { name: 'new-application', path: `/applicant/applications/new?competitionId=${open.id}` },
        { name: 'organizations', path: '/applicant/organizations' },
      ], step, keepScreenshot);
    });
  });

  test('the expert’s pages', async ({ page, baseUrl, logins, step, keepScreenshot }) => {
    // A demo expert with work: the queue and one review.
    let who: Login | undefined;
    let assignment = '';
    for (const login of [logins.expert1, logins.expert2, logins.expert3]) {
      const queue = items(await (await apiAs(baseUrl, login))<Listed<{ id: string; status: string }>>('GET', '/assignments/mine?limit=100'));
      const one = queue.find((a) => a.status === 'submitted') ?? queue[0];
      if (one) { who = login; assignment = one.id; break; }
    }
    if (!who) throw new Error('no demo expert has an assignment: run scenario 03 first');
    await signIn(page, who);
    await measure(page, [
      { name: 'queue', path: '/expert' },
      { name: 'review', path: `/expert/assignments/${assignment}` },
    ], step, keepScreenshot);
  });

  test.describe(() => {
    test.use({ signedInAs: 'organiser' });
    test('the organiser’s pages', async ({ page, baseUrl, logins, step, keepScreenshot }) => {
      const organiser = await apiAs(baseUrl, logins.organiser);
      const round = await roundCompetition(organiser);
      const open = await klg(organiser);
      await measure(page, [
        { name: 'competitions', path: '/organiser' },
        { name: 'new-competition', path: '/organiser/competitions/new' },
        ...['settings', 'screening', 'experts', 'ranking', 'awards'].map((tab) => ({ name: `round-${tab}`, path: `/organiser/competitions/${round.id}/${tab}` })),
        { name: 'open-settings', path: `/organiser/competitions/${open.id}/settings` },
        { name: 'operator-experts', path: '/organiser/experts' },
      ], step, keepScreenshot);
    });
  });

  for (const role of ['official', 'federalOfficial'] as const) {
    test.describe(() => {
      test.use({ signedInAs: role });
      test(`the ${role}’s dashboard`, async ({ page, step, keepScreenshot }) => {
        await measure(page, [{ name: `dashboard-${role}`, path: '/official' }], step, keepScreenshot);
      });
    });
  }

  test.describe(() => {
    test.use({ signedInAs: 'admin' });
    test('the admin’s pages', async ({ page, step, keepScreenshot }) => {
      await measure(page, [
        { name: 'users', path: '/admin/users' },
        { name: 'operators', path: '/admin/operators' },
        { name: 'audit', path: '/admin/audit' },
      ], step, keepScreenshot);
    });
  });
});
