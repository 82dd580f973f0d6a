// Browser tests (`pnpm test:e2e`): the scenarios in e2e/scenarios/ run in order on one worker, since the
// organiser's round (03…07) builds on what the earlier ones did, against the platform the global setup
// starts. Debian's Chromium is driven as it is installed: a browser is never downloaded.
import { defineConfig } from '@playwright/test';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e/scenarios',
  outputDir: './e2e/test-results',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Scenario 03 waits for its competition's deadline, two minutes ahead.
  timeout: 10 * 60_000,
  // Every step on its own line, then the tally as the last line of the run.
  reporter: [['list', { printSteps: true }], ['./e2e/tally-reporter.ts']],
  use: {
    // Set by the global setup before the workers start (or given to use a running platform).
    baseURL: process.env.E2E_BASE_URL?.replace(/\/$/, ''),
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      // --lang: the native date and time fields render as a Russian browser renders them.
      args: ['--lang=ru-RU', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
