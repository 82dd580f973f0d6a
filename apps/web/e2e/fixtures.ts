// What a scenario gets beside Playwright's own fixtures: the platform's address and known logins, a page
// signed in as a role (`test.use({ signedInAs: 'organiser' })`), named steps (each counted by the tally
// reporter), axe-core and language checks of a page, screenshots kept in e2e/artifacts/, and a failure for
// any Content Security Policy violation on the page.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { foreignText, visibleText } from './language';

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
// Evaluated through DevTools, as the page's own policy (no inline script) would refuse it as a <script> tag.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Login = { email: string; password: string };
export type Role = 'admin' | 'organiser' | 'official' | 'federalOfficial' | 'expert1' | 'expert2' | 'expert3' | 'applicant';
export type Logins = Record<Role, Login>;

/** The administrator the global setup creates (ADMIN_EMAIL), or the one of a platform given by E2E_BASE_URL. */
export const ADMIN: Login = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'e2e-admin@konkurs.test',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-1',
};
// The demo seed's accounts (apps/api/src/seed.ts).
export const DEMO_PASSWORD = 'Konkurs-demo-2026';
const demo = (email: string): Login => ({ email, password: DEMO_PASSWORD });
export const LOGINS: Logins = {
  admin: ADMIN,
  organiser: demo('organiser@konkurs.demo'),
  official: demo('official@konkurs.demo'),
  federalOfficial: demo('federal.official@konkurs.demo'),
  expert1: demo('expert1@konkurs.demo'),
  expert2: demo('expert2@konkurs.demo'),
  expert3: demo('expert3@konkurs.demo'),
  applicant: demo('applicant@konkurs.demo'),
};

/** Screenshots of an earlier run would mislead: each run starts with an empty folder. */
export function clearArtifacts() {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
}

/** The session token the SPA keeps (apps/web/src/auth/token.ts), from a sign-in through the API. */
async function sessionToken(baseUrl: string, login: Login): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(login) });
  if (!res.ok) throw new Error(`login ${login.email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

type Fixtures = {
  /** The role the page is signed in as before the scenario starts; none by default. */
  signedInAs: Role | undefined;
  baseUrl: string;
  logins: Logins;
  /** Runs one named step; a failure ends the scenario, as a failed step ends a person's task. */
  step: (name: string, fn: () => Promise<void>) => Promise<void>;
  /** axe-core (WCAG 2.1 A/AA; serious or critical violations fail), a screenshot, then the language check. */
  checkPage: (name: string) => Promise<void>;
  /**
   * No English sentence and no raw ISO instant in the visible text (and a screenshot of it, for an error the
   * scenario provoked). A soft check: it is counted as a failed step but the scenario goes on, since the
   * later scenarios build on this one's data.
   */
  checkLanguage: (name: string) => Promise<void>;
  /** A full-page screenshot kept in e2e/artifacts/ (Playwright's own are kept on failure, in e2e/test-results/). */
  keepScreenshot: (name: string) => Promise<string>;
};

export const test = base.extend<Fixtures>({
  signedInAs: [undefined, { option: true }],
  baseUrl: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error('no baseURL: the global setup did not start the platform (or set E2E_BASE_URL)');
    await use(baseURL);
  },
  logins: async ({}, use) => use(LOGINS),
  storageState: async ({ signedInAs, baseUrl }, use) => {
    if (!signedInAs) return use(undefined);
    const token = await sessionToken(baseUrl, LOGINS[signedInAs]);
    await use({ cookies: [], origins: [{ origin: new URL(baseUrl).origin, localStorage: [{ name: 'konkurs.token', value: token }] }] });
  },
  page: async ({ page }, use, testInfo) => {
    page.on('pageerror', (e) => console.log(`      page error (${testInfo.title}): ${e.message}`));
    const violations = await recordCspViolations(page);
    await use(page);
    expect(violations, 'the page broke its Content Security Policy (plugins/headers.ts in the API)').toEqual([]);
  },
  step: async ({}, use) => use((name, fn) => test.step(name, fn)),
  keepScreenshot: async ({ page }, use, testInfo) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const scenario = basename(testInfo.file).replace(/\.spec\.ts$/, '');
    let shot = 0;
    await use(async (name) => {
      const path = `${ARTIFACTS}${scenario}-${String(++shot).padStart(2, '0')}-${name.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.png`;
      await page.screenshot({ path, fullPage: true });
      return path;
    });
  },
  checkLanguage: async ({ page, keepScreenshot }, use) => {
    await use(async (name) => {
      await keepScreenshot(name);
      await languageStep(page, name);
    });
  },
  checkPage: async ({ page, keepScreenshot }, use) => {
    await use(async (name) => {
      await test.step(`axe: ${name}`, async () => {
        await page.evaluate(AXE_SOURCE);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
          // A toast fading in or out has a contrast it never has at rest: let running transitions finish first.
          await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
        });
        await keepScreenshot(name);
        const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        for (const v of violations.filter((x) => !bad.includes(x))) console.log(`      note (${v.impact}): ${v.id} — ${v.help}`);
        if (bad.length) throw new Error(bad.map((v) => `${v.impact}: ${v.id} — ${v.help}\n  at ${v.targets.join('\n  at ')}`).join('\n'));
      });
      await languageStep(page, name);
    });
  },
});

/**
 * Every Content Security Policy violation on the scenario's page, from the browser's event (handed to the test
 * at once, so a later navigation loses none) and from its console, which reports each refusal too.
 */
async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__konkursCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __konkursCspViolation: (v: string) => void }).__konkursCspViolation;
      void report(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`.trim());
    });
  });
  page.on('console', (m) => { if (m.text().includes('Content Security Policy')) violations.push(`console: ${m.text()}`); });
  return violations;
}

function languageStep(page: Page, name: string) {
  return test.step(`language: ${name}`, async () => {
    const found = foreignText(await visibleText(page));
    expect.soft(found, `the Russian screen "${name}" shows English or a raw ISO instant`).toEqual([]);
  });
}

export { expect };

/** Waits until some element with this text is visible. */
export async function see(page: Page, text: string | RegExp, timeout = 15_000) {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout });
}

/** Picks an option in a Mantine Select / MultiSelect identified by its label. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp, search?: string) {
  const input = page.getByRole('textbox', { name: label }).first();
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

const labelled = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
/** `2027-02-01` or `2027-02-01T18:00` → `01.02.2027` (what a Russian date field reads). */
const russianDay = (value: string) => (/^\d{4}-\d{2}-\d{2}/.test(value) ? `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}` : value);

/** Types a day into a DateField (components/date-fields.tsx) found by its label: `01.02.2027` (or `2027-02-01`). */
export async function fillDate(page: Page, label: string, date: string) {
  const input = page.getByRole('textbox', { name: labelled(label) }).first();
  await input.fill(russianDay(date));
  await input.press('Tab');
}

/**
 * Types a date and a 24-hour time into a DateTimeField found by its label: `01.02.2027 18:00` (or the wall clock
 * `2027-02-01T18:00`), in the zone the field is for.
 */
export async function fillDateTime(page: Page, label: string, value: string) {
  const [day, time] = /^\d{4}-\d{2}-\d{2}T/.test(value) ? [russianDay(value), value.slice(11, 16)] : value.trim().split(/\s+/);
  const date = page.getByRole('textbox', { name: `${label}: дата` });
  await date.fill(day);
  await date.press('Tab');
  await page.getByRole('textbox', { name: `${label}: время` }).fill(time);
  await page.getByRole('textbox', { name: `${label}: время` }).press('Tab');
}
