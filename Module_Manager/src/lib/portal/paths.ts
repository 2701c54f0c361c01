/** Where the portal lives on a shared host; on a tenant's own domain `reroute` maps the root onto it. */
export const PORTAL_BASE = '/modules/customers/portal';

export const portalPath = (path = '') => `${PORTAL_BASE}${path}`;

/** Pages only a signed-in customer may open (the `guard` handle checks them on every request, not a layout). */
export const SIGNED_IN_SECTIONS = ['/dashboard', '/tickets', '/service', '/support', '/account'];

/** Pages a signed-in customer has no use for: they go to the dashboard instead. */
export const SIGNED_OUT_PAGES = ['', '/', '/login'];

export function portalSubpath(pathname: string): string | null {
  if (pathname === PORTAL_BASE) return '';
  return pathname.startsWith(`${PORTAL_BASE}/`) ? pathname.slice(PORTAL_BASE.length) : null;
}

export function needsSignIn(subpath: string): boolean {
  return SIGNED_IN_SECTIONS.some((s) => subpath === s || subpath.startsWith(`${s}/`));
}

/**
 * A `returnTo` is followed only if it is a path inside this portal: never another origin (`//evil`,
 * `https:`), never a backslash trick. Anything else lands on the dashboard.
 */
export function safeReturnTo(value: string | null | undefined, fallback = portalPath('/dashboard')): string {
  if (!value || value.length > 500) return fallback;
  if (!value.startsWith(`${PORTAL_BASE}/`) && value !== PORTAL_BASE) return fallback;
  if (/[\\\s]|\/\/|^\/[^/]*:/.test(value)) return fallback;
  const sub = portalSubpath(value.split(/[?#]/)[0]!);
  if (sub === null || SIGNED_OUT_PAGES.includes(sub)) return fallback;
  return value;
}

export function loginUrl(returnTo: string, expired = false): string {
  const q = new URLSearchParams({ returnTo });
  if (expired) q.set('expired', '1');
  return `${portalPath('/login')}?${q}`;
}

/** Top-level sections a tenant's own domain serves at its root (see src/hooks.ts `reroute`). */
const ROOT_SECTIONS = new Set([
  'login',
  'signup',
  'forgot-password',
  'reset-password',
  'verify-email',
  'logout',
  'preferences',
  'tickets',
  'service',
  'support',
  'status',
]);

/** The portal route a pathname is served by: itself, or the root-served alias mapped under PORTAL_BASE. */
export function rerouteToPortal(pathname: string): string | undefined {
  if (isStaffPath(pathname)) return undefined;
  const first = pathname.split('/')[1] ?? '';
  return ROOT_SECTIONS.has(first) ? `${PORTAL_BASE}${pathname}` : undefined;
}

/**
 * The staff side's sections (routes/(staff) and the staff sign-in pages under `/staff`): never mapped by
 * `reroute`, served only on the tenant's platform host, and all but the sign-in pages need a staff session.
 */
export const STAFF_SECTIONS = [
  '/dashboard',
  '/modules/customers',
  '/modules/maintain',
  '/modules/settings',
  '/modules/reports',
  '/staff',
  // Outages (issue 17): the incident and FAQ editors.
  '/modules/outages',
  '/modules/support',
];

/** Staff pages open without a staff session: signing in, choosing a password from an emailed link. */
export const STAFF_SIGNED_OUT_PAGES = [
  '/staff/login',
  '/staff/logout',
  '/staff/forgot-password',
  '/staff/accept',
  '/staff/reset-password',
];

export const STAFF_HOME = '/dashboard';
export const STAFF_LOGIN = '/staff/login';

/** Whether a pathname belongs to the staff side; the customer portal under /modules/customers/portal does not. */
export function isStaffPath(pathname: string): boolean {
  if (portalSubpath(pathname) !== null) return false;
  return STAFF_SECTIONS.some((s) => pathname === s || pathname.startsWith(`${s}/`));
}

export function isStaffSignedOutPage(pathname: string): boolean {
  return STAFF_SIGNED_OUT_PAGES.includes(pathname);
}

/** A staff `returnTo` is followed only to a staff page that needs a session (never off-site, never the portal). */
export function safeStaffReturnTo(value: string | null | undefined, fallback = STAFF_HOME): string {
  if (!value || value.length > 500 || !value.startsWith('/')) return fallback;
  if (/[\\\s]|\/\/|^\/[^/]*:/.test(value)) return fallback;
  const path = value.split(/[?#]/)[0]!;
  if (!isStaffPath(path) || isStaffSignedOutPage(path)) return fallback;
  return value;
}

export function staffLoginUrl(returnTo?: string, note?: 'expired' | 'signedOut' | 'signedOutEverywhere'): string {
  const q = new URLSearchParams();
  if (returnTo && safeStaffReturnTo(returnTo) === returnTo && returnTo !== STAFF_HOME) q.set('returnTo', returnTo);
  if (note) q.set(note, '1');
  return q.size ? `${STAFF_LOGIN}?${q}` : STAFF_LOGIN;
}
