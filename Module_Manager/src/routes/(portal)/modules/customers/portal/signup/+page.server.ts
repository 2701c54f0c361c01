import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { api } from '$lib/server/api';
import { backendFailure, passwordProblem, readForm } from '$lib/server/forms';
import { portalPath } from '$lib/portal/paths';
import type { Actions, PageServerLoad } from './$types';

/** `?code=` (from a staff invitation email) switches the page to "set your password". */
export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
  signup: async (event) => {
    const get = await readForm(event);
    const values: Record<string, string> = { customerId: get('customerId').trim(), phone: get('phone').trim() };
    const password = get('password');
    const errors: Record<string, string> = {};
    if (!values.customerId) errors.customerId = m.auth_error_customer_id_required();
    if (values.phone!.replace(/\D/g, '').length < 7) errors.phone = m.auth_error_phone_required();
    const pw = passwordProblem(password);
    if (pw) errors.password = pw;
    if (Object.keys(errors).length) return fail(400, { errors, values });
    try {
      const res = await api<{ status: string; sentTo?: string }>(event, '/api/customer-portal/auth/signup', {
        method: 'POST',
        body: { ...values, password },
      });
      return { sent: true, sentTo: res.sentTo ?? '' };
    } catch (err) {
      return backendFailure(err, values);
    }
  },
  invitation: async (event) => {
    const get = await readForm(event);
    const accessCode = get('code').trim();
    const password = get('password');
    const pw = passwordProblem(password);
    if (pw)
      return fail(400, { errors: { password: pw } as Record<string, string>, values: {} as Record<string, string> });
    try {
      await api(event, '/api/customer-portal/auth/link-account', { method: 'POST', body: { accessCode, password } });
    } catch (err) {
      return backendFailure(err, {}, undefined, { accessCode: 'password' });
    }
    redirect(303, portalPath('/dashboard'));
  },
};
