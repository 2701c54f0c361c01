import { describe, expect, it } from 'vitest';
import type { PortalSession } from '../session.ts';
import { guardVerdict } from './guard.ts';

const anonymous: PortalSession = { actor: null, expired: false };
const expired: PortalSession = { actor: null, expired: true };
const customer: PortalSession = { actor: { kind: 'customer', customerId: 'PSW-1001' }, expired: false };
const staff: PortalSession = { actor: { kind: 'staff', role: 'admin', email: 'a@example.com' }, expired: false };
const at = (path: string) => new URL(`http://prairiesky.localhost:4173${path}`);

describe('guardVerdict', () => {
  it('sends an anonymous visitor of a signed-in portal page to sign in, keeping the way back', () => {
    expect(guardVerdict(at('/modules/customers/portal/tickets?page=2'), 'GET', anonymous)).toEqual({
      redirect: '/modules/customers/portal/login?returnTo=%2Fmodules%2Fcustomers%2Fportal%2Ftickets%3Fpage%3D2',
    });
  });

  it('guards the root-served alias and client-side data requests the same way, and says when a session expired', () => {
    expect(guardVerdict(at('/tickets/__data.json?x-sveltekit-invalidated=01'), 'GET', expired)).toEqual({
      redirect: '/modules/customers/portal/login?returnTo=%2Fmodules%2Fcustomers%2Fportal%2Ftickets&expired=1',
    });
  });

  it('lets a customer into their pages and anyone onto the sign-in pages', () => {
    expect(guardVerdict(at('/modules/customers/portal/tickets'), 'GET', customer)).toBeNull();
    expect(guardVerdict(at('/modules/customers/portal/login'), 'GET', anonymous)).toBeNull();
    expect(guardVerdict(at('/modules/customers/portal/signup'), 'POST', anonymous)).toBeNull();
  });

  it('sends a signed-in customer from the sign-in page to the dashboard (but lets a form post through)', () => {
    expect(guardVerdict(at('/modules/customers/portal/login'), 'GET', customer)).toEqual({
      redirect: '/modules/customers/portal/dashboard',
    });
    expect(guardVerdict(at('/modules/customers/portal/login'), 'POST', customer)).toBeNull();
  });

  it('refuses staff pages to anonymous visitors and customers, and lets staff in', () => {
    for (const path of [
      '/dashboard',
      '/modules/customers',
      '/modules/settings/branding',
      '/modules/maintain/__data.json',
    ]) {
      expect(guardVerdict(at(path), 'GET', anonymous), path).toEqual({ status: 401 });
      expect(guardVerdict(at(path), 'GET', customer), path).toEqual({ status: 401 });
      expect(guardVerdict(at(path), 'GET', null), path).toEqual({ status: 401 });
      expect(guardVerdict(at(path), 'GET', staff), path).toBeNull();
    }
  });

  it('a staff session is not a customer session', () => {
    expect(guardVerdict(at('/modules/customers/portal/dashboard'), 'GET', staff)).toMatchObject({
      redirect: expect.stringMatching(/^\/modules\/customers\/portal\/login\?/),
    });
  });
});
