// What a scenario gets: the page, the platform's address, known logins, and helpers that report each
// step (PASS/FAIL), check accessibility with axe-core and save screenshots.
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export type Login = { email: string; password: string };
export type Logins = Record<'admin' | 'organiser' | 'official' | 'federalOfficial' | 'expert1' | 'expert2' | 'expert3' | 'applicant', Login>;

export type Ctx = {
  page: Page;
  baseUrl: string;
  logins: Logins;
  /** Runs one named step; a failure is reported and ends the scenario. */
  step: (name: string, fn: () => Promise<void>) => Promise<void>;
  /** axe-core on the current page (WCAG 2.1 A/AA): fails on serious or critical violations; also saves a screenshot. */
  checkPage: (name: string) => Promise<void>;
  screenshot: (name: string) => Promise<string>;
};
export type Scenario = (ctx: Ctx) => Promise<void>;

export class StepFailed extends Error {}

/** Screenshots of an earlier run would mislead: start each run with an empty folder. */
export function clearArtifacts() {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
}

export type Tally = { passed: number; failed: number };

export function makeCtx(page: Page, baseUrl: string, logins: Logins, scenario: string, tally: Tally): Ctx {
  mkdirSync(ARTIFACTS, { recursive: true });
  let shot = 0;
  const screenshot = async (name: string) => {
    const path = `${ARTIFACTS}${scenario}-${String(++shot).padStart(2, '0')}-${name.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.png`;
    await page.screenshot({ path, fullPage: true });
    return path;
  };
  const step = async (name: string, fn: () => Promise<void>) => {
    const started = Date.now();
    try {
      await fn();
      tally.passed++;
      console.log(`PASS  ${scenario} › ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      tally.failed++;
      const path = await screenshot(`FAILED-${name}`).catch(() => '');
      console.log(`FAIL  ${scenario} › ${name}\n      ${(e as Error).message.split('\n').join('\n      ')}${path ? `\n      screenshot: ${path}` : ''}`);
      throw new StepFailed(name);
    }
  };
  const checkPage = (name: string) =>
    step(`axe: ${name}`, async () => {
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        // A toast fading in or out has a contrast it never has at rest: let running transitions finish first.
        await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
      });
      await screenshot(name);
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of violations.filter((x) => !bad.includes(x))) console.log(`      note (${v.impact}): ${v.id} — ${v.help}`);
      if (bad.length) throw new Error(bad.map((v) => `${v.impact}: ${v.id} — ${v.help}\n  at ${v.targets.join('\n  at ')}`).join('\n'));
    });
  return { page, baseUrl, logins, step, checkPage, screenshot };
}

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
