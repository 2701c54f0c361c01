import { expect, test, type Page } from '@playwright/test';
import { openAccountMenu } from './portal-helpers';
import { portalUrl } from './portal-urls';
import { browserFetch, CUSTOMERS, expectAxeClean, shot, signInCustomer, tinyPng, type Slug } from './tickets-helpers';

// Issue 18, items 1, 2 and 4: the main action first, a one-page ticket form, a one-bar header.
const tenantFor = (project: string): Slug => (project === 'phone' ? 'summitridge' : 'prairiesky');

/** Counts what a person does: every click, tap, fill and file choice goes through it. */
function actionCounter() {
  let count = 0;
  return {
    act: async <T>(run: () => Promise<T>): Promise<T> => {
      count += 1;
      return run();
    },
    get count() {
      return count;
    },
  };
}

async function signInJourneyCustomer(page: Page, project: string) {
  const slug = tenantFor(project);
  await signInCustomer(page, slug, CUSTOMERS[slug][1].email);
  return slug;
}

test('from the dashboard a customer files a ticket with one photo in at most 6 actions', async ({ page }, testInfo) => {
  const slug = await signInJourneyCustomer(page, testInfo.project.name);
  await page.goto(portalUrl(slug, '/dashboard'));
  const { act, ...counter } = actionCounter();

  // The main action sits beside the greeting: on a phone it is on the first screen, no scrolling.
  const report = page.getByRole('link', { name: 'Report a problem' });
  const box = await report.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  await act(() => report.click());

  // One page: the category and the form together (no Continue, no outage screen for equipment).
  await act(() => page.getByRole('radio', { name: /Equipment problem/ }).check());
  const description = `The power adapter got hot and the antenna light is off (${Date.now()}).`;
  await act(() => page.getByLabel('What happened?').fill(description));
  // A photo in two taps: the translated "Add photos" button, then the picture in the phone's picker.
  const chooserOpened = page.waitForEvent('filechooser');
  await act(() => page.getByTestId('add-photos').click());
  const chooser = await chooserOpened;
  await act(() => chooser.setFiles({ name: 'adapter.png', mimeType: 'image/png', buffer: tinyPng() }));
  await expect(page.getByRole('list', { name: 'Files to send' }).locator('img')).toHaveCount(1);
  await shot(page, testInfo, `${slug}-ticket-new-one-page`);
  await act(() => page.getByRole('button', { name: 'Send ticket' }).click());

  await expect(page).toHaveURL(/\/tickets\/[a-f0-9]{24}\?created=1/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Equipment problem');
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open adapter.png full size' })).toBeVisible();
  testInfo.annotations.push({ type: 'actions', description: String(counter.count) });
  expect(counter.count).toBeLessThanOrEqual(6);
});

test('"Report a problem" is reachable from every signed-in page and the dashboard has no duplicate links', async ({
  page,
}, testInfo) => {
  const slug = await signInJourneyCustomer(page, testInfo.project.name);
  await page.goto(portalUrl(slug, '/dashboard'));
  await expect(page.getByText('Quick links')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Report a problem' })).toHaveCount(1);
  for (const path of ['/service', '/support', '/support/faq', '/status']) {
    await page.goto(portalUrl(slug, path));
    const cta = page.getByRole('banner').getByRole('link', { name: 'Report a problem' });
    await expect(cta, path).toBeVisible();
    await expect(cta, path).toHaveAttribute('href', '/modules/customers/portal/tickets/new');
  }
  await page.getByRole('banner').getByRole('link', { name: 'Report a problem' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report a problem');
});

for (const locale of ['en', 'es'] as const) {
  test(`the header is one bar of at most 64 px with an account menu (${locale})`, async ({
    page,
    context,
  }, testInfo) => {
    const slug = await signInJourneyCustomer(page, testInfo.project.name);
    await context.addCookies([{ name: 'portal_locale', value: locale, url: portalUrl(slug) }]);
    for (const path of ['/dashboard', '/service']) {
      await page.goto(portalUrl(slug, path));
      const height = await page.getByRole('banner').evaluate((el) => el.getBoundingClientRect().height);
      expect(height, path).toBeLessThanOrEqual(64);
    }
    // Language, contrast and sign-out are in the menu, which Escape closes again.
    const names =
      locale === 'es'
        ? { lang: 'English', contrast: 'Alto contraste', out: 'Cerrar sesión' }
        : { lang: 'Español', contrast: 'High contrast', out: 'Sign out' };
    const menu = page.getByTestId('account-menu');
    await expect(menu.getByRole('button', { name: names.out })).toBeHidden();
    await openAccountMenu(page);
    for (const name of Object.values(names)) await expect(menu.getByRole('button', { name })).toBeVisible();
    await expectAxeClean(page);
    await shot(page, testInfo, `${slug}-${locale}-account-menu`);
    await page.keyboard.press('Escape');
    await expect(menu.getByRole('button', { name: names.out })).toBeHidden();
    await expect(menu.locator('summary')).toBeFocused();
  });
}

// Issue 18, item 3: a bill date is a day, not midnight UTC shown in the tenant's (American) timezone.
test('the dashboard and service page show the next bill on the day the account says, not a day early', async ({
  page,
}, testInfo) => {
  const slug = await signInJourneyCustomer(page, testInfo.project.name);
  const me = await browserFetch<{ customer: { nextBillingDate: string } }>(page, '/api/customer-portal/auth/me');
  const date = me.json.customer.nextBillingDate;
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  await page.goto(portalUrl(slug, '/dashboard'));
  await expect(page.getByText(day, { exact: true })).toBeVisible();
  await page.goto(portalUrl(slug, '/service'));
  await expect(page.getByText(day, { exact: true })).toBeVisible();
});
