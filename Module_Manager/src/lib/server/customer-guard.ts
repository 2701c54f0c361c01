import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { api, BackendError } from './api';

const LOGIN_PATH = '/modules/customers/portal/login';

/** Where an anonymous (or expired) visitor is sent, remembering the page they wanted. */
export function loginRedirect(url: URL): never {
  redirect(303, `${LOGIN_PATH}?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
}

type SessionInfo = { actor: null | { kind: 'customer'; customerId: string } | { kind: 'staff' } };

/** Page guard: the signed-in customer's id, or a redirect to the login page. */
export async function requireCustomerSession(event: RequestEvent): Promise<{ customerId: string }> {
  const { actor } = await api<SessionInfo>(event, '/api/session');
  if (!actor || actor.kind !== 'customer') loginRedirect(event.url);
  return { customerId: actor.customerId };
}

/**
 * Turns a backend failure during a page load into the right page: 401 → sign in again (and come back),
 * 404 → not found, anything else → the error page with a kind message.
 */
export function failLoad(err: unknown, url: URL): never {
  if (err instanceof BackendError) {
    if (err.status === 401) loginRedirect(url);
    if (err.status === 404) error(404, { message: 'Not found', code: 'NOT_FOUND' });
    error(err.status >= 500 ? 503 : err.status, { message: err.body.message, code: err.body.code });
  }
  throw err;
}
