import type { Handle } from '@sveltejs/kit';
import { isStaffPath, portalSubpath, rerouteToPortal } from '$lib/portal/paths';
import { loadSession } from '../session.ts';

/** The page a request is for: `__data.json` (client-side navigation) and root aliases mapped to the route. */
export function pagePathOf(url: URL): string {
  const path = url.pathname.replace(/\/__data\.json$/, '');
  return rerouteToPortal(path) ?? path;
}

/** Who is signed in, asked of the backend once per request, for portal and staff pages only. */
export const session: Handle = async ({ event, resolve }) => {
  const path = pagePathOf(event.url);
  const guarded = portalSubpath(path) !== null || isStaffPath(path);
  event.locals.session = event.locals.tenant && guarded ? await loadSession(event) : null;
  return resolve(event);
};
