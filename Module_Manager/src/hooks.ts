import type { Reroute } from '@sveltejs/kit';
import { rerouteToPortal } from '$lib/portal/paths';

/**
 * On a tenant's own domain or subdomain the portal is served at the root: `/login` is the same page as
 * `/modules/customers/portal/login`. Only known top-level sections are mapped, so nothing else on the
 * host is shadowed, and the staff side (`/dashboard`, `/modules/…`) never is; the path-based URL keeps
 * working everywhere. The `guard` handle (lib/server/hooks/guard.ts) applies the same mapping.
 */
export const reroute: Reroute = ({ url }) => rerouteToPortal(url.pathname);
