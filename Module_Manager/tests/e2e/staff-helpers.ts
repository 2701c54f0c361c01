import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './portal-helpers';
import { WEB_PORT } from './portal-urls';

/** The seeded staff logins (backend-services/src/seed/seed.ts): one admin and one plain staff member per tenant. */
export const STAFF = {
  prairiesky: { admin: 'admin@prairiesky.example', staff: 'dale@prairiesky.example' },
  summitridge: { admin: 'admin@summitridge.example', staff: 'dale@summitridge.example' },
} as const;
export type StaffTenant = keyof typeof STAFF;
export type StaffRole = 'admin' | 'staff';

/** A staff page on the tenant's platform host, e.g. `staffUrl('prairiesky', '/modules/customers')`. */
export const staffUrl = (tenant: string, path = '/dashboard') => `http://${tenant}.localhost:${WEB_PORT}${path}`;

/**
 * Signs the page's browser context in through the REAL staff sign-in page (the Firebase JS SDK against
 * the Auth emulator, then the server session), and waits for the page it lands on: `returnTo` when
 * given (a staff path), else the dashboard.
 */
export async function signInAsStaff(
  page: Page,
  {
    tenant = 'prairiesky',
    role = 'admin',
    returnTo,
    password = DEMO_PASSWORD,
  }: { tenant?: StaffTenant; role?: StaffRole; returnTo?: string; password?: string } = {},
) {
  const q = returnTo ? `?${new URLSearchParams({ returnTo })}` : '';
  await page.goto(staffUrl(tenant, `/staff/login${q}`));
  await fillStaffSignIn(page, STAFF[tenant][role], password);
  const landing = returnTo ?? '/dashboard';
  await expect(page).toHaveURL((url) => url.pathname + url.search === landing);
  return { email: STAFF[tenant][role] };
}

/** Types into the staff sign-in form and submits it (for tests of what goes wrong). */
export async function fillStaffSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * An ID token for a seeded staff login straight from the Auth emulator, for API-only set-up from Node
 * (what the SDK on the sign-in page gets); trade it at `POST /api/staff/auth/session`.
 */
export async function staffIdToken(email: string, password = DEMO_PASSWORD): Promise<string> {
  const host = process.env.E2E_AUTH_EMULATOR_HOST;
  if (!host) throw new Error('E2E_AUTH_EMULATOR_HOST is not set (run through scripts/test.sh --e2e)');
  const res = await fetch(`http://${host}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=any`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = (await res.json()) as { idToken?: string };
  if (!body.idToken) throw new Error(`emulator sign-in failed for ${email}`);
  return body.idToken;
}

/** Opens the shell's account menu (who is signed in, sign out, sign out everywhere). */
export async function openAccountMenu(page: Page) {
  await page.locator('summary').filter({ hasText: 'Account:' }).click();
}
