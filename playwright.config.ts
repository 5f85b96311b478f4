import { defineConfig } from '@playwright/test';

// End-to-end in Debian's Chromium against browser mode. Each test starts its own core on a fresh store
// (tests/e2e/fixtures.ts), so tests are independent and may run in parallel.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/e2e/.artifacts/results',
  // A test drives a whole screen through real widgets and processes; a loaded 2-core machine needs the room.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // One retry, as Playwright advises for CI: on a loaded 2-core machine a widget can miss a click now and then. A test
  // that passes only on its retry is reported as flaky (list reporter and scripts/test-summary.mjs), not hidden.
  retries: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    // The desk honours the system's "reduce motion" (renderer/app/DeskProviders.tsx): no dialog is mid-zoom when a
    // test clicks in it, which is where a loaded machine lost clicks now and then.
    reducedMotion: 'reduce',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
