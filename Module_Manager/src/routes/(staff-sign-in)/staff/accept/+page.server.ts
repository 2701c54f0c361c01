import { redirect } from '@sveltejs/kit';
import { submitNewPassword } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The emailed single-use link: its code stays in a hidden field until the password is chosen. */
export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const failure = await submitNewPassword(event, '/api/staff/auth/set-password', 'code', 'code');
    if (failure) return failure;
    // The person signs in with the new password through the sign-in page (the Firebase SDK).
    redirect(303, '/staff/login?passwordSet=1');
  },
};
