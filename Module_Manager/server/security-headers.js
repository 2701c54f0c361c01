// Plain JavaScript so that both the SvelteKit `headers` handle and the production server entry
// (server/index.js, which covers the static files adapter-node serves before any hook runs) use it.

/** The headers every response carries: pages, the proxied API and static files alike. */
export const SECURITY_HEADERS = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
});

/** Sent only over https (a browser ignores it on http, and it must never pin a plain-http dev host). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Whether the browser reached us over https. The Node server itself only speaks plain http, so that is
 * known only from the `X-Forwarded-Proto` the TLS-terminating proxy in front sets (its first value).
 * The request URL's scheme cannot tell: adapter-node reports `https:` whenever that header is absent.
 * @param {string | null | undefined} forwardedProto
 */
export function isHttps(forwardedProto) {
  return (forwardedProto ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
}

/**
 * The security headers for one response, as name/value pairs.
 * @param {boolean} https
 * @returns {[string, string][]}
 */
export function securityHeaders(https) {
  const pairs = Object.entries(SECURITY_HEADERS);
  return https ? [...pairs, ['strict-transport-security', HSTS]] : pairs;
}
