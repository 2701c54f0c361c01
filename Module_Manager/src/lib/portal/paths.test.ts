import { describe, expect, it } from 'vitest';
import {
  isStaffPath,
  loginUrl,
  needsSignIn,
  rerouteToPortal,
  safeReturnTo,
  safeStaffReturnTo,
  staffLoginUrl,
} from './paths.ts';

describe('safeReturnTo', () => {
  it('follows a path inside the portal', () => {
    expect(safeReturnTo('/modules/customers/portal/tickets/abc?x=1')).toBe('/modules/customers/portal/tickets/abc?x=1');
  });
  it('never follows another origin or a path outside the portal', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/modules/customers/portal//evil.example',
      '/admin',
      'javascript:alert(1)',
      '/modules/customers/portalx',
    ]) {
      expect(safeReturnTo(bad)).toBe('/modules/customers/portal/dashboard');
    }
  });
  it('does not return a signed-in person to the login page', () => {
    expect(safeReturnTo('/modules/customers/portal/login')).toBe('/modules/customers/portal/dashboard');
  });
});

describe('needsSignIn', () => {
  it('guards the signed-in sections and leaves the sign-in pages open', () => {
    expect(needsSignIn('/dashboard')).toBe(true);
    expect(needsSignIn('/tickets/new')).toBe(true);
    expect(needsSignIn('/login')).toBe(false);
    expect(needsSignIn('/signup')).toBe(false);
    expect(needsSignIn('/dashboardx')).toBe(false);
  });
  it('builds the login link with the way back and the expiry note', () => {
    expect(loginUrl('/modules/customers/portal/tickets', true)).toBe(
      '/modules/customers/portal/login?returnTo=%2Fmodules%2Fcustomers%2Fportal%2Ftickets&expired=1',
    );
  });
});

describe('rerouteToPortal', () => {
  it("serves the portal's sections at the root of a tenant's own domain", () => {
    expect(rerouteToPortal('/login')).toBe('/modules/customers/portal/login');
    expect(rerouteToPortal('/tickets/abc')).toBe('/modules/customers/portal/tickets/abc');
  });
  it('leaves every other path alone (the path-based URL, assets, the API)', () => {
    expect(rerouteToPortal('/modules/customers/portal/login')).toBeUndefined();
    expect(rerouteToPortal('/api/session')).toBeUndefined();
    expect(rerouteToPortal('/_app/immutable/x.js')).toBeUndefined();
    expect(rerouteToPortal('/')).toBeUndefined();
  });
});

describe('staff paths', () => {
  const STAFF = [
    '/dashboard',
    '/dashboard/queue',
    '/modules/customers',
    '/modules/customers/C-1001',
    '/modules/maintain',
    '/modules/maintain/incidents',
    '/modules/outages',
    '/modules/support/faq',
    '/modules/settings',
    '/modules/settings/branding',
    '/staff/login',
    '/staff/accept',
  ];
  it('are never rerouted into the customer portal', () => {
    for (const path of STAFF) expect(rerouteToPortal(path), path).toBeUndefined();
  });
  it('belong to the staff side, while the customer portal below /modules/customers does not', () => {
    for (const path of STAFF) expect(isStaffPath(path), path).toBe(true);
    expect(isStaffPath('/modules/customers/portal')).toBe(false);
    expect(isStaffPath('/modules/customers/portal/dashboard')).toBe(false);
    expect(isStaffPath('/modules/customersx')).toBe(false);
    expect(isStaffPath('/tickets')).toBe(false);
  });
});

describe('safeStaffReturnTo', () => {
  it('follows a staff page, query included', () => {
    expect(safeStaffReturnTo('/modules/customers?q=hansen&page=2')).toBe('/modules/customers?q=hansen&page=2');
    expect(safeStaffReturnTo('/modules/settings/team')).toBe('/modules/settings/team');
  });
  it('never follows another origin, the customer portal, a sign-in page or a backslash trick', () => {
    for (const bad of [
      'https://evil.example/dashboard',
      '//evil.example/dashboard',
      '/\\evil.example',
      '/dashboard//evil.example',
      '/modules/customers/portal/dashboard',
      '/login',
      '/staff/login',
      '/staff/logout',
      'javascript:alert(1)',
      '/dashboardx',
    ]) {
      expect(safeStaffReturnTo(bad), bad).toBe('/dashboard');
    }
  });
  it('builds the sign-in link with the way back (the dashboard is the default, so it is left out)', () => {
    expect(staffLoginUrl('/modules/maintain?view=open', 'expired')).toBe(
      '/staff/login?returnTo=%2Fmodules%2Fmaintain%3Fview%3Dopen&expired=1',
    );
    expect(staffLoginUrl('/dashboard')).toBe('/staff/login');
    expect(staffLoginUrl('https://evil.example/')).toBe('/staff/login');
  });
});
