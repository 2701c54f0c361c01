import type { Handle } from '@sveltejs/kit';
import { isHttps, securityHeaders } from '../../../../server/security-headers.js';

/**
 * The security headers on everything SvelteKit answers (pages, data, the proxied API, errors); the
 * production entry (server/index.js) sets the same ones for the static files served before any hook.
 */
export const headers: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const https = isHttps(event.request.headers.get('x-forwarded-proto'));
  for (const [name, value] of securityHeaders(https)) {
    try {
      response.headers.set(name, value);
    } catch {
      // A response with immutable headers (e.g. a fetch passed straight through) is copied once.
      return withHeaders(response, https);
    }
  }
  return response;
};

function withHeaders(response: Response, https: boolean): Response {
  const copy = new Response(response.body, response);
  for (const [name, value] of securityHeaders(https)) copy.headers.set(name, value);
  return copy;
}
