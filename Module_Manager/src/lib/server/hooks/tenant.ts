import type { Handle, RequestEvent } from '@sveltejs/kit';
import type { TPublicTenant } from '@wisp/shared';
import { BackendError, ensureCsrfCookie, send, TENANT_COOKIE } from '../api.ts';

async function loadTenant(event: RequestEvent): Promise<TPublicTenant | null> {
  try {
    const { tenant } = await send<{ tenant: TPublicTenant }>(event, '/api/tenant/current');
    return tenant;
  } catch (err) {
    if (err instanceof BackendError && err.status === 404) return null;
    throw err;
  }
}

/** Which portal this host (or, on a bare localhost, `?tenant=`) belongs to, and the browser's choices. */
export const tenant: Handle = async ({ event, resolve }) => {
  event.locals.tenant = await loadTenant(event);
  if (event.locals.tenant) ensureCsrfCookie(event);
  // On a bare localhost, `?tenant=slug` picks the portal once and a cookie remembers it.
  if (event.url.searchParams.get('tenant') && event.locals.tenant) {
    event.cookies.set(TENANT_COOKIE, event.locals.tenant.slug, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:',
    });
  }
  event.locals.contrast = event.cookies.get('portal_contrast') === 'high' ? 'high' : 'normal';
  return resolve(event);
};
