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

/**
 * Specs that change what every other spec sees (the tenant's published look) run last, one project
 * after the other, so no other spec can run beside them whatever E2E_WORKERS says.
 */
const TENANT_WIDE = /branding-studio\.spec\.ts/;
const desktop = { ...chromium, viewport: { width: 1280, height: 800 } };
const phone = { ...chromium, viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true };

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // One by default: several spec files sign in as the same seeded customers (2 workers on 2 CPUs failed 12).
  workers: Number(process.env.E2E_WORKERS ?? 1),
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
    { name: 'desktop', use: desktop, testIgnore: TENANT_WIDE },
    { name: 'phone', use: phone, testIgnore: TENANT_WIDE },
    { name: 'desktop-tenant-wide', use: desktop, testMatch: TENANT_WIDE, dependencies: ['desktop', 'phone'] },
    { name: 'phone-tenant-wide', use: phone, testMatch: TENANT_WIDE, dependencies: ['desktop-tenant-wide'] },
  ],
});
