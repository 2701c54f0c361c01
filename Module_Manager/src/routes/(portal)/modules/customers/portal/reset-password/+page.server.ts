import { redirect } from '@sveltejs/kit';
import { submitNewPassword } from '$lib/server/forms';
import { portalPath } from '$lib/portal/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ oobCode: url.searchParams.get('oobCode') ?? '' });

export const actions: Actions = {
  default: async (event) => {
    const failure = await submitNewPassword(
      event,
      '/api/customer-portal/auth/reset-password/complete',
      'oobCode',
      'oobCode',
    );
    if (failure) return failure;
    // Completing a reset ends every session: the person signs in with the new password.
    redirect(303, `${portalPath('/login')}?passwordChanged=1`);
  },
};
