import { describe, expect, it } from 'vitest';
import type { PortalSession } from '../session.ts';
import { guardVerdict } from './guard.ts';

const anonymous: PortalSession = { actor: null, expired: false, staffHost: true };
const expired: PortalSession = { actor: null, expired: true, staffHost: true };
const customer: PortalSession = {
  actor: { kind: 'customer', customerId: 'PSW-1001' },
  expired: false,
  staffHost: true,
};
const staff: PortalSession = {
  actor: { kind: 'staff', role: 'admin', email: 'a@example.com' },
  expired: false,
  staffHost: true,
};
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

  it('sends anonymous visitors and customers of a staff page to the staff sign-in and back; lets staff in', () => {
    for (const path of ['/modules/customers', '/modules/settings/branding', '/modules/maintain/__data.json']) {
      const back = encodeURIComponent(path.replace('/__data.json', ''));
      for (const session of [anonymous, customer])
        expect(guardVerdict(at(path), 'GET', session), path).toEqual({ redirect: `/staff/login?returnTo=${back}` });
      expect(guardVerdict(at(path), 'GET', staff), path).toBeNull();
    }
    expect(guardVerdict(at('/dashboard'), 'GET', anonymous)).toEqual({ redirect: '/staff/login' });
    expect(guardVerdict(at('/modules/maintain?view=open'), 'GET', expired)).toEqual({
      redirect: '/staff/login?returnTo=%2Fmodules%2Fmaintain%3Fview%3Dopen&expired=1',
    });
  });

  it('a form post to a staff page without a staff session → 401, never run', () => {
    expect(guardVerdict(at('/modules/customers?/invite'), 'POST', customer)).toEqual({ status: 401 });
  });

  it('leaves the staff sign-in pages open, and sends signed-in staff from the sign-in page to the dashboard', () => {
    expect(guardVerdict(at('/staff/login?returnTo=%2Fmodules'), 'GET', anonymous)).toBeNull();
    expect(guardVerdict(at('/staff/login'), 'POST', anonymous)).toBeNull();
    expect(guardVerdict(at('/staff/logout'), 'POST', staff)).toBeNull();
    expect(guardVerdict(at('/staff/login'), 'GET', staff)).toEqual({ redirect: '/dashboard' });
  });

  it("on a tenant's custom domain (no staff host) every staff path answers 404, sign-in page included", () => {
    const onCustomDomain: PortalSession = { ...staff, staffHost: false };
    for (const path of ['/dashboard', '/staff/login', '/modules/settings/team'])
      for (const session of [onCustomDomain, { ...anonymous, staffHost: false }, null])
        expect(guardVerdict(at(path), 'GET', session), path).toEqual({ status: 404 });
  });

  it('a staff session is not a customer session', () => {
    expect(guardVerdict(at('/modules/customers/portal/dashboard'), 'GET', staff)).toMatchObject({
      redirect: expect.stringMatching(/^\/modules\/customers\/portal\/login\?/),
    });
  });
});
