import type { Handle, RequestEvent } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { extractLocaleFromHeader, isLocale } from '$lib/paraglide/runtime';

/** The cookie paraglide reads first (vite.config.ts `cookieName`); the portal's language switch sets it. */
export const LOCALE_COOKIE = 'portal_locale';

/**
 * On a first visit (no language chosen yet) from a browser whose languages the portal does not speak,
 * the tenant's default language, not English: a Spanish-speaking WISP's customer on a French phone reads
 * Spanish. Remembered in the language cookie so the browser's own rendering agrees with the server's.
 */
export function firstVisitLocale(event: RequestEvent): string | undefined {
  if (event.cookies.get(LOCALE_COOKIE)) return undefined;
  if (extractLocaleFromHeader(event.request)) return undefined;
  const fallback = event.locals.tenant?.defaultLocale;
  return fallback && isLocale(fallback) ? fallback : undefined;
}

/** Sets the request's language (cookie, else Accept-Language, else the tenant's default) for the page render. */
export const locale: Handle = ({ event, resolve }) => {
  const fallback = firstVisitLocale(event);
  if (fallback) {
    event.cookies.set(LOCALE_COOKIE, fallback, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 400 * 86_400 });
    const headers = new Headers(event.request.headers);
    const cookie = headers.get('cookie');
    headers.set('cookie', `${cookie ? `${cookie}; ` : ''}${LOCALE_COOKIE}=${fallback}`);
    event.request = new Request(event.request, { headers });
  }
  return paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) =>
        html.replace('%lang%', locale).replace('%contrast%', event.locals.contrast ?? 'normal'),
    });
  });
};
