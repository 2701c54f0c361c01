import { fail } from '@sveltejs/kit';
import type { TCustomerTicket } from '@wisp/shared';
import { api, BackendError } from '$lib/server/api';
import { apiMultipart, forwardableForm } from '$lib/server/api-multipart';
import { failLoad, loginRedirect, requireCustomerSession } from '$lib/server/customer-guard';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const ticketPath = (customerId: string, id: string) =>
  `/api/work-orders/customer/${encodeURIComponent(customerId)}/${encodeURIComponent(id)}`;

export const load: PageServerLoad = async (event) => {
  const { customerId } = await requireCustomerSession(event);
  try {
    const { ticket } = await api<{ ticket: TCustomerTicket }>(event, ticketPath(customerId, event.params.id));
    // Opening the ticket is reading it: staff replies stop counting as unread.
    if (ticket.unreadStaffReplies > 0)
      await api(event, `${ticketPath(customerId, ticket.id)}/read`, { method: 'POST' }).catch(() => undefined);
    return { customerId, ticket, created: event.url.searchParams.get('created') === '1' };
  } catch (err) {
    failLoad(err, event.url);
  }
};

/** Runs one ticket action; a 401 sends the person to sign in and back, other failures stay on the page. */
async function act(
  event: RequestEvent,
  run: (customerId: string, path: string) => Promise<unknown>,
  onFail: (err: unknown) => Record<string, unknown>,
) {
  const { customerId } = await requireCustomerSession(event);
  try {
    await run(customerId, ticketPath(customerId, event.params.id));
    return null;
  } catch (err) {
    if (err instanceof BackendError && err.status === 401) loginRedirect(event.url);
    return fail(err instanceof BackendError && err.status < 500 ? 400 : 503, onFail(err));
  }
}

export const actions: Actions = {
  comment: async (event) => {
    const form = await event.request.formData();
    const body = String(form.get('body') ?? '');
    if (!body.trim()) return fail(400, { comment: { body, error: 'empty' as const } });
    const failed = await act(
      event,
      (_, path) => apiMultipart(event, `${path}/comments`, forwardableForm(form, ['body'])),
      (err) => ({
        comment: {
          body,
          error:
            err instanceof BackendError && err.body.code === 'UNSUPPORTED_FILE' ? ('file' as const) : ('send' as const),
          detail: err instanceof BackendError ? Object.values(err.body.fields ?? {}).join(' ') || err.body.message : '',
        },
      }),
    );
    return failed ?? { commented: true as const };
  },
  close: async (event) =>
    (await act(
      event,
      (_, path) => api(event, `${path}/close`, { method: 'POST' }),
      () => ({ actionFailed: 'close' as const }),
    )) ?? { closed: true as const },
  reopen: async (event) =>
    (await act(
      event,
      (_, path) => api(event, `${path}/reopen`, { method: 'POST' }),
      () => ({ actionFailed: 'reopen' as const }),
    )) ?? { reopened: true as const },
  rate: async (event) => {
    const form = await event.request.formData();
    const rating = Number(form.get('rating'));
    const comment = String(form.get('ratingComment') ?? '').trim();
    if (!(rating >= 1 && rating <= 5)) return fail(400, { rating: { error: 'missing' as const, comment } });
    const failed = await act(
      event,
      (_, path) => api(event, `${path}/rating`, { method: 'POST', body: { rating, ...(comment ? { comment } : {}) } }),
      () => ({ rating: { error: 'send' as const, comment } }),
    );
    return failed ?? { rated: true as const };
  },
};
