import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { WEB_PORT } from './portal-urls';
import { linkFromMail } from './portal-helpers';
import { signInAsStaff, staffIdToken } from './staff-helpers';
import { browserFetch, expectAxeClean, ticketsUrl } from './tickets-helpers';

/**
 * Issue 17: staff declare an outage at a site, link the open tickets there, post one update, and two
 * customers at that site see it on their ticket pages. The site and both customers are made here (a
 * fresh site per run and project), so no other spec's data moves.
 */
const SLUG = 'prairiesky';
const PASSWORD = 'Tower-Down-Again-42';

/** Staff set-up over the portal's API proxy (Node cannot resolve *.localhost: `?tenant=` names it). */
async function staffRequest() {
  const api = await request.newContext({ baseURL: `http://127.0.0.1:${WEB_PORT}` });
  const q = `?tenant=${SLUG}`;
  const { csrfToken } = (await (await api.get(`/api/session/csrf${q}`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const session = await api.post(`/api/staff/auth/session${q}`, {
    headers,
    data: { idToken: await staffIdToken(`admin@${SLUG}.example`) },
  });
  expect(session.status()).toBe(200);
  return {
    post: (path: string, data: unknown) => api.post(`${path}${q}`, { headers, data }),
    dispose: () => api.dispose(),
  };
}

/** A new customer at `site`, invited by staff, who sets a password from the email and files a ticket. */
async function customerWithTicket(
  browser: Browser,
  staff: Awaited<ReturnType<typeof staffRequest>>,
  site: string,
  n: number,
) {
  const tag = `${site.toLowerCase()}-${n}`;
  const customerId = `OUT-${site.slice(-6)}-${n}`;
  const email = `${tag}@outage-e2e.example`;
  const created = await staff.post('/api/customers', {
    customerId,
    firstName: 'Outage',
    lastName: `Customer ${n}`,
    email,
    siteId: site,
    serviceStatus: 'active',
  });
  expect(created.status(), await created.text()).toBe(201);
  expect((await staff.post(`/api/customers/${customerId}/portal-invite`, { email })).status()).toBe(202);
  const link = await linkFromMail(email, /https?:\/\/[^\s"'<>]*signup\?code=[^\s"'<>]+/);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  const ticket = await browserFetch<{ ticket: { id: string } }>(page, `/api/work-orders/customer/${customerId}`, {
    form: {
      title: 'No internet since this morning',
      description: 'The radio light is off and nothing loads.',
      category: 'no-connection',
      priority: 'high',
    },
  });
  expect(ticket.status, JSON.stringify(ticket.json)).toBe(201);
  return { page, ticketId: ticket.json.ticket.id, close: () => context.close() };
}

async function expectUpdateOnTicket(page: Page, ticketId: string, text: string) {
  await page.goto(ticketsUrl(SLUG, `/${ticketId}`));
  await expect(page.getByText(text)).toBeVisible();
}

test('staff declare an outage at a site, link its open tickets, post one update; both customers there see it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const site = `E2E-${testInfo.project.name.toUpperCase().replace(/[^A-Z0-9]/g, '')}-${Date.now().toString(36).toUpperCase()}`;
  const staff = await staffRequest();
  const first = await customerWithTicket(browser, staff, site, 1);
  const second = await customerWithTicket(browser, staff, site, 2);
  await staff.dispose();

  await signInAsStaff(page, { tenant: SLUG, role: 'admin', returnTo: '/modules/outages' });
  await page.getByText('New incident', { exact: true }).first().click();
  await page.getByLabel('Title').fill(`Tower ${site} down`);
  await page.getByLabel('Description').fill('The tower lost power. A crew is on the way.');
  await page.getByRole('checkbox', { name: new RegExp(site) }).check();
  await page.getByRole('button', { name: 'Declare incident' }).click();
  await page.getByRole('link', { name: 'Open it' }).click();
  await expect(page.getByRole('heading', { name: `Tower ${site} down` })).toBeVisible();

  await expect(page.getByTestId('link-candidates')).toHaveText(/^2 open connectivity tickets/);
  await page.getByRole('button', { name: 'Link all 2' }).click();
  await expect(page.getByText('Linked 2 tickets')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Linked tickets (2)' })).toBeVisible();

  const update = `Power is back at ${site}; radios are restarting now.`;
  await page.getByLabel('Message to customers').fill(update);
  await page.getByRole('button', { name: 'Post update' }).click();
  await expect(page.getByText('Update posted: 2 replies on linked tickets, 2 emails queued.')).toBeVisible();
  await expect(page.getByTestId('delivery-report')).toContainText(update);
  await expectAxeClean(page);
  await page.screenshot({ path: `/tmp/outages-${testInfo.project.name}-staff.png`, fullPage: true });

  await expectUpdateOnTicket(first.page, first.ticketId, update);
  await expectUpdateOnTicket(second.page, second.ticketId, update);
  await first.page.screenshot({ path: `/tmp/outages-${testInfo.project.name}-customer.png`, fullPage: true });
  await first.close();
  await second.close();
});
