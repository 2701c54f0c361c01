import type { Handle, RequestEvent } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import type { TPublicTenant } from '@wisp/shared';
import { api, BackendError, backendUrl, ensureCsrfCookie, forwardingHeaders } from '$lib/server/api';
import { loadSession, signedInCustomerId, signedInStaff } from '$lib/server/session';
import {
  isStaffPath,
  loginUrl,
  needsSignIn,
  portalPath,
  portalSubpath,
  rerouteToPortal,
  SIGNED_OUT_PAGES,
} from '$lib/portal/paths';

/** Response headers that describe the upstream connection, not the response we send on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-encoding', 'content-length']);

/**
 * One origin for the browser: `/api/*` is forwarded to backend-services as a stream (uploads and
 * Server-Sent Events included), so session cookies are first-party and no CORS is needed.
 */
async function proxyToBackend(event: RequestEvent): Promise<Response> {
  const headers = forwardingHeaders(event);
  for (const name of ['content-type', 'accept', 'x-csrf-token', 'last-event-id', 'x-request-id']) {
    const value = event.request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const hasBody = !['GET', 'HEAD'].includes(event.request.method);
  let upstream: Response;
  try {
    upstream = await fetch(backendUrl(event.url.pathname + event.url.search), {
      method: event.request.method,
      headers,
      body: hasBody ? event.request.body : undefined,
      redirect: 'manual',
      signal: event.request.signal,
      // @ts-expect-error -- undici needs `duplex` to stream a request body; the DOM type lacks it.
      duplex: hasBody ? 'half' : undefined,
    });
  } catch {
    return Response.json(
      { error: { code: 'INTERNAL', message: 'The service is unavailable. Please try again in a moment.' } },
      { status: 502 },
    );
  }
  const responseHeaders = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'set-cookie') responseHeaders.set(name, value);
  });
  for (const cookie of upstream.headers.getSetCookie()) responseHeaders.append('set-cookie', cookie);
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

async function loadTenant(event: RequestEvent): Promise<TPublicTenant | null> {
  try {
    const { tenant } = await api<{ tenant: TPublicTenant }>(event, '/api/tenant/current');
    return tenant;
  } catch (err) {
    if (err instanceof BackendError && err.status === 404) return null;
    throw err;
  }
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Cross-site form posts are refused: a state-changing form submission must come from a page of this
 * very host (the browser's Origin header names it). Replaces SvelteKit's check, which compares the
 * scheme too and so cannot work behind a plain-http dev server (see svelte.config.js).
 */
function isCrossSiteFormPost(event: RequestEvent): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(event.request.method)) return false;
  const type = (event.request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) return false;
  const origin = event.request.headers.get('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host !== event.url.host;
  } catch {
    return true;
  }
}

const handleApiAndTenant: Handle = async ({ event, resolve }) => {
  if (isCrossSiteFormPost(event)) return new Response('Cross-site form submissions are forbidden', { status: 403 });
  if (event.url.pathname.startsWith('/api/')) return proxyToBackend(event);

  event.locals.tenant = await loadTenant(event);
  if (event.locals.tenant) ensureCsrfCookie(event);
  // On a bare localhost, `?tenant=slug` picks the portal once and a cookie remembers it.
  const explicit = event.url.searchParams.get('tenant');
  if (explicit && event.locals.tenant) {
    event.cookies.set('portal_tenant', event.locals.tenant.slug, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:',
    });
  }
  event.locals.contrast = event.cookies.get('portal_contrast') === 'high' ? 'high' : 'normal';
  event.locals.session = null;

  // The page guard lives here, on every request, so no signed-in page can forget it (a layout load
  // alone would not run for form actions or data requests).
  const isDataRequest = event.url.pathname.endsWith('/__data.json');
  const pagePath = event.url.pathname.replace(/\/__data\.json$/, '');
  const subpath = portalSubpath(rerouteToPortal(pagePath) ?? pagePath);
  // Client-side navigations fetch `__data.json`: they need SvelteKit's JSON form of a redirect.
  const goTo = (location: string) =>
    isDataRequest
      ? Response.json({ type: 'redirect', location })
      : new Response(null, { status: 303, headers: { location } });
  if (event.locals.tenant && subpath !== null) {
    event.locals.session = await loadSession(event);
    const customerId = signedInCustomerId(event.locals.session);
    if (!customerId && needsSignIn(subpath)) {
      const search = new URLSearchParams(event.url.search);
      search.delete('x-sveltekit-invalidated');
      const here = portalPath(subpath) + (search.size ? `?${search}` : '');
      return goTo(loginUrl(here, event.locals.session.expired));
    }
    if (customerId && SIGNED_OUT_PAGES.includes(subpath) && event.request.method === 'GET') {
      return goTo(portalPath('/dashboard'));
    }
  }
  if (isStaffPath(pagePath)) {
    event.locals.session ??= await loadSession(event);
    if (!signedInStaff(event.locals.session)) {
      return new Response('Please sign in with your staff account.', { status: 401 });
    }
  }
  return resolve(event);
};

/** Sets the request's language (cookie, else Accept-Language, else English) for the page render. */
const handleLocale: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) =>
        html.replace('%lang%', locale).replace('%contrast%', event.locals.contrast ?? 'normal'),
    });
  });

export const handle = sequence(handleApiAndTenant, handleLocale);
