import type { Handle } from '@sveltejs/kit';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Whether a request is a state-changing form submission from another site: it must come from a page
 * of this very host (the browser's Origin header names it). Replaces SvelteKit's check, which compares
 * the scheme too and so cannot work behind a plain-http dev server (see svelte.config.js).
 */
export function isCrossSiteFormPost(request: Request, url: URL): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type)) return false;
  const origin = request.headers.get('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host !== url.host;
  } catch {
    return true;
  }
}

/** Refuses cross-site form posts before anything else runs (pages and the proxied API alike). */
export const formOrigin: Handle = ({ event, resolve }) =>
  isCrossSiteFormPost(event.request, event.url)
    ? new Response('Cross-site form submissions are forbidden', { status: 403 })
    : resolve(event);
