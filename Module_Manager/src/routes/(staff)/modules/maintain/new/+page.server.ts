import { fail, redirect } from '@sveltejs/kit';
import type { TStaffTicket } from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { forwardableForm } from '$lib/server/forms';
import { redirectIfSignedOut, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['customerId', 'title', 'description', 'category', 'priority'];

export const load: PageServerLoad = async (event) => ({
  staff: await requireStaffSession(event),
  customerId: event.url.searchParams.get('customer') ?? '',
});

export const actions: Actions = {
  /** Phone intake: the ticket is the customer's (they see it in the portal and are emailed). */
  create: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')]));
    let created: TStaffTicket;
    try {
      ({ ticket: created } = await send<{ ticket: TStaffTicket }>(event, '/api/work-orders', {
        method: 'POST',
        body: forwardableForm(form, FIELDS),
      }));
    } catch (err) {
      redirectIfSignedOut(event, err);
      const fields = err instanceof BackendError ? (err.body.fields ?? {}) : {};
      const message =
        err instanceof BackendError
          ? err.status === 404
            ? 'No customer with this ID.'
            : err.body.message
          : 'Something went wrong.';
      return fail(400, { values, fields, message });
    }
    redirect(303, `/modules/maintain/${created.id}`);
  },
};
