import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { portalUrl } from './portal-urls';
import { CUSTOMER_WITHOUT_TICKETS, signInCustomer } from './tickets-helpers';
import { signInAsStaff, staffUrl } from './staff-helpers';

/**
 * What a first visit downloads. Customers are often on a weak link (or on cellular because their link is
 * down), so each portal page's first-load JavaScript stays under a budget: the gzip size of every script
 * the page fetches until the network is idle (route nodes, their imports and what hydration imports).
 * Measured 52–68 KB on 2026-12-02; the goal is 55 KB. Lower the budgets as pages get lighter; never raise
 * one without saying why in the commit.
 */
const PORTAL_JS_BUDGET_KB = 70;
/** The desk and customer module load more (live queue, keyboard layer); staff sit on a good link. */
const STAFF_JS_BUDGET_KB = 120;

type Load = { jsGzipKb: number; scripts: number; htmlEncoding: string; mutableAssets: string[] };

/** Loads `url` in a fresh page and measures its scripts, the HTML's encoding and the asset caching. */
async function firstLoad(page: Page, url: string): Promise<Load> {
  const scripts: Promise<number>[] = [];
  const mutableAssets: string[] = [];
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (path.startsWith('/_app/immutable/')) {
      const cache = res.headers()['cache-control'] ?? '';
      if (!/immutable/.test(cache) || !/max-age=31536000/.test(cache)) mutableAssets.push(`${path}: ${cache}`);
    }
    if (res.request().resourceType() === 'script')
      scripts.push(
        res.body().then(
          (b) => gzipSync(b, { level: 9 }).length,
          () => 0,
        ),
      );
  });
  const doc = await page.goto(url, { waitUntil: 'networkidle' });
  const sizes = await Promise.all(scripts);
  const headers = (await doc?.allHeaders()) ?? {};
  return {
    jsGzipKb: sizes.reduce((a, b) => a + b, 0) / 1024,
    scripts: sizes.length,
    htmlEncoding: headers['content-encoding'] ?? 'none',
    mutableAssets,
  };
}

test.skip(({ isMobile }) => isMobile, 'sizes do not depend on the viewport: measured once, on desktop');

const PORTAL_PAGES = ['/dashboard', '/tickets', '/tickets/new', '/service', '/support', '/support/faq', '/status'];

test(`portal pages load at most ${PORTAL_JS_BUDGET_KB} KB of JavaScript (gzip), compressed HTML and immutable assets`, async ({
  browser,
}, testInfo) => {
  const rows: string[] = [];
  const measure = async (label: string, url: string, signedIn: boolean) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (signedIn) await signInCustomer(page, 'prairiesky', CUSTOMER_WITHOUT_TICKETS.prairiesky);
    // Scripts count whether or not the sign-in left them cached: each one's gzip size is what a first visit pays.
    const fresh = signedIn ? await context.newPage() : page;
    const load = await firstLoad(fresh, url);
    await context.close();
    rows.push(`${label}: ${load.jsGzipKb.toFixed(1)} KB in ${load.scripts} scripts, HTML ${load.htmlEncoding}`);
    return load;
  };
  const loads = [await measure('/login', portalUrl('prairiesky', '/login'), false)];
  for (const path of PORTAL_PAGES) loads.push(await measure(path, portalUrl('prairiesky', path), true));
  await testInfo.attach('portal first-load JS', { body: rows.join('\n'), contentType: 'text/plain' });
  console.log(`Portal first-load JS (gzip):\n  ${rows.join('\n  ')}`);

  for (const [i, load] of loads.entries()) {
    const page = i === 0 ? '/login' : PORTAL_PAGES[i - 1];
    expect.soft(load.jsGzipKb, `${page} JavaScript (KB gzip)`).toBeLessThanOrEqual(PORTAL_JS_BUDGET_KB);
    expect.soft(load.htmlEncoding, `${page} HTML is sent compressed`).toMatch(/^(gzip|br)$/);
    expect.soft(load.mutableAssets, `${page} assets under /_app/immutable/ are cached for a year`).toEqual([]);
  }
});

test(`staff pages load at most ${STAFF_JS_BUDGET_KB} KB of JavaScript (gzip)`, async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const signIn = await context.newPage();
  await signInAsStaff(signIn, { tenant: 'prairiesky', role: 'staff' });
  await signIn.close();
  const rows: string[] = [];
  for (const path of ['/dashboard', '/modules/maintain', '/modules/customers']) {
    const load = await firstLoad(await context.newPage(), staffUrl('prairiesky', path));
    rows.push(`${path}: ${load.jsGzipKb.toFixed(1)} KB in ${load.scripts} scripts`);
    expect(load.jsGzipKb, `${path} JavaScript (KB gzip)`).toBeLessThanOrEqual(STAFF_JS_BUDGET_KB);
  }
  await context.close();
  await testInfo.attach('staff first-load JS', { body: rows.join('\n'), contentType: 'text/plain' });
  console.log(`Staff first-load JS (gzip):\n  ${rows.join('\n  ')}`);
});
