import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { expectNoAxeViolations, linkFromMail } from './portal-helpers';
import { portalUrl } from './portal-urls';
import { expectNoHorizontalScroll } from './tickets-helpers';
import { signInAsStaff, staffUrl } from './staff-helpers';

/** Unique per run and project (desktop and phone run the same journeys against one seeded stack). */
const runId = (testInfo: TestInfo) =>
  `${testInfo.project.name === 'phone' ? 'P' : 'D'}${Date.now().toString(36).toUpperCase()}`;

async function look(page: Page, testInfo: TestInfo, name: string) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `/tmp/customers-${name}-${testInfo.project.name}.png`, fullPage: true });
}

test('staff add a customer, find them by a phone typed as (402) 555-2007, invite them; the customer accepts and staff see the account active with its last sign-in', async ({
  page,
  browser,
}, testInfo) => {
  const id = runId(testInfo);
  const lastName = `Hansen${id}`;
  const email = `maria.${id.toLowerCase()}@example.com`;
  await signInAsStaff(page, { role: 'staff', returnTo: '/modules/customers' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers');
  await look(page, testInfo, 'list');

  await page.getByRole('link', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New customer');
  await page.getByLabel('Customer ID').fill(`E2E-${id}`);
  await page.getByLabel('First name').fill('Maria');
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Phone', { exact: true }).fill('402.555.2007');
  await look(page, testInfo, 'new');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Maria ${lastName}`);
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.goto(staffUrl('prairiesky', '/modules/customers'));
  await page.getByRole('searchbox', { name: 'Search' }).fill('(402) 555-2007');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/q=%28402%29/);
  const row = page.getByRole('row').filter({ hasText: lastName });
  await expect(row).toContainText('+14025552007');
  await expect(row).toContainText('No account');
  await look(page, testInfo, 'search');
  await row.getByRole('link', { name: `Maria ${lastName}` }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Maria ${lastName}`);
  const portal = page.getByRole('region', { name: `Portal account of Maria ${lastName}` });
  await portal.getByRole('button', { name: 'Send invitation' }).click();
  await expect(portal.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  await expect(portal.getByLabel('Invitation link (single use)')).toHaveValue(/signup\?code=/);
  await expect(portal.locator('.badge')).toHaveText(/Invited$/);
  await look(page, testInfo, 'customer-invited');

  const link = await linkFromMail(email, /https?:\/\/[^\s"'<>]*signup\?code=[^\s"'<>]+/);
  const customer = await browser.newContext();
  const customerPage = await customer.newPage();
  await customerPage.goto(link);
  await customerPage.getByLabel('New password').fill('Winter-Mornings-77');
  await customerPage.getByRole('button', { name: 'Set password and sign in' }).click();
  // Creating the account (the Auth emulator) and the session can take seconds on a busy machine.
  await expect(customerPage).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
  await customer.close();

  await page.reload();
  await expect(portal.locator('.badge')).toHaveText(/Active$/);
  await expect(portal.getByText(/^last sign-in /)).toBeVisible();
  await expect(portal.getByText('never signed in')).toHaveCount(0);
});

test('view as a customer: the portal shows the read-only banner, a comment is refused, and the way back returns to the customer page', async ({
  page,
}, testInfo) => {
  await signInAsStaff(page, { role: 'staff', returnTo: '/modules/customers/PSW-1001' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Maria Hansen');
  await look(page, testInfo, 'customer');
  await page.getByRole('button', { name: 'View as customer' }).click();

  await expect(page).toHaveURL(/\/modules\/customers\/portal\/dashboard$/);
  const banner = page.getByRole('region', { name: 'Staff view' });
  await expect(banner).toContainText('Viewing as Maria Hansen — read-only');
  await look(page, testInfo, 'view-as-dashboard');

  await page.goto(portalUrl('prairiesky', '/tickets'));
  await expect(banner).toBeVisible();
  await page.locator('[data-ticket-id]').first().click();
  await expect(banner).toBeVisible();
  const text = `Staff typing as the customer ${Date.now()}`;
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByText("We couldn't send your message.")).toBeVisible();
  await expect(page.getByRole('list', { name: 'Messages' }).getByText(text)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Messages' }).getByText(text)).toHaveCount(0);

  await banner.getByRole('button', { name: 'Back to staff view' }).click();
  await expect(page).toHaveURL(/\/modules\/customers\/PSW-1001$/);
  await expect(page.getByRole('region', { name: 'Staff view' })).toHaveCount(0);
  // The view ended: the portal is no longer open as the customer.
  await page.goto(portalUrl('prairiesky', '/dashboard'));
  await expect(page).toHaveURL(/\/login\?/);
});

/** A billing export of 500 customers in which lines 101 and 401 are bad. */
function billingCsv(prefix: string) {
  const lines = ['Account #,First Name,Last Name,Email,Phone,City,Status'];
  for (let i = 1; i <= 500; i++) {
    const n = String(i).padStart(4, '0');
    const email = i === 100 ? 'not-an-email' : `import.${prefix.toLowerCase()}.${n}@example.com`;
    const phone = i === 400 ? '12' : `(308) 555-${n}`;
    lines.push(`${prefix}-${n},Ana,Import${n},${email},${phone},Kearney,active`);
  }
  return lines.join('\n') + '\n';
}

test('a CSV of 500 customers: columns mapped, the dry run reports the two bad rows by line, the import creates the rest', async ({
  page,
}, testInfo) => {
  const prefix = `CSV${runId(testInfo)}`;
  await signInAsStaff(page, { role: 'staff', returnTo: '/modules/customers/import' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import customers');
  await look(page, testInfo, 'import-upload');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'billing-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(billingCsv(prefix)),
  });
  await page.getByRole('button', { name: 'Upload and map columns' }).click();

  await expect(page.getByText('billing-export.csv: 500 rows')).toBeVisible();
  await expect(page.getByLabel('Customer ID')).toHaveValue('Account #');
  await expect(page.getByLabel('Email')).toHaveValue('Email');
  await look(page, testInfo, 'import-mapping');

  await page.getByRole('button', { name: 'Preview (dry run)' }).click();
  await expect(page.getByRole('heading', { name: 'Preview: nothing has been saved yet' })).toBeVisible();
  const errors = page.getByRole('table', { name: 'Rows that would not be imported' });
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(errors.getByRole('row').nth(1)).toContainText('101');
  await expect(errors.getByRole('row').nth(1)).toContainText('Email: Enter a valid email address.');
  await expect(errors.getByRole('row').nth(2)).toContainText('401');
  await expect(errors.getByRole('row').nth(2)).toContainText('Phone:');
  await look(page, testInfo, 'import-preview');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Created' })).toContainText('498');
  await look(page, testInfo, 'import-done');

  await page.goto(staffUrl('prairiesky', `/modules/customers?q=${prefix}-0002`));
  await expect(page.getByRole('row').filter({ hasText: 'Ana Import0002' })).toContainText('+13085550002');
});
