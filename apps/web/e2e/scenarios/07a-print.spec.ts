// Printing (issue 9, item 14): the submitted application (the applicant's view and the expert's) and the published
// results print cleanly. In print media the header, navigation, language switch, buttons and toasts are gone and
// the content is there: the title, the competition, the organisation's ИНН, ОГРН and КПП, the plan's tasks, the
// budget's total row. Each page is also printed to PDF and its pages rendered to PNG (pdftoppm) to be looked at.
// Runs on the demo's data (KLG-2026 published, KLG-MOL-2027 in review): it needs no round.
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, test, type Role } from '../fixtures';
import { apiAs } from '../staff';

type Summary = { id: string; status: string; submittedAt: string | null; competitionCode: string };
type Competition = { id: string; code: string; title: string };
type Assignment = { id: string; status: string; applicationId: string };

/** What print media must leave out, and what it must keep. */
async function checkPrinted(page: Page, keep: (string | RegExp)[]) {
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.mantine-AppShell-header')).toBeHidden();
  await expect(page.locator('.mantine-SegmentedControl-root:visible')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Печать', exact: true })).toBeHidden();
  expect(await page.locator('button:visible').count(), 'buttons left on paper').toBe(await page.locator('button.mantine-Anchor-root:visible').count());
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const text of keep) await expect(page.getByText(text).first()).toBeVisible();
  const color = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]);
  expect(color[0]).toBe('rgb(0, 0, 0)');
}

/** The page printed to A4 PDF, each sheet rendered to PNG at 60 dpi beside the screenshots. */
async function printToPng(page: Page, name: string) {
  const pdf = `${ARTIFACTS}07a-print-${name}.pdf`;
  await page.pdf({ path: pdf, format: 'A4', printBackground: false });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, `${ARTIFACTS}07a-print-${name}`]);
  await page.emulateMedia({ media: 'screen' });
}

function as(role: Role) {
  test.use({ signedInAs: role });
}

test.describe('the applicant', () => {
  as('applicant');
  test('prints a submitted application: organisation, plan with tasks, budget with its total row', async ({ page, baseUrl, logins, step, keepScreenshot }) => {
    const api = await apiAs(baseUrl, logins.applicant);
    const { items } = await api<{ items: Summary[] }>('GET', '/applications?limit=500');
    const app = items.find((a) => a.submittedAt && a.competitionCode === 'KLG-2026') ?? items.find((a) => a.submittedAt);
    if (!app) throw new Error('the demo applicant has no submitted application');
    await step('on screen: a Печать button', async () => {
      await page.goto(`/applicant/applications/${app.id}`);
      await page.getByRole('button', { name: 'Печать', exact: true }).waitFor();
      await keepScreenshot('application-1280');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('[role="region"]'))
        .slice(0, 5).map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">${(e.textContent ?? '').slice(0, 40)}`));
      expect.soft(wide, 'what sticks out of the page at 390 px').toEqual([]);
      await keepScreenshot('application-390');
      await page.setViewportSize({ width: 1280, height: 900 });
    });
    await step('in print: no header, language switch or buttons; the content is there', async () => {
      await checkPrinted(page, ['ИНН', 'ОГРН', 'КПП', 'Итого', 'Календарный план', /Конкурс: KLG-/]);
      await keepScreenshot('application-print-media');
      await printToPng(page, 'application');
    });
  });
});

test.describe('the expert', () => {
  as('expert1');
  test('prints the application under review', async ({ page, baseUrl, logins, step }) => {
    const api = await apiAs(baseUrl, logins.expert1);
    const { items } = await api<{ items: Assignment[] }>('GET', '/assignments/mine?limit=500');
    const mine = items.find((a) => a.status === 'assigned') ?? items[0];
    if (!mine) throw new Error('the demo expert has no assignment');
    await page.goto(`/expert/assignments/${mine.id}`);
    await page.getByRole('button', { name: 'Печать', exact: true }).waitFor();
    await step('in print', async () => {
      await checkPrinted(page, ['ИНН', 'Итого']);
      await printToPng(page, 'expert');
    });
  });
});

test.describe('the public', () => {
  test('prints the published results', async ({ page, baseUrl, logins, step, keepScreenshot }) => {
    const api = await apiAs(baseUrl, logins.organiser);
    const { items } = await api<{ items: Competition[] }>('GET', '/competitions?limit=500');
    const published = items.find((c) => c.code === 'KLG-2026')!;
    await page.goto(`/competitions/${published.id}/results`);
    await page.getByRole('button', { name: 'Печать', exact: true }).waitFor();
    await keepScreenshot('results-1280');
    await step('in print: the registry without the search form', async () => {
      await checkPrinted(page, [published.title]);
      await expect(page.getByRole('columnheader', { name: 'ИНН' })).toBeVisible();
      await expect(page.getByRole('search')).toBeHidden();
      await printToPng(page, 'results');
    });
  });
});
