import { expect, test } from '@playwright/test';
import { portalUrl } from './portal-urls';
import { signInAsStaff } from './staff-helpers';
import { CUSTOMER_WITHOUT_TICKETS, expectAxeClean, signInCustomer } from './tickets-helpers';

/** Issue 17: an article written, previewed (the portal's sanitiser), published, and found by the portal's FAQ search. */
test('staff write an FAQ article, preview it, publish it; the portal search finds it', async ({
  page,
  browser,
}, testInfo) => {
  const word = `zebrafrost${testInfo.project.name.replace(/[^a-z0-9]/gi, '').toLowerCase()}${Date.now().toString(36)}`;
  const slug = `align-dish-${word}`;
  await signInAsStaff(page, { tenant: 'prairiesky', role: 'admin', returnTo: '/modules/support/faq' });
  await page.getByRole('link', { name: 'New article' }).click();
  await page.getByLabel('Title').fill(`Aligning your dish (${word})`);
  await page.getByLabel('Address').fill(slug);
  await page.getByLabel('Category', { exact: true }).fill('Equipment');
  await page
    .getByLabel('Article (Markdown)')
    .fill(`## Before you start\n\nPoint the dish **toward the tower** (${word}).\n\n<script>window.pwned = 1</script>`);
  await page.getByRole('button', { name: /^Preview/ }).click();
  const preview = page.getByTestId('faq-preview');
  await expect(preview.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('toward the tower');
  expect(await preview.locator('script').count()).toBe(0);
  await expect(page.getByLabel('Title')).toHaveValue(`Aligning your dish (${word})`);

  await page.getByLabel('Published (customers can see it)').check();
  await page.getByRole('button', { name: /^Save/ }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(word) })).toContainText('Published');
  await expectAxeClean(page);
  await page.screenshot({ path: `/tmp/faq-editor-${testInfo.project.name}.png`, fullPage: true });

  // A signed-in customer (seeded customer 8, who has no tickets: nothing of theirs changes) searches the portal.
  const customer = await (await browser.newContext()).newPage();
  await signInCustomer(customer, 'prairiesky', CUSTOMER_WITHOUT_TICKETS.prairiesky);
  await customer.goto(portalUrl('prairiesky', `/support/faq?q=${word}`));
  await expect(customer.getByRole('link', { name: new RegExp(word) })).toBeVisible();
  await customer.getByRole('link', { name: new RegExp(word) }).click();
  await expect(customer.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await customer.context().close();
});
