import { expect, test } from '@playwright/test';
import { portalUrl, TENANTS, WEB_PORT } from './portal-urls';

for (const tenant of Object.values(TENANTS)) {
  test(`the ${tenant.displayName} portal opens with its own name, logo and colour`, async ({ page }) => {
    await page.goto(portalUrl(tenant.slug));
    await expect(page).toHaveTitle(new RegExp(tenant.displayName));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Welcome to ${tenant.displayName} Support`);
    await expect(page.getByRole('img', { name: tenant.displayName })).toBeVisible();
    const headerColour = await page
      .locator('header')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerColour).toBe(tenant.primary);
  });
}

test('a host that belongs to no WISP shows a 404 page, not another portal', async ({ page }) => {
  const res = await page.goto(`http://nobody.localhost:${WEB_PORT}/modules/customers/portal`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByText('Prairie Sky')).toHaveCount(0);
});
