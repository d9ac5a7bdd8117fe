import { defineConfig } from '@playwright/test';

// No webServer: every test starts its own browser host on its own data folder (test/e2e/fixtures.ts).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // A stray `test.only` left in a commit would silently skip every other test: CI refuses it.
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  // Keyboard-only flows press hundreds of keys; on a loaded 2-core machine 30 s is too tight.
  timeout: 90_000,
  reporter: 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Debian's Chromium: the Playwright-managed browsers are never downloaded here.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
