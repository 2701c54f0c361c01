import type { Handle } from '@sveltejs/kit';
import {
  isStaffPath,
  isStaffSignedOutPage,
  loginUrl,
  needsSignIn,
  portalPath,
  portalSubpath,
  SIGNED_OUT_PAGES,
  STAFF_HOME,
  STAFF_LOGIN,
  staffLoginUrl,
} from '$lib/portal/paths';
import { signedInCustomerId, signedInStaff, type PortalSession } from '../session.ts';
import { pagePathOf } from './session.ts';

export type GuardVerdict = { redirect: string } | { status: 401 | 404 } | null;

/** Without the SvelteKit bookkeeping of a client-side data request. */
function searchOf(url: URL): string {
  const search = new URLSearchParams(url.search);
  search.delete('x-sveltekit-invalidated');
  search.delete('x-sveltekit-trailing-slash');
  return search.size ? `?${search}` : '';
}

/**
 * The staff side: only on the tenant's platform host (a custom domain answers 404); its pages need a
 * staff session, else the staff sign-in and back (a customer session counts as none); signed-in staff
 * skip the sign-in page.
 */
function staffVerdict(path: string, url: URL, method: string, session: PortalSession | null): GuardVerdict {
  if (!session?.staffHost) return { status: 404 };
  const staff = signedInStaff(session);
  if (isStaffSignedOutPage(path))
    return staff && path === STAFF_LOGIN && method === 'GET' ? { redirect: STAFF_HOME } : null;
  if (staff) return null;
  if (method !== 'GET' && method !== 'HEAD') return { status: 401 };
  return { redirect: staffLoginUrl(path + searchOf(url), session.expired ? 'expired' : undefined) };
}

/**
 * What the guard does with a page request: customer pages need a customer session (else sign-in and
 * back), signed-in customers skip the sign-in pages, staff pages need a staff session (else the staff
 * sign-in and back). `null` lets the request through.
 */
export function guardVerdict(url: URL, method: string, session: PortalSession | null): GuardVerdict {
  const path = pagePathOf(url);
  if (isStaffPath(path)) return staffVerdict(path, url, method, session);
  const subpath = portalSubpath(path);
  if (subpath === null || session === null) return null;
  const customerId = signedInCustomerId(session);
  if (!customerId && needsSignIn(subpath)) {
    return { redirect: loginUrl(portalPath(subpath) + searchOf(url), session.expired) };
  }
  if (customerId && SIGNED_OUT_PAGES.includes(subpath) && method === 'GET') {
    return { redirect: portalPath('/dashboard') };
  }
  return null;
}

/**
 * The page guard lives here, on every request, so no signed-in page can forget it (a layout load
 * alone would not run for form actions or data requests); each page checks again.
 */
export const guard: Handle = ({ event, resolve }) => {
  const verdict = guardVerdict(event.url, event.request.method, event.locals.session);
  if (!verdict) return resolve(event);
  if ('status' in verdict && verdict.status === 404) return new Response('Not found', { status: 404 });
  if ('status' in verdict) return new Response('Please sign in with your staff account.', { status: 401 });
  // Client-side navigations fetch `__data.json`: they need SvelteKit's JSON form of a redirect.
  return event.url.pathname.endsWith('/__data.json')
    ? Response.json({ type: 'redirect', location: verdict.redirect })
    : new Response(null, { status: 303, headers: { location: verdict.redirect } });
};
