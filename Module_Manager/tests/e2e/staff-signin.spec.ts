import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, expectNoAxeViolations } from './portal-helpers';
import { portalUrl, TENANTS } from './portal-urls';
import { CUSTOMERS, expectNoHorizontalScroll, signInCustomer } from './tickets-helpers';
import { fillStaffSignIn, openAccountMenu, signInAsStaff, STAFF, staffUrl } from './staff-helpers';

/** The scripts a page loaded, with their source: to prove which pages carry the Firebase SDK. */
async function loadedScripts(page: Page, url: string, whileThere?: () => Promise<void>) {
  const scripts: Promise<string>[] = [];
  const onResponse = (res: import('@playwright/test').Response) => {
    if (res.request().resourceType() === 'script') scripts.push(res.text().catch(() => ''));
  };
  page.on('response', onResponse);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await whileThere?.();
  page.off('response', onResponse);
  return Promise.all(scripts);
}
const FIREBASE_SDK = /identitytoolkit\.googleapis\.com|securetoken\.googleapis\.com/;

test('staff sign in through the SDK page and land on the dashboard inside the staff shell', async ({
  page,
}, testInfo) => {
  await page.goto(staffUrl('prairiesky', '/staff/login'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Staff sign-in');
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `/tmp/staff-login-${testInfo.project.name}.png`, fullPage: true });

  await signInAsStaff(page, { tenant: 'prairiesky', role: 'admin' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
  const nav = page.getByRole('navigation', { name: 'Staff workspace' });
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Customers' })).toHaveAttribute('href', '/modules/customers');
  await expect(nav.getByRole('link', { name: 'Tickets' })).toHaveAttribute('href', '/modules/maintain');
  await expect(nav.getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/modules/settings/branding');
  await expect(page.getByText(TENANTS.prairiesky.displayName).first()).toBeVisible();
  await openAccountMenu(page);
  await expect(page.getByText('Administrator')).toBeVisible();
  await expect(page.locator('strong', { hasText: STAFF.prairiesky.admin })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `/tmp/staff-shell-${testInfo.project.name}.png`, fullPage: true });
});

test('the skip link is the first stop and moves focus to the page', async ({ page }) => {
  await signInAsStaff(page, { tenant: 'summitridge', role: 'staff' });
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('plain staff see no Settings; Summit Ridge staff sign in on their own host', async ({ page }) => {
  await signInAsStaff(page, { tenant: 'summitridge', role: 'staff' });
  const nav = page.getByRole('navigation', { name: 'Staff workspace' });
  await expect(nav.getByRole('link', { name: 'Customers' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await expect(page.getByText(TENANTS.summitridge.displayName).first()).toBeVisible();
});

test('a wrong password shows in the error summary, and nothing is signed in', async ({ page }) => {
  await page.goto(staffUrl('prairiesky', '/staff/login'));
  await fillStaffSignIn(page, STAFF.prairiesky.admin, 'Not-The-Password-1');
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('That email and password do not match a staff account.');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expectNoAxeViolations(page);
  await page.goto(staffUrl('prairiesky', '/dashboard'));
  await expect(page).toHaveURL(/\/staff\/login$/);
});

test("another tenant's staff are refused on this tenant's sign-in page", async ({ page }) => {
  await page.goto(staffUrl('prairiesky', '/staff/login'));
  await fillStaffSignIn(page, STAFF.summitridge.admin, DEMO_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('This account cannot sign in to the Prairie Sky Wireless staff');
  await expect(page).toHaveURL(/\/staff\/login/);
});

test('a staff page without a session goes to sign in and comes back to it afterwards', async ({ page }) => {
  await page.goto(staffUrl('prairiesky', '/dashboard?from=bookmark'));
  await expect(page).toHaveURL(/\/staff\/login\?returnTo=%2Fdashboard%3Ffrom%3Dbookmark$/);
  await fillStaffSignIn(page, STAFF.prairiesky.staff, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard\?from=bookmark$/);
});

test('a returnTo off the staff side is not followed', async ({ page }) => {
  for (const bad of ['https://evil.example/', '//evil.example', '/modules/customers/portal/dashboard']) {
    await page.context().clearCookies();
    await page.goto(staffUrl('prairiesky', `/staff/login?${new URLSearchParams({ returnTo: bad })}`));
    await fillStaffSignIn(page, STAFF.prairiesky.admin, DEMO_PASSWORD);
    await expect(page).toHaveURL(staffUrl('prairiesky', '/dashboard'));
  }
});

test('sign out ends the session; sign out everywhere ends it on every device', async ({ page, browser }) => {
  await signInAsStaff(page, { tenant: 'prairiesky', role: 'staff' });
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/login\?signedOut=1$/);
  await expect(page.getByRole('status')).toHaveText('You are signed out.');
  await page.goto(staffUrl('prairiesky', '/dashboard'));
  await expect(page).toHaveURL(/\/staff\/login$/);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInAsStaff(otherPage, { tenant: 'prairiesky', role: 'staff' });
  await signInAsStaff(page, { tenant: 'prairiesky', role: 'staff' });
  // Firebase records revocation to the second.
  await page.waitForTimeout(1_100);
  await openAccountMenu(page);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('status')).toHaveText('You are signed out on every device.');
  await otherPage.goto(staffUrl('prairiesky', '/dashboard'));
  await expect(otherPage).toHaveURL(/\/staff\/login$/);
  await other.close();
  // Signing in again afterwards works (a fresh token).
  await signInAsStaff(page, { tenant: 'prairiesky', role: 'staff' });
});

test('a customer session never opens a staff page, and a staff session never opens the portal as a customer', async ({
  page,
}) => {
  await signInCustomer(page, 'prairiesky', CUSTOMERS.prairiesky[0].email);
  await page.goto(staffUrl('prairiesky', '/dashboard'));
  await expect(page).toHaveURL(/\/staff\/login$/);
  await page.goto(staffUrl('prairiesky', '/modules/settings/branding'));
  await expect(page).toHaveURL(/\/staff\/login\?returnTo=%2Fmodules%2Fsettings%2Fbranding$/);

  await page.context().clearCookies();
  await signInAsStaff(page, { tenant: 'prairiesky', role: 'admin' });
  await page.goto(portalUrl('prairiesky', '/dashboard'));
  await expect(page).toHaveURL(/\/modules\/customers\/portal\/login\?returnTo=/);
});

test('customer pages load no Firebase JS and allow no connection beyond their own origin; the staff sign-in page does', async ({
  page,
}) => {
  const portalScripts = [
    ...(await loadedScripts(page, portalUrl('prairiesky', '/login'))),
    ...(await loadedScripts(page, portalUrl('prairiesky', '/signup'))),
  ];
  expect(portalScripts.length).toBeGreaterThan(0);
  expect(portalScripts.filter((s) => FIREBASE_SDK.test(s))).toHaveLength(0);
  const portalCsp = (await page.goto(portalUrl('prairiesky', '/login')))?.headers()['content-security-policy'];
  expect(portalCsp).toMatch(/connect-src 'self'(;|$)/);

  await page.context().clearCookies();
  await signInCustomer(page, 'prairiesky', CUSTOMERS.prairiesky[0].email);
  const dashboardScripts = await loadedScripts(page, portalUrl('prairiesky', '/dashboard'));
  expect(dashboardScripts.filter((s) => FIREBASE_SDK.test(s))).toHaveLength(0);

  const staffScripts = await loadedScripts(page, staffUrl('prairiesky', '/staff/login'));
  expect(staffScripts.filter((s) => FIREBASE_SDK.test(s)).length).toBeGreaterThan(0);
  const staffCsp = (await page.goto(staffUrl('prairiesky', '/staff/login')))?.headers()['content-security-policy'];
  expect(staffCsp).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:\d+(;|$)/);
});
