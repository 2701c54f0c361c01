import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { safeStaffReturnTo } from '$lib/portal/paths';
import { BackendError, send } from '$lib/server/api';
import { backendFailure, readForm, type FormFailure } from '$lib/server/forms';
import { failLoad } from '$lib/server/guards';
import { allowFirebaseConnections } from '$lib/server/staff-auth-config';
import type { Actions, PageServerLoad } from './$types';

/** The SDK's settings come from the backend (nothing hard-coded), with the way back and why the person is here. */
export const load: PageServerLoad = async (event) => {
  const q = event.url.searchParams;
  try {
    return {
      firebase: await allowFirebaseConnections(event),
      returnTo: safeStaffReturnTo(q.get('returnTo')),
      note: q.has('passwordSet')
        ? ('passwordSet' as const)
        : q.has('expired')
          ? ('expired' as const)
          : q.has('signedOutEverywhere')
            ? ('signedOutEverywhere' as const)
            : q.has('signedOut')
              ? ('signedOut' as const)
              : null,
    };
  } catch (err) {
    failLoad(err, event);
  }
};

/**
 * The browser signed in with the Firebase JS SDK and posts only the ID token here (never the
 * password); this action trades it at the backend through the one backend client, so the session
 * cookie, the error mapping and the validated `returnTo` redirect all happen on the server.
 */
export const actions: Actions = {
  session: async (event) => {
    const get = await readForm(event);
    const idToken = get('idToken');
    const values = { email: get('email').trim() };
    if (!idToken)
      return fail(400, { errors: {}, message: m.staff_signin_error_unknown(), values } satisfies FormFailure);
    try {
      await send(event, '/api/staff/auth/session', { method: 'POST', body: { idToken } });
    } catch (err) {
      if (err instanceof BackendError && err.status === 401) {
        const company = event.locals.tenant?.branding.company.displayName ?? '';
        return fail(401, {
          errors: { email: m.staff_signin_error_refused({ company }) },
          values,
        } satisfies FormFailure);
      }
      if (err instanceof BackendError && err.status === 429) {
        return fail(429, { errors: {}, message: m.staff_signin_error_rate_limited(), values } satisfies FormFailure);
      }
      return backendFailure(err, values);
    }
    redirect(303, safeStaffReturnTo(get('returnTo')));
  },
};
