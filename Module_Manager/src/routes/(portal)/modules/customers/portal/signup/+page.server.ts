import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { send } from '$lib/server/api';
import { backendFailure, readForm, submitNewPassword } from '$lib/server/forms';
import { portalPath } from '$lib/portal/paths';
import type { Actions, PageServerLoad } from './$types';

/**
 * Sign-up asks for the customer ID and phone only; the backend emails a link to the address on file.
 * `?code=` (that link, or a staff invitation) switches the page to "choose your password".
 */
export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
  signup: async (event) => {
    const get = await readForm(event);
    const values: Record<string, string> = { customerId: get('customerId').trim(), phone: get('phone').trim() };
    const errors: Record<string, string> = {};
    if (!values.customerId) errors.customerId = m.auth_error_customer_id_required();
    if (values.phone!.replace(/\D/g, '').length < 7) errors.phone = m.auth_error_phone_required();
    if (Object.keys(errors).length) return fail(400, { errors, values });
    try {
      const res = await send<{ status: string; sentTo?: string }>(event, '/api/customer-portal/auth/signup', {
        method: 'POST',
        body: values,
      });
      return { sent: true, sentTo: res.sentTo ?? '' };
    } catch (err) {
      return backendFailure(err, values);
    }
  },
  invitation: async (event) => {
    const failure = await submitNewPassword(event, '/api/customer-portal/auth/link-account', 'accessCode', 'code');
    if (failure) return failure;
    redirect(303, portalPath('/dashboard'));
  },
};
