import { redirect } from '@sveltejs/kit';
import type { TCustomerSaved } from '@wisp/shared';
import { send } from '$lib/server/api';
import { customerFormFailure, readCustomerForm } from '$lib/server/customer-form';
import { requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  return {};
};

export const actions: Actions = {
  save: async (event) => {
    await requireStaffSession(event);
    const { values, body } = await readCustomerForm(event);
    let saved: TCustomerSaved;
    try {
      saved = await send<TCustomerSaved>(event, '/api/customers', { method: 'POST', body });
    } catch (err) {
      return customerFormFailure(err, values);
    }
    redirect(303, `/modules/customers/${encodeURIComponent(saved.customer.customerId)}?saved=1`);
  },
};
