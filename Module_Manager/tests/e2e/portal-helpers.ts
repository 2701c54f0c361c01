import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';

/** The seeded demo password (backend-services/src/seed/demo-tenants.ts). */
export const DEMO_PASSWORD = 'Portal-Demo-2026';

/** Seeded customers by number (backend-services/src/seed/demo-customers.ts). */
export const CUSTOMERS = {
  prairiesky: {
    email1: 'maria.hansen.1@prairiesky-customers.example',
    phone2: '(402) 555-2002',
    signup: { id: 'PSW-1007', phone: '402.555.2007', email: 'susan.miller.7@prairiesky-customers.example' },
  },
  summitridge: {
    email1: 'maria.hansen.1@summitridge-customers.example',
    phone2: '(970) 555-2002',
    signup: { id: 'SRI-1007', phone: '970-555-2007', email: 'susan.miller.7@summitridge-customers.example' },
  },
} as const;

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Opens the header's account menu (language, contrast, sign-out), which keeps the phone header one bar. */
export async function openAccountMenu(page: Page) {
  const menu = page.getByTestId('account-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.locator('#identifier').fill(identifier);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Waits for a message to `to` in the dev SMTP sink's folder and returns the first link matching `pattern`. */
export async function linkFromMail(to: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (run through scripts/test.sh --e2e)');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.eml') && f.includes(to))
          .sort()
      : [];
    for (const file of files.reverse()) {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
      const body = `${mail.text ?? ''} ${typeof mail.html === 'string' ? mail.html : ''}`;
      const match = body.match(pattern);
      if (match) return match[0].replace(/&amp;/g, '&');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} with a link matching ${pattern}`);
}
