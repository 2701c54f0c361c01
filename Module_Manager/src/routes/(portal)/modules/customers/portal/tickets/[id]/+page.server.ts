import { fail } from '@sveltejs/kit';
import type { TCustomerTicket } from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { customerTicketsPath } from '$lib/portal/api-paths';
import { forwardableForm } from '$lib/server/forms';
import { failLoad, redirectIfSignedOut, requireCustomerSession } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const ticketPath = (customerId: string, id: string) => customerTicketsPath(customerId, id);

export const load: PageServerLoad = async (event) => {
  const { customerId } = await requireCustomerSession(event);
  try {
    const { ticket } = await send<{ ticket: TCustomerTicket }>(event, ticketPath(customerId, event.params.id));
    // Opening the ticket is reading it: staff replies stop counting as unread.
    if (ticket.unreadStaffReplies > 0)
      await send(event, `${ticketPath(customerId, ticket.id)}/read`, { method: 'POST' }).catch(() => undefined);
    return { customerId, ticket, created: event.url.searchParams.get('created') === '1' };
  } catch (err) {
    failLoad(err, event);
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
    redirectIfSignedOut(event, err);
    return fail(err instanceof BackendError && err.status < 500 ? 400 : 503, onFail(err));
  }
}

/** Close or reopen: the backend decides whether the move is allowed; a refusal stays on the page. */
async function moveStatus(event: RequestEvent, move: 'close' | 'reopen') {
  const failed = await act(
    event,
    (_, path) => send(event, `${path}/${move}`, { method: 'POST' }),
    () => ({ actionFailed: move }),
  );
  return failed ?? (move === 'close' ? { closed: true as const } : { reopened: true as const });
}

export const actions: Actions = {
  comment: async (event) => {
    const form = await event.request.formData();
    const body = String(form.get('body') ?? '');
    if (!body.trim()) return fail(400, { comment: { body, error: 'empty' as const } });
    const failed = await act(
      event,
      (_, path) => send(event, `${path}/comments`, { method: 'POST', body: forwardableForm(form, ['body']) }),
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
  close: (event) => moveStatus(event, 'close'),
  reopen: (event) => moveStatus(event, 'reopen'),
  rate: async (event) => {
    const form = await event.request.formData();
    const rating = Number(form.get('rating'));
    const comment = String(form.get('ratingComment') ?? '').trim();
    if (!(rating >= 1 && rating <= 5)) return fail(400, { rating: { error: 'missing' as const, comment } });
    const failed = await act(
      event,
      (_, path) => send(event, `${path}/rating`, { method: 'POST', body: { rating, ...(comment ? { comment } : {}) } }),
      () => ({ rating: { error: 'send' as const, comment } }),
    );
    return failed ?? { rated: true as const };
  },
};
