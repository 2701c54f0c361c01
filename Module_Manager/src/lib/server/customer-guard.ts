import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { loginUrl } from '$lib/portal/paths';
import { BackendError } from './api';
import { loadSession, signedInCustomerId } from './session';

/** Where an anonymous (or expired) visitor is sent, remembering the page they wanted. */
export function loginRedirect(url: URL, expired = false): never {
  redirect(303, loginUrl(url.pathname + url.search, expired));
}

/**
 * Page guard (besides the one in hooks.server.ts): the signed-in customer's id, or a redirect to the
 * login page. Uses the session the hook already loaded; asks the backend only if it did not.
 */
export async function requireCustomerSession(event: RequestEvent): Promise<{ customerId: string }> {
  const session = event.locals.session ?? (await loadSession(event));
  const customerId = signedInCustomerId(session);
  if (!customerId) loginRedirect(event.url, session.expired);
  return { customerId };
}

/**
 * Turns a backend failure during a page load into the right page: 401 → sign in again (and come back),
 * 404 → not found, anything else → the error page with a kind message.
 */
export function failLoad(err: unknown, url: URL): never {
  if (err instanceof BackendError) {
    if (err.status === 401) loginRedirect(url, true);
    if (err.status === 404) error(404, { message: 'Not found', code: 'NOT_FOUND' });
    error(err.status >= 500 ? 503 : err.status, { message: err.body.message, code: err.body.code });
  }
  throw err;
}
