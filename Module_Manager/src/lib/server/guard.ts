import { redirect, type RequestEvent } from '@sveltejs/kit';
import { loginUrl } from '$lib/portal/paths';
import { BackendError } from './api.ts';

/**
 * For page loads and actions: when a backend call answers 401 (the session ended between the hook's
 * check and this call), send the person to sign in and back here afterwards; "expired" when the
 * backend says SESSION_EXPIRED. Any other error is rethrown.
 *
 *   try { … await api(event, …) } catch (err) { redirectIfSignedOut(event, err); throw err; }
 */
export function redirectIfSignedOut(event: Pick<RequestEvent, 'url'>, err: unknown): void {
  if (err instanceof BackendError && err.status === 401) {
    redirect(303, loginUrl(event.url.pathname + event.url.search, err.body.code === 'SESSION_EXPIRED'));
  }
}
