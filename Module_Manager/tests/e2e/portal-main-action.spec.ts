import { expect, test, type Page } from '@playwright/test';
import { openAccountMenu } from './portal-helpers';
import { portalUrl } from './portal-urls';
import {
  browserFetch,
  CUSTOMERS,
  expectAxeClean,
  shot,
  signInCustomer,
  staffApi,
  tinyPng,
  type Slug,
} from './tickets-helpers';

// Issue 18: the main action first (1), a one-page ticket form (2), dates (3), a one-bar header (4), resolved (5), focus (13).
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

// Issue 18, item 5: a resolved ticket stays in sight and asks one question.
test('a resolved ticket stays with the open ones and asks "Did this fix it?"; "No, reopen" reopens it, confirmed', async ({
  page,
  browser,
}, testInfo) => {
  const slug = tenantFor(testInfo.project.name);
  const customer = CUSTOMERS[slug][1];
  await signInCustomer(page, slug, customer.email);
  const created = await browserFetch<{ ticket: { id: string } }>(
    page,
    `/api/work-orders/customer/${customer.customerId}`,
    {
      form: {
        title: 'Router keeps rebooting',
        description: 'It restarts every hour.',
        category: 'other',
        priority: 'low',
      },
    },
  );
  expect(created.status).toBe(201);
  const ticketId = created.json.ticket.id;
  const staff = await staffApi(browser, slug);
  try {
    await staff.post(`/api/work-orders/${ticketId}/status`, { status: 'resolved' });
    await page.goto(portalUrl(slug, '/tickets'));
    await expect(page.locator(`[data-ticket-id="${ticketId}"]`)).toBeVisible();
    await page.goto(portalUrl(slug, '/tickets?filter=closed'));
    await expect(page.locator(`[data-ticket-id="${ticketId}"]`)).toHaveCount(0);

    await page.goto(portalUrl(slug, `/tickets/${ticketId}`));
    const question = page.getByTestId('did-this-fix-it');
    await expect(question.getByRole('heading', { name: 'Did this fix it?' })).toBeVisible();
    await expect(question.getByRole('button', { name: 'Yes, close it' })).toBeVisible();
    // The rating is one row of five stars, not five wrapping choices.
    const stars = page.getByRole('radio', { name: /stars?$/ });
    await expect(stars).toHaveCount(5);
    const tops = await stars.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await expectAxeClean(page);
    await shot(page, testInfo, `${slug}-ticket-resolved`);
    await question.getByRole('button', { name: 'No, reopen' }).click();
    await expect(page.getByTestId('ticket-status')).toHaveText('Open');
    await expect(page.getByTestId('confirmation')).toContainText('Your ticket is open again.');
    await expect(page.getByTestId('did-this-fix-it')).toHaveCount(0);
  } finally {
    await staff.dispose();
  }
});

// Issue 18, item 13: each step of a flow starts at the page's heading, not at <body>.
test('after following a link, focus is on the new page heading', async ({ page }, testInfo) => {
  const slug = await signInJourneyCustomer(page, testInfo.project.name);
  await page.goto(portalUrl(slug, '/dashboard'));
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Service' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('banner').getByRole('link', { name: 'Report a problem' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report a problem' })).toBeFocused();
});
