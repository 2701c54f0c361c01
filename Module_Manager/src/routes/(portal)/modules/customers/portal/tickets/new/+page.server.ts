import { fail, redirect } from '@sveltejs/kit';
import {
  OUTAGE_TICKET_CATEGORIES,
  TICKET_CATEGORIES,
  type TCustomerTicket,
  type TIntakeResponse,
  type TTicketCategory,
} from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { customerTicketsPath } from '$lib/portal/api-paths';
import { forwardableForm } from '$lib/server/forms';
import { redirectIfSignedOut, requireCustomerSession } from '$lib/server/guards';
import { categoryLabel } from '$lib/components/customer-portal/ticket-badges/labels';
import type { Actions, PageServerLoad } from './$types';

const isCategory = (v: unknown): v is TTicketCategory =>
  typeof v === 'string' && (TICKET_CATEGORIES as readonly string[]).includes(v);
const isOutageCategory = (c: TTicketCategory) => (OUTAGE_TICKET_CATEGORIES as readonly string[]).includes(c);

/**
 * One page: the category choices and the form together. The known outage at the customer's site (if
 * any) is loaded up front; the page shows it above the form only while a connection category is chosen.
 * `?category=` preselects a category (links from other pages).
 */
export const load: PageServerLoad = async (event) => {
  const { customerId } = await requireCustomerSession(event);
  const raw = event.url.searchParams.get('category');
  const category = isCategory(raw) ? raw : null;
  const probe = category && isOutageCategory(category) ? category : OUTAGE_TICKET_CATEGORIES[0];
  let incident: TIntakeResponse['incident'] = null;
  try {
    ({ incident } = await send<TIntakeResponse>(
      event,
      `/api/customer-portal/service/intake?category=${encodeURIComponent(probe)}`,
    ));
  } catch (err) {
    redirectIfSignedOut(event, err);
    // The outage check must never stop someone filing a ticket.
    incident = null;
  }
  return { customerId, category, incident };
};

type FieldErrors = Record<string, string>;

const typedValues = (form: FormData) => ({
  category: String(form.get('category') ?? ''),
  title: String(form.get('title') ?? ''),
  description: String(form.get('description') ?? ''),
  priority: String(form.get('priority') ?? 'medium'),
});

export const actions: Actions = {
  subscribe: async (event) => {
    const form = await event.request.formData();
    const incidentId = String(form.get('incidentId') ?? '');
    // The banner sits inside the ticket form: whatever was typed comes back with the answer.
    const values = typedValues(form);
    try {
      await send(event, `/api/customer-portal/support/incidents/${encodeURIComponent(incidentId)}/subscribe`, {
        method: 'POST',
      });
      return { subscribed: true as const, values };
    } catch (err) {
      redirectIfSignedOut(event, err);
      return fail(err instanceof BackendError && err.status < 500 ? err.status : 503, {
        subscribeFailed: true as const,
        values,
      });
    }
  },

  create: async (event) => {
    const { customerId } = await requireCustomerSession(event);
    const form = await event.request.formData();
    const values = typedValues(form);
    // The title is optional for the customer: an empty one becomes the problem they picked.
    if (!values.title.trim() && isCategory(values.category)) form.set('title', categoryLabel(values.category));
    let created: { ticket: TCustomerTicket };
    try {
      created = await send(event, customerTicketsPath(customerId), {
        method: 'POST',
        body: forwardableForm(form, ['title', 'description', 'category', 'priority']),
      });
    } catch (err) {
      redirectIfSignedOut(event, err);
      if (err instanceof BackendError) {
        const errors: FieldErrors = {};
        for (const [field, message] of Object.entries(err.body.fields ?? {})) {
          const key = field.startsWith('files') ? 'files' : field;
          errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
        }
        if (err.body.code === 'UNSUPPORTED_FILE' && !errors.files) errors.files = err.body.message;
        if (err.status === 413 || err.body.code === 'PAYLOAD_TOO_LARGE') errors.files = err.body.message;
        return fail(err.status >= 500 ? 503 : 400, { values, errors, failed: Object.keys(errors).length === 0 });
      }
      return fail(503, { values, errors: {} as FieldErrors, failed: true });
    }
    redirect(303, `/modules/customers/portal/tickets/${created.ticket.id}?created=1`);
  },
};
