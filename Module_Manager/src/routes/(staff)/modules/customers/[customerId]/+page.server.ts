import type { TCustomerDetail } from '@wisp/shared';
import { send } from '$lib/server/api';
import { customerPortalActions } from '$lib/server/customer-portal-actions';
import { failLoad, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  try {
    const customer = await send<TCustomerDetail>(
      event,
      `/api/customers/${encodeURIComponent(event.params.customerId)}`,
    );
    return { customer, saved: event.url.searchParams.get('saved') === '1' };
  } catch (err) {
    failLoad(err, event);
  }
};

export const actions: Actions = customerPortalActions;
