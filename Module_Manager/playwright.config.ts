import { defineConfig, devices } from '@playwright/test';

/**
 * Runs against the built portal that tools/stack/test-all.ts starts (seeded, on WEB_PORT). Debian's
 * Chromium only: browser downloads are not possible here, and never needed.
 */
const webPort = process.env.E2E_WEB_PORT ?? '4173';

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../.data/test-results/e2e.json' }]],
  use: {
    baseURL: `http://prairiesky.localhost:${webPort}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  outputDir: '../.data/test-results/e2e-artifacts',
  projects: [
    { name: 'desktop', use: { ...chromium, viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { ...chromium, viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true } },
  ],
});
