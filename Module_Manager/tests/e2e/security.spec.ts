import http from 'node:http';
import { expect, test, type BrowserContext } from '@playwright/test';
import { portalUrl, WEB_PORT } from './portal-urls';
import { CUSTOMERS, origin, signInCustomer } from './tickets-helpers';

const HOST = `prairiesky.localhost:${WEB_PORT}`;

/** A raw request to the running portal as any client could send it (Node cannot resolve *.localhost). */
function portalRequest(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: Number(WEB_PORT),
        path,
        method: init.method ?? 'GET',
        headers: { host: HOST, ...init.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

async function cookieHeader(context: BrowserContext) {
  const cookies = await context.cookies(origin('prairiesky'));
  return {
    cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: cookies.find((c) => c.name === 'wisp_csrf')?.value ?? '',
  };
}

test.describe('through the portal, as the backend would answer directly', () => {
  test('a signed-in POST with a valid CSRF token from another site is refused; from the portal itself it passes', async ({
    page,
    context,
  }) => {
    await signInCustomer(page, 'prairiesky', CUSTOMERS.prairiesky[0].email);
    const { cookie, csrf } = await cookieHeader(context);
    expect(csrf).not.toBe('');
    const logout = (from: string) =>
      portalRequest('/api/customer-portal/auth/logout', {
        method: 'POST',
        headers: { cookie, origin: from, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: '{}',
      });
    const evil = await logout('http://evil.example');
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body).error.code).toBe('CSRF_FAILED');
    // The refused request changed nothing: the session still works.
    expect(JSON.parse((await portalRequest('/api/session', { headers: { cookie } })).body).actor).toMatchObject({
      kind: 'customer',
    });
    const own = await logout(origin('prairiesky'));
    expect(own.status).toBeGreaterThanOrEqual(200);
    expect(own.status).toBeLessThan(300);
  });
});

test.describe('security headers', () => {
  const EXPECTED = {
    'x-content-type-options': 'nosniff',
    // strict-origin-when-cross-origin on pages and files; the backend's stricter no-referrer on the API.
    'referrer-policy': expect.stringMatching(/^(strict-origin-when-cross-origin|no-referrer)$/),
  };

  async function assetPath() {
    const html = (await portalRequest('/modules/customers/portal/login')).body;
    const asset = html.match(/\/_app\/immutable\/[^"']+\.js/)?.[0];
    expect(asset).toBeTruthy();
    return asset!;
  }

  test('a page, an /api response and a static /_app/ file each carry nosniff, a referrer and a permissions policy', async () => {
    const asset = await assetPath();
    for (const path of [
      '/modules/customers/portal/login',
      '/api/tenant/current',
      asset,
      '/branding/prairiesky/logo.svg',
    ]) {
      const res = await portalRequest(path);
      expect(res.status, path).toBeLessThan(400);
      expect(res.headers, path).toMatchObject(EXPECTED);
      expect(res.headers['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(\)/);
      expect(res.headers['strict-transport-security'], `${path} over http`).toBeUndefined();
    }
  });

  test('HSTS is sent on every kind of response when the browser came over https', async () => {
    const asset = await assetPath();
    for (const path of ['/modules/customers/portal/login', '/api/tenant/current', asset]) {
      const res = await portalRequest(path, { headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security'], path).toMatch(/^max-age=\d{7,}/);
    }
  });

  test('a page the browser opens carries them too', async ({ page }) => {
    const res = await page.goto(portalUrl('prairiesky', '/login'));
    expect(res?.headers()).toMatchObject(EXPECTED);
  });
});
