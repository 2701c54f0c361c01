import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  browserFetch,
  CUSTOMERS,
  expectAxeClean,
  expectNoHorizontalScroll,
  shot,
  signInCustomer,
  waitForMail,
} from './tickets-helpers';
import { portalUrl } from './portal-urls';
import { signInAsStaff, staffUrl } from './staff-helpers';

// The desk is a desktop tool first: the journeys run at 1280 px; the look and axe run at both sizes.
const slug = 'prairiesky' as const;
const customer = CUSTOMERS.prairiesky[0];
const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

/** The customer opens a fresh ticket (through the portal API) and stays signed in on `page`. */
async function customerTicket(page: Page, title: string) {
  await signInCustomer(page, slug, customer.email);
  const res = await browserFetch<{ ticket: { id: string; ticketNumber: string } }>(
    page,
    `/api/work-orders/customer/${customer.customerId}`,
    { form: { title, description: 'The router lights go off every evening.', category: 'no-connection' } },
  );
  expect(res.status).toBe(201);
  return res.json.ticket;
}

async function staffPage(browser: Browser, role: 'admin' | 'staff', returnTo: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInAsStaff(page, { tenant: slug, role, returnTo });
  return page;
}

test('the queue and a ticket look right and are axe-clean at this size', async ({ page, browser }, testInfo) => {
  const customerPage = await browser.newPage();
  const ticket = await customerTicket(customerPage, `Look ${unique()}`);
  await signInAsStaff(page, { tenant: slug, role: 'admin', returnTo: '/modules/maintain?view=open' });
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await expect(page.getByTestId('view-open')).toContainText(/\d+/);
  await expectAxeClean(page);
  await expectNoHorizontalScroll(page);
  await shot(page, testInfo, 'desk-queue');
  await page.goto(staffUrl(slug, `/modules/maintain/${ticket.id}`));
  await expect(page.getByTestId('customer-panel')).toBeVisible();
  await expectAxeClean(page);
  await expectNoHorizontalScroll(page);
  await shot(page, testInfo, 'desk-ticket');
  await customerPage.close();
});

test.describe('desk journeys', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop journeys');

  test('two staff on one ticket see each other viewing, then typing', async ({ page, browser }) => {
    const ticket = await customerTicket(page, `Presence ${unique()}`);
    const path = `/modules/maintain/${ticket.id}`;
    const dale = await staffPage(browser, 'staff', path);
    const admin = await staffPage(browser, 'admin', path);
    await expect(dale.getByTestId('presence')).toHaveText('Admin is viewing');
    await expect(admin.getByTestId('presence')).toHaveText('Dale is viewing');
    await admin.getByTestId('composer-body').pressSequentially('Looking at the AP now');
    await expect(dale.getByTestId('presence')).toHaveText('Admin is typing…');
    await dale.context().close();
    await admin.context().close();
  });

  test('a reply reaches the open ticket page live and by email; an internal note never reaches the customer', async ({
    page,
    browser,
  }) => {
    const ticket = await customerTicket(page, `Secrets ${unique()}`);
    await page.goto(portalUrl(slug, `/tickets/${ticket.id}`));
    const marker = `NOTE-MARKER-${unique()}`;
    const staff = await staffPage(browser, 'admin', `/modules/maintain/${ticket.id}`);

    await staff.getByTestId('mode-note').check();
    await expect(staff.getByTestId('composer-audience')).toHaveText('Only staff will see this');
    await staff.getByTestId('composer-body').fill(`Tower ${marker} rebooted`);
    await staff.getByTestId('composer-send').click();
    await expect(staff.getByTestId('internal-note').last()).toContainText(marker);
    await expect(staff.getByTestId('internal-note').last()).toContainText('Internal note');

    await staff.getByTestId('mode-reply').check();
    await expect(staff.getByTestId('composer-audience')).toHaveText('The customer will see this');
    const reply = `We fixed the tower ${unique()}`;
    await staff.getByTestId('composer-body').fill(reply);
    await staff.getByTestId('composer-send').click();

    await expect(page.getByText(reply)).toBeVisible();
    await expect(page.locator('body')).not.toContainText(marker);
    await page.reload();
    await expect(page.getByText(reply)).toBeVisible();
    await expect(page.locator('body')).not.toContainText(marker);
    const stream = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const reader = res.body!.getReader();
      const { value } = await Promise.race([
        reader.read(),
        new Promise<{ value: undefined }>((r) => setTimeout(() => r({ value: undefined }), 1500)),
      ]);
      await reader.cancel();
      return new TextDecoder().decode(value ?? new Uint8Array());
    }, `/api/work-orders/customer/${customer.customerId}/events`);
    expect(stream).not.toContain(marker);
    const mail = await waitForMail(customer.email, (m) => (m.text ?? '').includes(reply));
    expect(mail.text).not.toContain(marker);
    await staff.context().close();
  });

  test('a saved reply with variables is inserted with "/" and sent filled in', async ({ page, browser }) => {
    const ticket = await customerTicket(page, `Saved ${unique()}`);
    const staff = await staffPage(browser, 'admin', `/modules/maintain/${ticket.id}`);
    const title = `Photo please ${unique()}`;
    const created = await browserFetch(staff, '/api/desk/saved-replies', {
      json: {
        title,
        body: 'Hi {{customer.firstName}}, about {{ticket.number}}: please send a photo.',
        scope: 'tenant',
      },
    });
    expect(created.status).toBe(201);
    await staff.reload();
    await staff.getByTestId('composer-body').pressSequentially('/');
    await expect(staff.getByTestId('saved-reply-picker')).toBeFocused();
    await staff.getByTestId('saved-reply-picker').selectOption({ label: title });
    await expect(staff.getByTestId('composer-body')).toHaveValue(/\{\{customer\.firstName\}\}/);
    await staff.getByTestId('composer-send').click();
    await expect(staff.getByTestId('public-message').last()).toContainText(
      `Hi Maria, about ${ticket.ticketNumber}: please send a photo.`,
    );
    await staff.context().close();
  });

  test('the whole reply flow by keyboard only: queue → j/k → Enter → r → type → send', async ({ page, browser }) => {
    const title = `Keys ${unique()}`;
    await customerTicket(page, title);
    const staff = await staffPage(browser, 'admin', `/modules/maintain?view=open&q=${encodeURIComponent(title)}`);
    await staff.locator('body').click({ position: { x: 1, y: 1 } });
    await staff.keyboard.press('j');
    await staff.keyboard.press('k');
    await expect(staff.locator('[data-row-link="0"]')).toBeFocused();
    await staff.keyboard.press('Enter');
    await expect(staff).toHaveURL(/\/modules\/maintain\/[0-9a-f]{24}$/);
    await expect(staff.getByTestId('composer')).toBeVisible();
    await staff.keyboard.press('?');
    await expect(staff.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await staff.keyboard.press('Escape');
    await staff.keyboard.press('r');
    await expect(staff.getByTestId('composer-body')).toBeFocused();
    const text = `Typed with keys ${unique()}`;
    await staff.keyboard.type(text);
    // Letters typed in the field are text, not shortcuts: still in the composer, nothing assigned.
    await expect(staff.getByTestId('composer-body')).toBeFocused();
    for (let i = 0; i < 8; i++) {
      await staff.keyboard.press('Tab');
      if (await staff.getByTestId('composer-send').evaluate((el) => el === document.activeElement)) break;
    }
    await expect(staff.getByTestId('composer-send')).toBeFocused();
    await staff.keyboard.press('Enter');
    await expect(staff.getByTestId('public-message').last()).toContainText(text);
    await staff.keyboard.press('a');
    await expect(staff.getByTestId('assignee')).toHaveText('Admin');
    await staff.context().close();
  });

  test('a ticket created on behalf of a phoning customer appears in their portal', async ({ page, browser }) => {
    const staff = await staffPage(browser, 'staff', '/modules/maintain/new');
    const title = `Phoned in ${unique()}`;
    await staff.getByLabel('Customer ID').fill(customer.customerId);
    await staff.getByLabel('Title').fill(title);
    await staff.getByLabel('What the customer reported').fill('Called: no internet since the storm last night.');
    await staff.getByRole('button', { name: 'Create ticket' }).click();
    await expect(staff).toHaveURL(/\/modules\/maintain\/[0-9a-f]{24}$/);
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText(title);
    await signInCustomer(page, slug, customer.email);
    await page.goto(portalUrl(slug, '/tickets'));
    await expect(page.getByText(title)).toBeVisible();
    await waitForMail(customer.email, (m) => (m.text ?? '').includes(title));
    await staff.context().close();
  });
});
