import { fail, redirect } from '@sveltejs/kit';
import { send } from '$lib/server/api';
import { backendFailure, passwordProblem, readForm } from '$lib/server/forms';
import { portalPath } from '$lib/portal/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ oobCode: url.searchParams.get('oobCode') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const get = await readForm(event);
    const oobCode = get('oobCode').trim();
    const password = get('password');
    const pw = passwordProblem(password);
    if (pw)
      return fail(400, { errors: { password: pw } as Record<string, string>, values: {} as Record<string, string> });
    try {
      await send(event, '/api/customer-portal/auth/reset-password/complete', {
        method: 'POST',
        body: { oobCode, password },
      });
    } catch (err) {
      return backendFailure(err, {}, undefined, { oobCode: 'password' });
    }
    // Completing a reset ends every session: the person signs in with the new password.
    redirect(303, `${portalPath('/login')}?passwordChanged=1`);
  },
};
