import { expect, test, type Browser } from '@playwright/test';
import {
  CUSTOMERS,
  expectAxeClean,
  expectNoHorizontalScroll,
  shot,
  signInCustomer,
  staffApi,
  ticketsUrl,
  waitForMail,
  type Slug,
} from './tickets-helpers';
import { portalUrl } from './portal-urls';

const SLUGS = Object.keys(CUSTOMERS) as Slug[];

/** One published FAQ entry per tenant (staff API; idempotent by slug) so the FAQ pages have content. */
async function ensureFaq(browser: Browser, slug: Slug) {
  const staff = await staffApi(browser, slug);
  if ((await staff.get('/api/customer-portal/support/faq/restart-antenna')).status === 200) return staff.dispose();
  const res = await staff.raw('/api/support/faq', {
    kind: 'faq',
    category: 'Getting connected',
    title: 'How do I restart my antenna?',
    slug: 'restart-antenna',
    bodyMarkdown:
      'Unplug the **power adapter** for 30 seconds, then plug it back in.\n\n- Wait 2 minutes\n- Check the lights',
    published: true,
  });
  expect(res.status).toBe(201);
  await staff.dispose();
}

for (const slug of SLUGS) {
  test(`${slug}: support shows contact, hours with open-now, and a plain GET-form FAQ search`, async ({
    page,
    browser,
  }, testInfo) => {
    await ensureFaq(browser, slug);
    await signInCustomer(page, slug, CUSTOMERS[slug][0].email);
    await page.goto(portalUrl(slug, '/support'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help and support');
    await expect(page.getByTestId('open-now')).toHaveText(/Open now|Closed now/);
    await expect(page.getByRole('table')).toContainText('Monday');
    await expectAxeClean(page);
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, `${slug}-support`);

    await page.getByLabel('Search the help articles').fill('antenna');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/support\/faq\?q=antenna/);
    await expect(page.getByRole('link', { name: 'How do I restart my antenna?' })).toBeVisible();
    await expectAxeClean(page);
    await shot(page, testInfo, `${slug}-faq`);
    await page.getByRole('link', { name: 'How do I restart my antenna?' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('How do I restart my antenna?');
    await expect(page.locator('strong', { hasText: 'power adapter' })).toBeVisible();
    await expectAxeClean(page);
    await shot(page, testInfo, `${slug}-faq-article`);

    // Hostile input is just text.
    await page.goto(portalUrl(slug, `/support/faq?q=${encodeURIComponent('(a+)+$ .* [')}`));
    await expect(page.getByText(/We found no answers/)).toBeVisible();
  });

  test(`${slug}: the status page lists current problems and maintenance`, async ({ page }, testInfo) => {
    await page.goto(portalUrl(slug, '/status'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service status');
    await expect(page.getByRole('heading', { name: 'Planned maintenance', exact: true })).toBeVisible();
    await expectAxeClean(page);
    await expectNoHorizontalScroll(page);
    await shot(page, testInfo, `${slug}-status`);
  });
}

test('an unknown FAQ article is a 404 page', async ({ page }) => {
  await signInCustomer(page, 'prairiesky', CUSTOMERS.prairiesky[0].email);
  const res = await page.goto(portalUrl('prairiesky', '/support/faq/no-such-article'));
  expect(res?.status()).toBe(404);
});

test('la ayuda se lee en español', async ({ page, context }) => {
  await signInCustomer(page, 'prairiesky', CUSTOMERS.prairiesky[0].email);
  await context.addCookies([{ name: 'portal_locale', value: 'es', url: portalUrl('prairiesky') }]);
  await page.goto(portalUrl('prairiesky', '/support'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ayuda y soporte');
  await expect(page.getByRole('table')).toContainText('lunes');
  await expectAxeClean(page);
  await page.goto(portalUrl('prairiesky', '/status'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Estado del servicio');
  await expectAxeClean(page);
});

test('a customer at the outage site sees the incident instead of filing a ticket, subscribes, and gets the next update by email', async ({
  page,
  browser,
}, testInfo) => {
  // Separate customers per project: a subscription is remembered per customer.
  const customer = CUSTOMERS.prairiesky[testInfo.project.name === 'phone' ? 1 : 0];
  const staff = await staffApi(browser, 'prairiesky');
  const title = `North tower power cut ${Date.now()}`;
  const { incident } = await staff.post<{ incident: { id: string } }>('/api/support/incidents', {
    title,
    message: 'The North Grain Elevator tower lost power. Crews are on the way.',
    affectedSiteIds: ['PSW-TWR-NORTH'],
    affectedAreas: ['North Grain Elevator'],
    eta: new Date(Date.now() + 3 * 3600_000).toISOString(),
  });
  try {
    await signInCustomer(page, 'prairiesky', customer.email);
    await page.goto(ticketsUrl('prairiesky', '/new'));
    // The outage banner is for the connection categories only, above the same one-page form.
    const banner = page.getByText('We already know about a problem in your area.');
    await page.getByRole('radio', { name: /Billing/ }).check();
    await expect(banner).toBeHidden();
    await page.getByRole('radio', { name: /No internet at all/ }).check();
    await expect(banner).toBeVisible();
    await expect(page.getByLabel('What happened?')).toBeVisible();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText('Expected fix:')).toBeVisible();
    await expectAxeClean(page);
    await shot(page, testInfo, 'prairiesky-ticket-intake');
    await page.getByRole('button', { name: "I'm affected — keep me posted" }).click();
    await expect(page.getByTestId('subscribed')).toBeVisible();

    // The status page shows it too, with its timeline.
    await page.goto(portalUrl('prairiesky', '/status'));
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await shot(page, testInfo, 'prairiesky-status-incident');

    const update = `Power is back; radios are restarting (${Date.now()}).`;
    await staff.post(`/api/support/incidents/${incident.id}/updates`, { status: 'monitoring', message: update });
    const mail = await waitForMail(customer.email, (m) => (m.text ?? '').includes(update));
    expect(mail.subject).toContain(title);
  } finally {
    await staff.post(`/api/support/incidents/${incident.id}/updates`, {
      status: 'resolved',
      message: 'All customers are back online.',
    });
    await staff.dispose();
  }
});

test('a connection category preselected by link shows the outage banner above the form, which still files a ticket', async ({
  page,
  browser,
}, testInfo) => {
  const customer = CUSTOMERS.prairiesky[testInfo.project.name === 'phone' ? 0 : 1];
  const staff = await staffApi(browser, 'prairiesky');
  const { incident } = await staff.post<{ incident: { id: string } }>('/api/support/incidents', {
    title: `Slow evenings on North tower ${Date.now()}`,
    message: 'Congestion at peak times.',
    affectedSiteIds: ['PSW-TWR-NORTH'],
  });
  try {
    await signInCustomer(page, 'prairiesky', customer.email);
    await page.goto(ticketsUrl('prairiesky', '/new?category=slow-speed'));
    await expect(page.getByRole('radio', { name: /Slow internet/ })).toBeChecked();
    await expect(page.getByText('We already know about a problem in your area.')).toBeVisible();
    await expect(page.getByText('Not the same problem? Fill in the form below.')).toBeVisible();
    await page.getByLabel('What happened?').fill('Evenings are slow, but my router also reboots itself.');
    await page.getByRole('button', { name: 'Send ticket' }).click();
    await expect(page).toHaveURL(/\/tickets\/[a-f0-9]{24}\?created=1/);
    // No title typed: the problem picked names the ticket.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Slow internet');
  } finally {
    await staff.post(`/api/support/incidents/${incident.id}/updates`, { status: 'resolved', message: 'Fixed.' });
    await staff.dispose();
  }
});
