import { expect, request, test } from '@playwright/test';
import { portalUrl, TENANTS, WEB_PORT } from './portal-urls';
import {
  CUSTOMERS,
  DEMO_PASSWORD,
  expectNoAxeViolations,
  linkFromMail,
  openAccountMenu,
  signIn,
} from './portal-helpers';
import { staffIdToken } from './staff-helpers';

for (const tenant of Object.values(TENANTS)) {
  const people = CUSTOMERS[tenant.slug];

  test.describe(`${tenant.displayName}`, () => {
    test('every signed-out page is branded, titled with the company name and axe-clean', async ({ page }, testInfo) => {
      for (const [path, heading] of [
        ['', `Welcome to ${tenant.displayName} Support`],
        ['/login', 'Sign in'],
        ['/signup', 'Create your account'],
        ['/signup?code=abcdefghijklmnopqrstuvwxyz', 'Set up your account'],
        ['/forgot-password', 'Reset your password'],
        ['/reset-password?oobCode=not-a-real-code', 'Choose a new password'],
        ['/verify-email?oobCode=not-a-real-code', 'We could not confirm your email'],
        ['/no-such-page', 'Page not found'],
      ] as const) {
        await page.goto(portalUrl(tenant.slug, path));
        await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(heading);
        await expect(page).toHaveTitle(new RegExp(tenant.displayName));
        await expect(page.getByRole('banner').getByRole('img', { name: tenant.displayName })).toBeVisible();
        expect(await page.getByRole('banner').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
          tenant.primary,
        );
        // No horizontal scroll at any width.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await expectNoAxeViolations(page);
        if (path === '' || path === '/signup') {
          await page.screenshot({
            path: `/tmp/portal-${tenant.slug}-${testInfo.project.name}${path.replace('/', '-') || '-landing'}.png`,
            fullPage: true,
          });
        }
      }
    });

    test('signs in by email and lands on a branded, axe-clean dashboard with plan, fee and billing date', async ({
      page,
    }) => {
      await page.goto(portalUrl(tenant.slug));
      await signIn(page, people.email1);
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Maria');
      await expect(page.getByText('Service active')).toBeVisible();
      await expect(page.getByText(/\d+\/\d+ Mbps/)).toBeVisible();
      await expect(page.getByText(/\$\d+\.\d{2}/)).toBeVisible();
      await expect(page.getByRole('link', { name: 'Report a problem' })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(`Dashboard · ${tenant.displayName}`));
      await expectNoAxeViolations(page);
      // A signed-in person opening the login page goes to the dashboard.
      await page.goto(portalUrl(tenant.slug, '/login'));
      await expect(page).toHaveURL(/\/dashboard$/);
      await openAccountMenu(page);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByText('You have signed out.')).toBeVisible();
    });

    test('signs in by phone number in a local format', async ({ page }) => {
      await page.goto(portalUrl(tenant.slug, '/login'));
      await signIn(page, people.phone2);
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hello, /);
    });

    test('a signed-out visit to a signed-in page returns there after signing in', async ({ page }) => {
      await page.goto(portalUrl(tenant.slug, '/dashboard?from=test'));
      await expect(page).toHaveURL(/\/login\?returnTo=/);
      await signIn(page, people.email1);
      await expect(page).toHaveURL(/\/dashboard\?from=test$/);
    });

    test('after the session ends, the person is sent to sign in and then back to the same page', async ({
      page,
      context,
    }) => {
      await page.goto(portalUrl(tenant.slug, '/login'));
      await signIn(page, people.email1);
      await expect(page).toHaveURL(/\/dashboard$/);
      // The session ends on the server (here: the cookie no longer matches a live session).
      const cookies = await context.cookies();
      await context.addCookies(
        cookies.filter((c) => c.name === 'wisp_session').map((c) => ({ ...c, value: 'ended-session-token' })),
      );
      await page.goto(portalUrl(tenant.slug, '/dashboard?page=2'));
      await expect(page).toHaveURL(/\/login\?returnTo=/);
      await signIn(page, people.email1);
      await expect(page).toHaveURL(/\/dashboard\?page=2$/);
    });

    test('the expired-session login page says so and keeps the way back', async ({ page }) => {
      await page.goto(
        portalUrl(
          tenant.slug,
          `/login?returnTo=${encodeURIComponent('/modules/customers/portal/dashboard?x=1')}&expired=1`,
        ),
      );
      await expect(page.getByText('Your session expired. Sign in again')).toBeVisible();
      await signIn(page, people.email1);
      await expect(page).toHaveURL(/\/dashboard\?x=1$/);
    });

    test('switches to Spanish and back, remembered across pages, with dates and money per locale', async ({ page }) => {
      await page.goto(portalUrl(tenant.slug));
      await openAccountMenu(page);
      await page.getByRole('button', { name: 'Español' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        `Bienvenido al soporte de ${tenant.displayName}`,
      );
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await expectNoAxeViolations(page);
      await expect(page.locator('label[for=identifier]')).toHaveText('Correo electrónico o teléfono');
      await page.locator('#identifier').fill(people.email1);
      await page.locator('#password').fill('Portal-Demo-2026');
      await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hola, Maria');
      await expect(page.getByText(/\d+,\d{2}\s?US\$/)).toBeVisible();
      await expect(page.getByText(/\d{1,2} de [a-z]+ de \d{4}/)).toBeVisible();
      await openAccountMenu(page);
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Maria');
    });

    test('the high-contrast option is remembered and overrides the tenant palette', async ({ page }) => {
      await page.goto(portalUrl(tenant.slug, '/signup'));
      await openAccountMenu(page);
      await page.getByRole('button', { name: 'High contrast' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
      await openAccountMenu(page);
      await expect(page.getByRole('button', { name: 'High contrast' })).toHaveAttribute('aria-pressed', 'true');
      expect(await page.getByRole('banner').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
        'rgb(0, 0, 0)',
      );
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create your account');
      await expectNoAxeViolations(page);
      await page.goto(portalUrl(tenant.slug, '/login'));
      await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
    });
  });
}

test('a wrong password shows one generic error beside the password field and in the summary, keeping the email', async ({
  page,
}) => {
  await page.goto(portalUrl('prairiesky', '/login'));
  await signIn(page, CUSTOMERS.prairiesky.email1, 'Not-The-Password-1');
  const field = page.locator('#password');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#password-error')).toContainText('do not match an account');
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('alert').getByRole('link', { name: /do not match/ })).toHaveAttribute(
    'href',
    '#password',
  );
  await expect(page.locator('#identifier')).toHaveValue(CUSTOMERS.prairiesky.email1);
  await expect(field).toHaveValue('');
  await expectNoAxeViolations(page);
});

test('the login form says what is missing without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(portalUrl('summitridge', '/login'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('#identifier-error')).toContainText('Enter your email address or phone number.');
  await expect(page.locator('#password-error')).toContainText('Enter your password.');
  await context.close();
});

test('forgot password (inline form) always answers the same way', async ({ page }) => {
  await page.goto(portalUrl('prairiesky'));
  await page.getByText('Forgot password?').click();
  await page.locator('#forgotIdentifier').fill('nobody@example.com');
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If we have an account for those details')).toBeVisible();
});

test('sign-up asks for the customer ID and phone only; the emailed link chooses the password (rules checked live) and the account can sign in', async ({
  page,
  context,
}, testInfo) => {
  // Each project signs up a different seeded customer (sign-up succeeds once per customer).
  const tenant = testInfo.project.name === 'phone' ? TENANTS.summitridge : TENANTS.prairiesky;
  const who = CUSTOMERS[tenant.slug].signup;
  await page.goto(portalUrl(tenant.slug, '/signup'));
  await expect(page.getByLabel('New password')).toHaveCount(0);
  await page.getByLabel('Customer ID').fill(who.id);
  await page.getByLabel('Phone number').fill(who.phone);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
  const link = await linkFromMail(who.email, /https?:\/\/[^\s"'<>]*signup\?code=[^\s"'<>]+/);
  // The emailed link is served at the root of the tenant's host (SvelteKit `reroute`), as on a custom domain.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your account');
  const rules = page.locator('#password-rules');
  await page.getByLabel('New password').fill('short');
  await expect(rules.getByText('At least 10 characters')).toContainText('(not yet)');
  await page.getByLabel('New password').fill('Summer-Evenings-42');
  await expect(rules.getByText('At least 10 characters')).toContainText('(done)');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await context.clearCookies();
  await page.goto(portalUrl(tenant.slug, '/login'));
  await signIn(page, who.email, 'Summer-Evenings-42');
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('an invitation link from staff lets the customer set a password and lands signed in', async ({
  page,
}, testInfo) => {
  const tenant = testInfo.project.name === 'phone' ? TENANTS.summitridge : TENANTS.prairiesky;
  const customerId = `${tenant.slug === 'prairiesky' ? 'PSW' : 'SRI'}-1006`;
  const email = `invitee.${tenant.slug}@example.com`;
  // Staff send the invitation through the portal's API proxy (Node cannot resolve *.localhost, so the
  // tenant is named with `?tenant=` on the bare loopback address).
  const staff = await request.newContext({ baseURL: `http://127.0.0.1:${WEB_PORT}` });
  const q = `?tenant=${tenant.slug}`;
  const { csrfToken } = (await (await staff.get(`/api/session/csrf${q}`)).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  expect(
    (
      await staff.post(`/api/staff/auth/session${q}`, {
        headers,
        data: { idToken: await staffIdToken(`admin@${tenant.slug}.example`) },
      })
    ).status(),
  ).toBe(200);
  expect(
    (await staff.post(`/api/customers/${customerId}/portal-invite${q}`, { headers, data: { email } })).status(),
  ).toBe(202);
  await staff.dispose();

  const link = await linkFromMail(email, /https?:\/\/[^\s"'<>]*signup\?code=[^\s"'<>]+/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your account');
  await expectNoAxeViolations(page);
  await page.getByLabel('New password').fill('Winter-Mornings-77');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hello, /);
  await page.screenshot({ path: `/tmp/portal-${tenant.slug}-${testInfo.project.name}-dashboard.png`, fullPage: true });
});

test('password reset end to end: the emailed link sets a new password, the old one stops working', async ({
  page,
}, testInfo) => {
  // Each project resets a different seeded customer (customer 3, whom no other test signs in as).
  const slug = testInfo.project.name === 'phone' ? 'summitridge' : 'prairiesky';
  const email = `linda.larsen.3@${slug}-customers.example`;
  await page.goto(portalUrl(slug, '/forgot-password'));
  await page.locator('#forgotIdentifier').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('If we have an account for those details')).toBeVisible();

  const link = await linkFromMail(email, /https?:\/\/[^\s"'<>]*reset-password\?oobCode=[^\s"'<>]+/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expectNoAxeViolations(page);
  await page.getByLabel('New password').fill('Ridge-Line-Sunrise-7');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1$/);

  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.locator('#password-error')).toContainText('do not match an account');
  await signIn(page, email, 'Ridge-Line-Sunrise-7');
  await expect(page).toHaveURL(/\/dashboard$/);
});
