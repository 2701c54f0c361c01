import { redirect } from '@sveltejs/kit';
import { send } from '$lib/server/api';
import { portalPath } from '$lib/portal/paths';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link or prefetch must never sign anyone out); GET just goes to the login page.
export const load: PageServerLoad = () => redirect(303, portalPath('/login'));

export const actions: Actions = {
  default: async (event) => {
    try {
      await send(event, '/api/customer-portal/auth/logout', { method: 'POST' });
    } catch {
      // Already signed out or the backend is away: the session cookie is cleared either way below.
    }
    event.cookies.delete('wisp_session', { path: '/', secure: event.url.protocol === 'https:' });
    redirect(303, `${portalPath('/login')}?signedOut=1`);
  },
};
