import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { loginUrl, staffLoginUrl } from '$lib/portal/paths';
import { BackendError } from './api.ts';
import { loadSession, signedInCustomerId, signedInStaff, type StaffActor } from './session.ts';

/**
 * The one signed-out path: a backend 401 (the session ended between the hook's check and this call)
 * sends the person to sign in and back here, with the "expired" note when the backend says so.
 * Anything else is left to the caller.
 *
 *   try { … await send(event, …) } catch (err) { redirectIfSignedOut(event, err); … }
 */
export function redirectIfSignedOut(event: Pick<RequestEvent, 'url'>, err: unknown): void {
  if (err instanceof BackendError && err.status === 401) {
    redirect(303, loginUrl(event.url.pathname + event.url.search, err.body.code === 'SESSION_EXPIRED'));
  }
}

/**
 * Customer page guard (the hook applies it to every signed-in portal path; each page calls it again,
 * since form actions and data requests skip layout loads): the signed-in customer's id, or sign-in.
 */
export async function requireCustomerSession(event: RequestEvent): Promise<{ customerId: string }> {
  const session = event.locals.session ?? (await loadSession(event));
  const customerId = signedInCustomerId(session);
  if (!customerId) redirect(303, loginUrl(event.url.pathname + event.url.search, session.expired));
  return { customerId };
}

/**
 * Staff page guard (the hook applies it to every staff path; each staff layout and page calls it
 * again): the signed-in staff member, or the staff sign-in and back here. Customers get the same
 * answer as anonymous visitors; a host that does not serve the staff side (a custom domain) a 404.
 */
export async function requireStaffSession(event: RequestEvent): Promise<StaffActor> {
  const session = event.locals.session ?? (await loadSession(event));
  if (!session.staffHost) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  const staff = signedInStaff(session);
  if (!staff)
    redirect(303, staffLoginUrl(event.url.pathname + event.url.search, session.expired ? 'expired' : undefined));
  return staff;
}

/** `redirectIfSignedOut` for staff pages: a backend 401 during a staff load or action → staff sign-in. */
export function redirectStaffIfSignedOut(event: Pick<RequestEvent, 'url'>, err: unknown): void {
  if (err instanceof BackendError && err.status === 401) {
    redirect(
      303,
      staffLoginUrl(event.url.pathname + event.url.search, err.body.code === 'SESSION_EXPIRED' ? 'expired' : undefined),
    );
  }
}

/**
 * A backend failure during a page load as the right page: 401 → sign in again (and come back),
 * 404 → not found, anything else → the error page with a kind message.
 */
export function failLoad(err: unknown, event: Pick<RequestEvent, 'url'>): never {
  redirectIfSignedOut(event, err);
  if (err instanceof BackendError) {
    if (err.status === 404) error(404, { message: 'Not found', code: 'NOT_FOUND' });
    error(err.status >= 500 ? 503 : err.status, { message: err.body.message, code: err.body.code });
  }
  throw err;
}
