import fs from 'node:fs';
import path from 'node:path';
import { expect, request, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { simpleParser, type ParsedMail } from 'mailparser';
import { portalUrl, WEB_PORT } from './portal-urls';

/** Seeded demo data (backend-services/src/seed): password and the customers with an active portal login. */
export const DEMO_PASSWORD = 'Portal-Demo-2026';
export const CUSTOMERS = {
  prairiesky: [
    { customerId: 'PSW-1001', email: 'maria.hansen.1@prairiesky-customers.example' },
    { customerId: 'PSW-1002', email: 'james.martinez.2@prairiesky-customers.example' },
  ],
  summitridge: [
    { customerId: 'SRI-1001', email: 'maria.hansen.1@summitridge-customers.example' },
    { customerId: 'SRI-1002', email: 'james.martinez.2@summitridge-customers.example' },
  ],
} as const;
export type Slug = keyof typeof CUSTOMERS;

export const origin = (slug: string) => `http://${slug}.localhost:${WEB_PORT}`;

async function csrf(req: APIRequestContext, slug: string): Promise<string> {
  const res = await req.get(`${origin(slug)}/api/session/csrf`);
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Signs the page's browser context in as a customer through the API (shares the page's cookie jar). */
export async function signInCustomer(page: Page, slug: Slug, email: string) {
  const token = await csrf(page.request, slug);
  const res = await page.request.post(`${origin(slug)}/api/customer-portal/auth/login`, {
    data: { identifier: email, password: DEMO_PASSWORD },
    headers: { 'x-csrf-token': token },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

/** A separate request context signed in as the tenant's seeded admin: the staff side of the API. */
export async function staffApi(slug: Slug) {
  const ctx = await request.newContext({ baseURL: origin(slug) });
  const token = await csrf(ctx, slug);
  const login = await ctx.post('/api/staff/auth/login', { data: { email: `admin@${slug}.example`, password: DEMO_PASSWORD }, headers: { 'x-csrf-token': token } });
  expect(login.status(), await login.text()).toBeLessThan(300);
  const headers = { 'x-csrf-token': token };
  return {
    ctx,
    async post<T = unknown>(url: string, data: unknown): Promise<T> {
      const res = await ctx.post(url, { data, headers });
      expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json().catch(() => ({}))) as T;
    },
    dispose: () => ctx.dispose(),
  };
}

export const ticketsUrl = (slug: string, p = '') => portalUrl(slug, `/tickets${p}`);

/** axe with the WCAG 2.1 A/AA rules: no violations allowed. */
export async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** No horizontal scroll at the current viewport. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Full-page screenshot into /tmp for a human look (tenant × viewport). */
export async function shot(page: Page, testInfo: TestInfo, name: string) {
  fs.mkdirSync('/tmp/portal-pages-shots', { recursive: true });
  await page.screenshot({ path: `/tmp/portal-pages-shots/${name}-${testInfo.project.name}.png`, fullPage: true });
}

/** A tiny valid PNG (a 4×4 red square with an alpha channel), built in memory. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAEklEQVR4nGP4z8DwHxkzkC4AADxAH+HggXe0AAAAAElFTkSuQmCC',
    'base64',
  );
}

/** Waits for an email (from the dev SMTP sink's .eml folder) to `to` that passes `match`. */
export async function waitForMail(to: string, match: (mail: ParsedMail) => boolean, timeoutMs = 20_000): Promise<ParsedMail> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (run through scripts/test.sh --e2e)');
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml') && f.includes(to)) : [];
    for (const f of files) {
      if (seen.has(f)) continue;
      const mail = await simpleParser(fs.readFileSync(path.join(dir, f)));
      if (match(mail)) return mail;
      seen.add(f);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`No matching email to ${to} within ${timeoutMs} ms`);
}
