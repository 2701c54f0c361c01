import { fail } from '@sveltejs/kit';
import type { TDeskCustomerPanel, TSavedReply, TStaffTicket, TStaffTicketMessage } from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { forwardableForm } from '$lib/server/forms';
import { failLoad, redirectIfSignedOut, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const ticketPath = (id: string, rest = '') => `/api/work-orders/${encodeURIComponent(id)}${rest}`;

export const load: PageServerLoad = async (event) => {
  const staff = await requireStaffSession(event);
  try {
    const [{ ticket }, { panel }, { replies }] = await Promise.all([
      send<{ ticket: TStaffTicket }>(event, ticketPath(event.params.id)),
      send<{ panel: TDeskCustomerPanel }>(event, ticketPath(event.params.id, '/customer')),
      send<{ replies: TSavedReply[] }>(event, '/api/desk/saved-replies'),
    ]);
    return { staff, ticket, panel, replies, timeZone: event.locals.tenant?.timezone ?? 'UTC' };
  } catch (err) {
    failLoad(err, event);
  }
};

const reasonOf = (err: unknown) =>
  err instanceof BackendError ? Object.values(err.body.fields ?? {}).join(' ') || err.body.message : '';

/** Runs one change to the ticket; a refusal stays on the page with the backend's reason. */
async function change(event: RequestEvent, path: string, body: unknown, method = 'POST') {
  await requireStaffSession(event);
  try {
    await send(event, ticketPath(event.params.id, path), { method, body });
    return { changed: true as const };
  } catch (err) {
    redirectIfSignedOut(event, err);
    return fail(400, { changeError: reasonOf(err) });
  }
}

export const actions: Actions = {
  send: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const mode = form.get('mode') === 'note' ? 'note' : 'reply';
    const body = String(form.get('body') ?? '');
    if (!body.trim()) return fail(400, { composer: { mode, body, error: 'Write a message.' } });
    const fields = ['body', 'lastSeenMessageId', 'confirm', 'savedReplyId'].filter((f) => String(form.get(f) ?? ''));
    try {
      await send(event, ticketPath(event.params.id, mode === 'note' ? '/notes' : '/replies'), {
        method: 'POST',
        body: forwardableForm(form, fields),
      });
      return { sent: mode };
    } catch (err) {
      redirectIfSignedOut(event, err);
      if (err instanceof BackendError && err.status === 409 && err.body.details) {
        const newMessages = (err.body.details as { newMessages?: TStaffTicketMessage[] }).newMessages ?? [];
        return fail(409, {
          composer: { mode, body, savedReplyId: String(form.get('savedReplyId') ?? ''), newMessages },
        });
      }
      return fail(400, { composer: { mode, body, error: reasonOf(err) } });
    }
  },
  status: async (event) => change(event, '/status', { status: String((await event.request.formData()).get('status')) }),
  assign: async (event) => {
    const value = String((await event.request.formData()).get('assignedTo') ?? '');
    return change(event, '/assign', { assignedTo: value || null });
  },
  triage: async (event) => {
    const form = await event.request.formData();
    return change(
      event,
      '',
      { priority: String(form.get('priority')), category: String(form.get('category')) },
      'PATCH',
    );
  },
};
