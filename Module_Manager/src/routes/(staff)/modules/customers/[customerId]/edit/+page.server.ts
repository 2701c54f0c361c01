import { redirect } from '@sveltejs/kit';
import type { TCustomerDetail, TCustomerSaved } from '@wisp/shared';
import { send } from '$lib/server/api';
import { customerFormFailure, readCustomerForm } from '$lib/server/customer-form';
import { failLoad, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const customerPath = (id: string) => `/api/customers/${encodeURIComponent(id)}`;

export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  try {
    return { customer: await send<TCustomerDetail>(event, customerPath(event.params.customerId)) };
  } catch (err) {
    failLoad(err, event);
  }
};

export const actions: Actions = {
  save: async (event) => {
    await requireStaffSession(event);
    const { values, body } = await readCustomerForm(event);
    let saved: TCustomerSaved;
    try {
      saved = await send<TCustomerSaved>(event, customerPath(event.params.customerId), { method: 'PATCH', body });
    } catch (err) {
      return customerFormFailure(err, values);
    }
    redirect(303, `/modules/customers/${encodeURIComponent(saved.customer.customerId)}?saved=1`);
  },
};
