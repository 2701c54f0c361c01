import type { Handle } from '@sveltejs/kit';
import { isStaffPath, loginUrl, needsSignIn, portalPath, portalSubpath, SIGNED_OUT_PAGES } from '$lib/portal/paths';
import { signedInCustomerId, signedInStaff, type PortalSession } from '../session.ts';
import { pagePathOf } from './session.ts';

export type GuardVerdict = { redirect: string } | { status: 401 } | null;

/**
 * What the guard does with a page request: customer pages need a customer session (else sign-in and
 * back), signed-in customers skip the sign-in pages, staff pages need a staff session (else 401).
 * `null` lets the request through.
 */
export function guardVerdict(url: URL, method: string, session: PortalSession | null): GuardVerdict {
  const path = pagePathOf(url);
  if (isStaffPath(path)) return signedInStaff(session) ? null : { status: 401 };
  const subpath = portalSubpath(path);
  if (subpath === null || session === null) return null;
  const customerId = signedInCustomerId(session);
  if (!customerId && needsSignIn(subpath)) {
    const search = new URLSearchParams(url.search);
    search.delete('x-sveltekit-invalidated');
    return { redirect: loginUrl(portalPath(subpath) + (search.size ? `?${search}` : ''), session.expired) };
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
  if ('status' in verdict) return new Response('Please sign in with your staff account.', { status: 401 });
  // Client-side navigations fetch `__data.json`: they need SvelteKit's JSON form of a redirect.
  return event.url.pathname.endsWith('/__data.json')
    ? Response.json({ type: 'redirect', location: verdict.redirect })
    : new Response(null, { status: 303, headers: { location: verdict.redirect } });
};
