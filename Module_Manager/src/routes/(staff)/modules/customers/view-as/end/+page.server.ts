import { redirect } from '@sveltejs/kit';
import type { TViewAsEnded } from '@wisp/shared';
import { send } from '$lib/server/api';
import { requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** Nothing to show: ending a view is a POST (the banner's button); a visit goes back to the list. */
export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  redirect(303, '/modules/customers');
};

export const actions: Actions = {
  /** Ends the read-only view and returns to that customer's staff page. */
  default: async (event) => {
    await requireStaffSession(event);
    const { customerId } = await send<TViewAsEnded>(event, '/api/customers/view-as/end', { method: 'POST' });
    redirect(303, customerId ? `/modules/customers/${encodeURIComponent(customerId)}` : '/modules/customers');
  },
};
