import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './portal-helpers';
import { TENANTS } from './portal-urls';
import { expectNoHorizontalScroll } from './tickets-helpers';
import { signInAsStaff, staffUrl } from './staff-helpers';

test("the Customer Portal card opens this tenant's portal in a new tab", async ({ page, context }, testInfo) => {
  await signInAsStaff(page, { tenant: 'summitridge', role: 'staff' });
  const card = page.getByRole('link', { name: /^Customer Portal/ });
  await expect(card).toHaveAttribute('target', '_blank');
  const [portal] = await Promise.all([context.waitForEvent('page'), card.click()]);
  await portal.waitForLoadState();
  expect(portal.url()).toBe(staffUrl('summitridge', '/modules/customers/portal'));
  await expect(portal.getByRole('img', { name: TENANTS.summitridge.displayName }).first()).toBeVisible();
  // The staff tab is still where it was.
  await expect(page).toHaveURL(staffUrl('summitridge', '/dashboard'));
  await page.screenshot({ path: `/tmp/staff-dashboard-${testInfo.project.name}.png`, fullPage: true });
});

test("today's numbers each lead into the desk list with its filter", async ({ page }) => {
  await signInAsStaff(page, { tenant: 'prairiesky', role: 'admin' });
  const today = page.getByRole('region', { name: 'Today' });
  const expected = {
    'Open tickets': '/modules/maintain?view=open',
    Unassigned: '/modules/maintain?view=unassigned',
    'Waiting on the customer': '/modules/maintain?view=waiting',
    'Oldest open': '/modules/maintain?view=open&sort=oldest',
    'New today': '/modules/maintain?view=open&created=today',
    'From sites with an active incident': '/modules/maintain?view=open&incident=active',
  };
  for (const [label, href] of Object.entries(expected)) {
    const link = today.getByRole('link', { name: new RegExp(`${label}$`) });
    await expect(link, label).toHaveAttribute('href', href);
  }
  // The seeded tenant has open tickets; the count is a number, the oldest an age.
  await expect(today.locator('[data-number="open"] .value')).toHaveText(/^[1-9]\d*$/);
  await expect(today.locator('[data-number="oldestOpen"] .value')).toHaveText(/\d+ (minutes?|hours?|days?)$/);
  // "Breaching soon" shows its count, and the desk's breaching view holds exactly that many.
  const breaching = today.locator('[data-link="breachingSoon"]');
  const count = /Breaching soon: (\d+) overdue/.exec((await breaching.textContent()) ?? '')?.[1];
  expect(count, 'the breaching link names a count').toBeDefined();
  await breaching.click();
  await expect(page.getByTestId('view-breaching')).toHaveText(new RegExp(`\\b${count}\\b`));
  await page.goBack();
  await expect(page.getByRole('link', { name: 'Branding' }).last()).toHaveAttribute(
    'href',
    '/modules/settings/branding',
  );
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});
