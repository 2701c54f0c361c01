import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './portal-helpers';
import { portalUrl } from './portal-urls';
import { expectNoHorizontalScroll } from './tickets-helpers';
import { signInAsStaff } from './staff-helpers';

/**
 * The branding studio, end to end on the seeded Prairie Sky tenant. The tests run in order and the
 * last one restores the look from before the studio, so the other specs see the seeded branding.
 */
test.describe.configure({ mode: 'serial' });

const STUDIO = '/modules/settings/branding';
const TEAL = '#0f766e';
const TEAL_RGB = 'rgb(15, 118, 110)';
/** A 240 × 60 red PNG. */
const LOGO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAPAAAAA8CAYAAABYfzddAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABt0lEQVR4nO3VsREDAQwCwa+E/kuhK7sHJ+ZHG5BrDhBPkw9hIAN5JYPn3wcQBjIQBRYCj6AHGVjgARMIgyqwEHgEOcfAAg+YQBhUgYXAI8g5BhZ4wATCoAosBB5BzjGwwAMmEAZVYCHwCHKOgQUeMIEwqAILgUeQcwws8IAJhEEVWAg8gpxjYIEHTCAMqsBC4BHkHAMLPGACYVAFFgKPIOcYWOABEwiDKrAQeAQ5x8ACD5hAGFSBhcAjyDkGFnjABMKgCiwEHkHOMbDAAyYQBlVgIfAIco6BBR4wgTCoAguBR5BzDCzwgAmEQRVYCDyCnGNggQdMIAyqwELgEeQcAws8YAJhUAUWAo8g5xhY4AETCIMqsBB4BDnHwAIPmEAYVIGFwCPIOQYWeMAEwqAKLAQeQc4xsMADJhAGVWAh8AhyjoEFHjCBMKgCC4FHkHMMLPCACYRBFVgIPIKcY2CBB0wgDKrAQuAR5BwDCzxgAmFQBRYCjyDnGFjgARMIgyqwEHgEOcfAAg+YQBhUgYXAI8g5BhZ4wATCoAosBB5BzjGwwAMmEAZVYCHwCHKOgQUeMIEw6I8F/gLE2C9gji7SygAAAABJRU5ErkJggg==',
  'base64',
);

const headerColour = (page: Page) =>
  page.locator('.branded-header').evaluate((el) => getComputedStyle(el).backgroundColor);

async function openStudio(page: Page) {
  await signInAsStaff(page, { tenant: 'prairiesky', role: 'admin', returnTo: STUDIO });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Branding');
}

test('the admin changes the primary colour and the logo, sees the preview change, and publishes it to their portal only', async ({
  page,
  browser,
}, testInfo) => {
  await openStudio(page);
  const preview = page.frameLocator('[data-testid=preview-frame]');
  await expect(preview.locator('.branded-header')).toBeVisible();
  const before = await preview.locator('.branded-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(before).not.toBe(TEAL_RGB);

  // Typing reaches the preview without saving.
  await page.getByLabel('Primary (buttons, header)', { exact: true }).fill(TEAL);
  await expect
    .poll(() => preview.locator('.branded-header').evaluate((el) => getComputedStyle(el).backgroundColor))
    .toBe(TEAL_RGB);

  // Upload a logo: it lands in the draft and in the preview's header.
  await page
    .getByLabel('Logo', { exact: true })
    .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO_PNG });
  await page.getByRole('button', { name: 'Upload' }).first().click();
  await expect(page.getByText('Uploaded to the draft.')).toBeVisible();
  const logoSrc = await page.getByTestId('logo-current').getAttribute('src');
  expect(logoSrc).toMatch(/\/branding\/assets\/[a-f0-9]{32}\.png$/);
  await expect(preview.locator('.branded-header img')).toHaveAttribute('src', logoSrc!);
  // The frame reloaded with the saved draft and still shows the colour typed, not yet saved.
  await expect
    .poll(() => preview.locator('.branded-header').evaluate((el) => getComputedStyle(el).backgroundColor))
    .toBe(TEAL_RGB);

  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `/tmp/branding-studio-${testInfo.project.name}.png`, fullPage: true });

  // The colour typed before the upload is still there, unsaved, and is published with it.
  await expect(page.getByLabel('Primary (buttons, header)', { exact: true })).toHaveValue(TEAL);
  await page.getByTestId('publish').click();
  await expect(page.getByText(/Published as version \d+/)).toBeVisible();

  // A customer (another browser, no staff cookie) sees it on the portal of this tenant, not the other.
  const visitor = await browser.newContext();
  const portal = await visitor.newPage();
  await portal.goto(portalUrl('prairiesky', '/login'));
  expect(await headerColour(portal)).toBe(TEAL_RGB);
  await expect(portal.locator('.branded-header img')).toHaveAttribute('src', logoSrc!);
  await portal.goto(portalUrl('summitridge', '/login'));
  expect(await headerColour(portal)).not.toBe(TEAL_RGB);
  await expect(portal.locator(`.branded-header img[src="${logoSrc}"]`)).toHaveCount(0);
  await visitor.close();
});

test('an AA-failing colour is refused with the nearest passing shade, which one click applies', async ({ page }) => {
  await openStudio(page);
  const primary = page.getByLabel('Primary (buttons, header)', { exact: true });
  await primary.fill('#7dd3fc');
  await expect(page.locator('[data-check=links]').first()).toContainText('fails AA');
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('studio-error')).toContainText('cannot be published');
  await expect(page.getByText(/Nearest passing shade: #[0-9a-f]{6}/)).toBeVisible();

  const suggestion = page.getByTestId('use-suggestion-primary');
  const shade = /#[0-9a-f]{6}/.exec((await suggestion.textContent()) ?? '')![0];
  await suggestion.click();
  await expect(primary).toHaveValue(shade);
  await expect(page.locator('[data-check=links]').first()).toContainText('passes AA');
  await page.getByTestId('publish').click();
  await expect(page.getByText(/Published as version \d+/)).toBeVisible();
});

test('an earlier version is restored in one click', async ({ page, browser }) => {
  await openStudio(page);
  const history = page.getByTestId('version-history');
  await expect(history.getByText('Before the studio')).toBeVisible();
  await page.getByRole('button', { name: 'Restore version 1', exact: true }).click();
  await expect(page.getByText('Version 1 is live again.')).toBeVisible();
  await expect(history.locator('li').first()).toContainText('restored from version 1');

  const visitor = await browser.newContext();
  const portal = await visitor.newPage();
  await portal.goto(portalUrl('prairiesky', '/login'));
  expect(await headerColour(portal)).toBe('rgb(29, 78, 216)');
  await visitor.close();
});

test('the admin names a custom domain and is shown the CNAME and TXT records to create', async ({ page }) => {
  await openStudio(page);
  await page.getByLabel("Your portal's own address").fill('Portal.Prairiesky-E2E.example');
  await page.getByRole('button', { name: 'Use this domain' }).click();
  await expect(page.getByTestId('domain-state')).toContainText('Pending');
  await expect(page.getByRole('cell', { name: '_wisp-verification.portal.prairiesky-e2e.example' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^wisp-verification=[a-f0-9]{32}$/ })).toBeVisible();
  await page.getByLabel("Your portal's own address").fill('https://not a domain');
  await page.getByRole('button', { name: 'Use this domain' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'host name' })).toBeVisible();
});
