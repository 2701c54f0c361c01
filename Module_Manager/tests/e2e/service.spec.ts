import { expect, test } from '@playwright/test';
import {
  CUSTOMERS,
  CUSTOMER_WITHOUT_TICKETS,
  expectAxeClean,
  expectNoHorizontalScroll,
  shot,
  signInCustomer,
  ticketsUrl,
  type Slug,
} from './tickets-helpers';
import { portalUrl } from './portal-urls';

for (const slug of Object.keys(CUSTOMERS) as Slug[]) {
  test(`${slug}: the service page shows plan, status, equipment signal and visits`, async ({ page }, testInfo) => {
    await signInCustomer(page, slug, CUSTOMERS[slug][0].email);
    await page.goto(portalUrl(slug, '/service'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My service');
    await expect(page.getByTestId('service-status')).toHaveText('Active');
    await expect(page.getByRole('heading', { name: 'Your plan' })).toBeVisible();
    await expect(page.getByText(/Mbps down \/ .* Mbps up/)).toBeVisible();
    // Signal is colour + icon + word.
    await expect(page.getByText(/^(Good|Fair|Poor)$/).first()).toBeVisible();
    await expect(page.getByText(/hours? ago|minutes? ago/).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Installation and technician visits' })).toBeVisible();
    await expectAxeClean(page);
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, `${slug}-service`);
  });

  test(`${slug}: a customer with no tickets yet is invited to report a problem`, async ({ page }, testInfo) => {
    await signInCustomer(page, slug, CUSTOMER_WITHOUT_TICKETS[slug]);
    await page.goto(ticketsUrl(slug));
    await expect(page.getByText('No tickets yet.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Report a problem.' })).toBeVisible();
    await page.getByRole('link', { name: 'Closed' }).click();
    await expect(page.getByText('No closed tickets.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Closed' })).toHaveAttribute('aria-current', 'page');
    await expectAxeClean(page);
    await shot(page, testInfo, `${slug}-tickets-empty`);
  });
}

test('the service page is for signed-in customers only', async ({ page }) => {
  await page.goto(portalUrl('prairiesky', '/service'));
  await expect(page).toHaveURL(/\/login\?returnTo=%2Fmodules%2Fcustomers%2Fportal%2Fservice$/);
});

test('el servicio se lee en español', async ({ page, context }) => {
  await signInCustomer(page, 'summitridge', CUSTOMERS.summitridge[0].email);
  await context.addCookies([{ name: 'portal_locale', value: 'es', url: portalUrl('summitridge') }]);
  await page.goto(portalUrl('summitridge', '/service'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mi servicio');
  await expect(page.getByTestId('service-status')).toHaveText('Activo');
  await expectAxeClean(page);
});
