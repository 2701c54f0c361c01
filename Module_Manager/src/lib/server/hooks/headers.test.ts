import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { fakeEvent } from '../testing/fake-event.ts';
import { headers, widenConnectSrc } from './headers.ts';

async function responseFor(url: string, requestHeaders: Record<string, string> = {}, response = new Response('ok')) {
  const { event } = fakeEvent(url, { headers: requestHeaders });
  return headers({ event, resolve: (_e: RequestEvent, _o?: ResolveOptions) => response });
}

describe('the headers handle', () => {
  it('sets nosniff, a referrer policy and a permissions policy on every response', async () => {
    const res = await responseFor('http://prairiesky.localhost:4173/modules/customers/portal/login');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\)/);
  });

  it('sends HSTS only when the proxy in front says the browser came over https', async () => {
    expect(
      (await responseFor('http://prairiesky.localhost:4173/')).headers.get('strict-transport-security'),
    ).toBeNull();
    const proxied = await responseFor('http://portal.prairiesky.example/', { 'x-forwarded-proto': 'https' });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    // adapter-node calls a request https when no proxy header says otherwise: that alone never pins HSTS.
    const assumed = await responseFor('https://prairiesky.localhost:4173/');
    expect(assumed.headers.get('strict-transport-security')).toBeNull();
    const downgraded = await responseFor('https://portal.prairiesky.example/', { 'x-forwarded-proto': 'http' });
    expect(downgraded.headers.get('strict-transport-security')).toBeNull();
  });

  it("keeps the backend's stricter referrer policy and drops its HSTS from a plain-http answer", async () => {
    const fromBackend = new Response('{}', {
      headers: { 'referrer-policy': 'no-referrer', 'strict-transport-security': 'max-age=15552000' },
    });
    const res = await responseFor('http://prairiesky.localhost:4173/api/tenant/current', {}, fromBackend);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
  });

  it('also covers a response whose headers cannot be changed (copied, body and status kept)', async () => {
    const frozen = Response.redirect('http://prairiesky.localhost:4173/login', 303);
    const res = await responseFor('http://prairiesky.localhost:4173/', {}, frozen);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://prairiesky.localhost:4173/login');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('widenConnectSrc', () => {
  const csp = "default-src 'self'; connect-src 'self'; frame-ancestors 'none'";
  it("adds the staff page's Firebase origins to connect-src only", () => {
    expect(widenConnectSrc(csp, ['http://127.0.0.1:9099'])).toBe(
      "default-src 'self'; connect-src 'self' http://127.0.0.1:9099; frame-ancestors 'none'",
    );
  });
  it('ignores anything that is not a bare origin', () => {
    expect(widenConnectSrc(csp, ["https://x.example; script-src 'unsafe-eval'", '*'])).toBe(csp);
  });
});
