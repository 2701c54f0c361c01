import { expect, test, type Page } from '@playwright/test';
import { portalUrl, TENANTS } from './portal-urls';
import { expectAxeClean, expectNoHorizontalScroll, shot, signInCustomer } from './tickets-helpers';

/** Every signed-in page, for both tenants, in English and in Spanish: branded, titled, axe-clean, no sideways scroll. */
const PAGES = ['/dashboard', '/tickets', '/tickets/new', '/service', '/support', '/support/faq', '/status'];

/**
 * Issue 18, item 11: copy a person would notice. No separator glued to one word ("ago· Technician",
 * "Tower— expected"), no emoji warning sign, no "1 results", no "Tickets: 2" label, no dot in the footer.
 */
async function expectCleanCopy(page: Page, path: string) {
  const text = await page.locator('body').innerText();
  expect(text, path).not.toMatch(/\S[·—] |[ ][·—]\S/);
  expect(text, path).not.toContain('⚠');
  expect(text, path).not.toMatch(/\b1 (results|resultados)\b/);
  expect(text, path).not.toMatch(/Tickets: \d/);
  await expect(page.getByRole('contentinfo').locator('.legal'), path).not.toContainText('·');
}

/** The service page: visit types as words, the address as "Town, ST 12345" on one line. */
async function expectServiceCopy(page: Page, locale: 'en' | 'es') {
  const visits = page.getByRole('region', {
    name: locale === 'en' ? 'Installation and technician visits' : 'Instalación y visitas técnicas',
  });
  const types = locale === 'en' ? /^(Installation|Repair visit) · / : /^(Instalación|Visita de reparación) · /;
  for (const heading of await visits.getByRole('heading', { level: 3 }).allInnerTexts()) expect(heading).toMatch(types);
  const address = await page.locator('address').innerText();
  expect(
    address.split('\n').some((line) => /, [A-Z]{2} \d{5}$/.test(line.trim())),
    address,
  ).toBe(true);
}

/** FAQ list excerpts: the article's text (not its headings), ending on a whole word before "…", never mid-word. */
async function expectWholeWordExcerpts(page: Page, slug: string) {
  const items = page.locator('main li').filter({ has: page.locator('p.muted') });
  for (const item of await items.all()) {
    const excerpt = (await item.locator('p.muted').innerText()).trim();
    if (!excerpt.endsWith('…')) continue;
    const href = (await item.getByRole('link').getAttribute('href'))!;
    const article = await page.context().newPage();
    await article.goto(portalUrl(slug, href.replace('/modules/customers/portal', '')));
    // The excerpt is made of the article's text blocks; its headings are never run into it.
    const blocks = await article.locator('main').locator('p, li').allInnerTexts();
    const headings = await article.locator('main').locator('h2, h3').allInnerTexts();
    await article.close();
    for (const heading of headings) expect(excerpt, `excerpt of ${href}`).not.toContain(heading.trim());
    const body = blocks.join(' ').replace(/\s+/g, ' ');
    const start = excerpt.slice(0, -1).replace(/\s+/g, ' ');
    const at = body.indexOf(start);
    expect(at, `excerpt of ${href}`).toBeGreaterThanOrEqual(0);
    expect(body.charAt(at + start.length), `excerpt of ${href} cut mid-word`).not.toMatch(/[\p{L}\p{N}]/u);
  }
}

for (const tenant of Object.values(TENANTS)) {
  test(`${tenant.displayName}: every signed-in page is branded and accessible in English and Spanish`, async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(150_000);
    await signInCustomer(page, tenant.slug, `maria.hansen.1@${tenant.slug}-customers.example`);
    const englishHeadings = new Map<string, string>();
    for (const locale of ['en', 'es'] as const) {
      await context.addCookies([
        { name: 'portal_locale', value: locale, domain: `${tenant.slug}.localhost`, path: '/' },
      ]);
      // A ticket of this customer, found from the list, stands for the ticket detail page.
      await page.goto(portalUrl(tenant.slug, '/tickets'));
      const firstTicket = await page.locator('[data-ticket-id]').first().getAttribute('data-ticket-id');
      for (const path of [...PAGES, `/tickets/${firstTicket}`]) {
        await page.goto(portalUrl(tenant.slug, path));
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page).toHaveTitle(new RegExp(tenant.displayName));
        const header = await page
          .locator('header')
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor);
        expect(header, path).toBe(tenant.primary);
        const heading = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
        expect(heading, path).not.toBe('');
        if (locale === 'en') englishHeadings.set(path, heading);
        else if (!path.startsWith('/tickets/') || path === '/tickets/new') {
          // Page headings are translated (a ticket's own title is the customer's words, not ours).
          expect(heading, path).not.toBe(englishHeadings.get(path));
        }
        await expectAxeClean(page);
        await expectNoHorizontalScroll(page);
        await expectCleanCopy(page, path);
        if (path === '/service') await expectServiceCopy(page, locale);
        if (path === '/support/faq' && locale === 'en') await expectWholeWordExcerpts(page, tenant.slug);
        // For a person to look at: every page, tenant, language and size.
        const name = path.startsWith('/tickets/') && path !== '/tickets/new' ? '/ticket' : path;
        await shot(page, testInfo, `walk-${tenant.slug}-${locale}${name.replaceAll('/', '-')}`);
      }
    }
  });
}
