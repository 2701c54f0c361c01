import { expect, test } from '@playwright/test';
import { portalUrl, TENANTS } from './portal-urls';
import { expectAxeClean, expectNoHorizontalScroll, signInCustomer } from './tickets-helpers';

/** Every signed-in page, for both tenants, in English and in Spanish: branded, titled, axe-clean, no sideways scroll. */
const PAGES = ['/dashboard', '/tickets', '/tickets/new', '/service', '/support', '/support/faq', '/status'];

for (const tenant of Object.values(TENANTS)) {
  test(`${tenant.displayName}: every signed-in page is branded and accessible in English and Spanish`, async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
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
      }
    }
  });
}
