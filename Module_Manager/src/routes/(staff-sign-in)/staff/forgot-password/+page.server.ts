import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { send } from '$lib/server/api';
import { backendFailure, readForm, type FormFailure } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const get = await readForm(event);
    const email = get('email').trim();
    const values = { email };
    if (!/^\S+@\S+\.\S+$/.test(email))
      return fail(400, { errors: { email: m.staff_signin_error_email() }, values } satisfies FormFailure);
    try {
      await send(event, '/api/staff/auth/reset-password', { method: 'POST', body: { email } });
    } catch (err) {
      return backendFailure(err, values);
    }
    return { sent: true };
  },
};
