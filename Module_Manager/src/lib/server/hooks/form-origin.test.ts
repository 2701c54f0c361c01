import { describe, expect, it } from 'vitest';
import { isCrossSiteFormPost } from './form-origin.ts';

const url = new URL('http://prairiesky.localhost:4173/modules/customers/portal/login');
const post = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers });
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('isCrossSiteFormPost', () => {
  it('refuses a form post from another site or without an Origin', () => {
    expect(isCrossSiteFormPost(post({ ...form, origin: 'http://evil.example' }), url)).toBe(true);
    expect(isCrossSiteFormPost(post({ ...form, origin: 'http://summitridge.localhost:4173' }), url)).toBe(true);
    expect(isCrossSiteFormPost(post(form), url)).toBe(true);
    expect(isCrossSiteFormPost(post({ ...form, origin: 'null' }), url)).toBe(true);
  });
  it("accepts a form post from the portal's own host, and leaves reads and JSON calls to the backend's check", () => {
    expect(isCrossSiteFormPost(post({ ...form, origin: 'http://prairiesky.localhost:4173' }), url)).toBe(false);
    expect(isCrossSiteFormPost(new Request(url), url)).toBe(false);
    expect(isCrossSiteFormPost(post({ 'content-type': 'application/json', origin: 'http://evil.example' }), url)).toBe(
      false,
    );
  });
});
