import { redirect, type RequestEvent } from '@sveltejs/kit';
import { send } from '$lib/server/api';
import { STAFF_LOGIN, staffLoginUrl } from '$lib/portal/paths';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link or prefetch must never sign anyone out); GET just goes to the sign-in page.
export const load: PageServerLoad = () => redirect(303, STAFF_LOGIN);

async function signOut(event: RequestEvent, path: string, note: 'signedOut' | 'signedOutEverywhere') {
  try {
    await send(event, path, { method: 'POST' });
  } catch {
    // Already signed out or the backend is away: the session cookie is cleared either way below.
  }
  event.cookies.delete('wisp_session', { path: '/', secure: event.url.protocol === 'https:' });
  redirect(303, staffLoginUrl(undefined, note));
}

export const actions: Actions = {
  signOut: (event) => signOut(event, '/api/staff/auth/logout', 'signedOut'),
  everywhere: (event) => signOut(event, '/api/staff/auth/logout-everywhere', 'signedOutEverywhere'),
};
