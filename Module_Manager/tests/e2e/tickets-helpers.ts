import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { portalUrl, WEB_PORT } from './portal-urls';

import { DEMO_PASSWORD } from './portal-helpers';
import { signInAsStaff } from './staff-helpers';

// One definition each for the whole e2e suite: the seeded password and the axe WCAG 2.1 A/AA check.
export { DEMO_PASSWORD, expectNoAxeViolations as expectAxeClean } from './portal-helpers';

/** Seeded customers with an active portal login (backend-services/src/seed). */
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

/** Seeded customer 8 of each tenant: a portal account and no tickets at all (no test files one for them). */
export const CUSTOMER_WITHOUT_TICKETS = {
  prairiesky: 'carlos.brown.8@prairiesky-customers.example',
  summitridge: 'carlos.brown.8@summitridge-customers.example',
} as const;

export const origin = (slug: string) => `http://${slug}.localhost:${WEB_PORT}`;

/**
 * API calls go through the browser (Node cannot resolve *.localhost; Chromium can): fetch from a page on
 * the tenant's origin, with the double-submit CSRF header. Returns status and parsed JSON.
 */
export async function browserFetch<T = unknown>(
  page: Page,
  path: string,
  init: { method?: string; json?: unknown; form?: Record<string, string> } = {},
) {
  return page.evaluate(
    async ({ path, init }) => {
      let token = document.cookie.match(/(?:^|;\s*)wisp_csrf=([^;]+)/)?.[1];
      if (!token) token = ((await (await fetch('/api/session/csrf')).json()) as { csrfToken: string }).csrfToken;
      const headers: Record<string, string> = { 'x-csrf-token': decodeURIComponent(token) };
      let body: BodyInit | undefined;
      if (init.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(init.json);
      } else if (init.form) {
        const fd = new FormData();
        for (const [k, v] of Object.entries(init.form)) fd.set(k, v);
        body = fd;
      }
      const res = await fetch(path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, json, contentType: res.headers.get('content-type') ?? '' };
    },
    { path, init },
  ) as Promise<{ status: number; json: T; contentType: string }>;
}

/** Signs the page's browser context in as a customer through the API (from a page on the tenant's origin). */
export async function signInCustomer(page: Page, slug: Slug, email: string) {
  await page.goto(portalUrl(slug));
  const res = await browserFetch(page, '/api/customer-portal/auth/login', {
    json: { identifier: email, password: DEMO_PASSWORD },
  });
  expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
}

/** A separate browser context signed in as the tenant's seeded admin: the staff side of the API. */
export async function staffApi(browser: Browser, slug: Slug) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsStaff(page, { tenant: slug, role: 'admin' });
  return {
    async post<T = unknown>(url: string, data: unknown): Promise<T> {
      const res = await browserFetch<T>(page, url, { json: data });
      expect(res.status, `${url}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
      return res.json;
    },
    raw: (url: string, data: unknown) => browserFetch(page, url, { json: data }),
    get: (url: string) => browserFetch(page, url),
    dispose: () => context.close(),
  };
}

export const ticketsUrl = (slug: string, p = '') => portalUrl(slug, `/tickets${p}`);

/** No horizontal scroll at the current viewport. */
export async function expectNoHorizontalScroll(page: Page) {
  const { overflow, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The innermost elements sticking out name the cause when this fails.
    const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 1);
    const innermost = wide.filter((e) => !wide.some((o) => o !== e && e.contains(o)));
    return {
      overflow: document.documentElement.scrollWidth - width,
      culprits: innermost
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]} → ${Math.round(e.getBoundingClientRect().right)}px`,
        ),
    };
  });
  expect(overflow, `wider than the screen: ${culprits.join(', ')}`).toBeLessThanOrEqual(0);
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
export async function waitForMail(
  to: string,
  match: (mail: ParsedMail) => boolean,
  timeoutMs = 20_000,
): Promise<ParsedMail> {
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

/** For pages without JavaScript: sign in from a scripted context, then hand its cookies to `target`. */
export async function signInCustomerWithoutJs(browser: Browser, target: BrowserContext, slug: Slug, email: string) {
  const helper = await browser.newContext();
  await signInCustomer(await helper.newPage(), slug, email);
  await target.addCookies(await helper.cookies());
  await helper.close();
}
