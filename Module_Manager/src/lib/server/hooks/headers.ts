import type { Handle } from '@sveltejs/kit';
import { isHttps, securityHeaders } from '../../../../server/security-headers.js';

/**
 * The security headers on everything SvelteKit answers (pages, data, the proxied API, errors); the
 * production entry (server/index.js) sets the same ones for the static files served before any hook.
 * A stricter value the backend already chose (helmet's `no-referrer`) is kept; HSTS is removed from
 * any plain-http answer, since this server is the edge that knows how the browser came in.
 */
export const headers: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const https = isHttps(event.request.headers.get('x-forwarded-proto'));
  const connectSrc = event.locals.connectSrc ?? [];
  const framable = event.url.pathname.startsWith(BRANDING_PREVIEW);
  try {
    applyTo(response.headers, https, connectSrc, framable);
    return response;
  } catch {
    // A response with immutable headers (e.g. Response.redirect) is copied once.
    const copy = new Response(response.body, response);
    applyTo(copy.headers, https, connectSrc, framable);
    return copy;
  }
};

/** The branding studio's preview is shown in a frame on the studio page: by this origin only. */
const BRANDING_PREVIEW = '/modules/settings/branding/preview/';

function applyTo(headers: Headers, https: boolean, connectSrc: string[], framable: boolean) {
  for (const [name, value] of securityHeaders(https)) if (!headers.has(name)) headers.set(name, value);
  if (!https) headers.delete('strict-transport-security');
  const csp = headers.get('content-security-policy');
  if (csp && connectSrc.length) headers.set('content-security-policy', widenConnectSrc(csp, connectSrc));
  const policy = headers.get('content-security-policy');
  if (framable && policy)
    headers.set('content-security-policy', policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
}

/** Adds origins to a policy's `connect-src` (the staff pages' Firebase endpoints); nothing else changes. */
export function widenConnectSrc(csp: string, origins: string[]): string {
  const extra = origins.filter((o) => /^https?:\/\/[\w.-]+(:\d+)?$/.test(o)).join(' ');
  if (!extra) return csp;
  return /(^|;)\s*connect-src\b/.test(csp)
    ? csp.replace(/((?:^|;)\s*connect-src\b[^;]*)/, `$1 ${extra}`)
    : `${csp}; connect-src 'self' ${extra}`;
}
