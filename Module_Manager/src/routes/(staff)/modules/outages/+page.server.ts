import { fail } from '@sveltejs/kit';
import type {
  TDeliveryReport,
  TIncidentTicketsResponse,
  TIncidentUpdateResponse,
  TLinkTicketsResponse,
  TStaffIncident,
  TSupportSites,
} from '@wisp/shared';
import { INCIDENT_STATUSES } from '@wisp/shared/constants';
import { BackendError, send } from '$lib/server/api';
import { failLoad, redirectStaffIfSignedOut, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const isId = (v: string | null): v is string => !!v && /^[a-f0-9]{24}$/i.test(v);

/** The view lives in the URL: `?incident=<id>` opens one, `&update=<index>` shows that update's delivery report. */
export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  const selectedId = event.url.searchParams.get('incident');
  try {
    const [{ incidents }, { sites }] = await Promise.all([
      send<{ incidents: TStaffIncident[] }>(event, '/api/support/incidents'),
      send<TSupportSites>(event, '/api/support/sites'),
    ]);
    const selected = isId(selectedId) ? (incidents.find((i) => i.id === selectedId) ?? null) : null;
    let tickets: TIncidentTicketsResponse | null = null;
    let report: TDeliveryReport | null = null;
    if (selected) {
      const latest = selected.updates.length - 1;
      const asked = Number.parseInt(event.url.searchParams.get('update') ?? '', 10);
      const index = Number.isInteger(asked) && asked >= 0 && asked <= latest ? asked : latest;
      [tickets, report] = await Promise.all([
        send<TIncidentTicketsResponse>(event, `/api/support/incidents/${selected.id}/tickets`),
        send<TDeliveryReport>(event, `/api/support/incidents/${selected.id}/updates/${index}/delivery`),
      ]);
    }
    return { incidents, sites, selected, tickets, report };
  } catch (err) {
    failLoad(err, event);
  }
};

/** A failed backend call as the form's answer: field messages, or the message, and what was typed. */
function failure(event: RequestEvent, err: unknown, form: string, values: Record<string, string>) {
  redirectStaffIfSignedOut(event, err);
  if (!(err instanceof BackendError)) throw err;
  return fail(err.status >= 500 ? 503 : err.status === 409 ? 409 : 400, {
    form,
    values,
    fields: err.body.fields ?? {},
    message: err.body.message,
  });
}

/** A `datetime-local` value (the staff member's clock) with its offset, as the API wants it. */
function isoOf(local: string, offsetMinutes: number): string | undefined {
  if (!local) return undefined;
  const ms = Date.parse(`${local}:00Z`);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + offsetMinutes * 60_000).toISOString();
}

export const actions: Actions = {
  create: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const get = (k: string) => String(form.get(k) ?? '').trim();
    const values = {
      title: get('title'),
      message: get('message'),
      kind: get('kind'),
      status: get('status'),
      scheduledStart: get('scheduledStart'),
      scheduledEnd: get('scheduledEnd'),
      areas: get('areas'),
    };
    const offset = Number(get('tzOffset')) || 0;
    const affectedSiteIds = form.getAll('sites').map(String).filter(Boolean);
    const body = {
      kind: values.kind === 'maintenance' ? 'maintenance' : 'incident',
      title: values.title,
      message: values.message,
      status: (INCIDENT_STATUSES as readonly string[]).includes(values.status) ? values.status : 'investigating',
      affectedSiteIds,
      affectedAreas: values.areas
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      ...(values.kind === 'maintenance'
        ? { scheduledStart: isoOf(values.scheduledStart, offset), scheduledEnd: isoOf(values.scheduledEnd, offset) }
        : {}),
    };
    try {
      const { incident } = await send<{ incident: TStaffIncident }>(event, '/api/support/incidents', {
        method: 'POST',
        body,
      });
      return { form: 'create', created: incident.id };
    } catch (err) {
      return failure(event, err, 'create', { ...values, sites: affectedSiteIds.join(',') });
    }
  },

  /** Post an update (resolving is an update with status "resolved"): every linked ticket and affected customer hears it. */
  update: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const id = String(form.get('incidentId') ?? '');
    // "Resolve" is a submit button naming the status: it comes after the select's value.
    const status = String(form.getAll('status').at(-1) ?? '');
    const values = { status, message: String(form.get('message') ?? '').trim() };
    if (!isId(id)) return fail(404, { form: 'update', values, fields: {}, message: 'No such incident.' });
    try {
      const res = await send<TIncidentUpdateResponse>(event, `/api/support/incidents/${id}/updates`, {
        method: 'POST',
        body: values,
      });
      return { form: 'update', delivered: res.delivered, updateIndex: res.updateIndex };
    } catch (err) {
      return failure(event, err, 'update', values);
    }
  },

  link: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const id = String(form.get('incidentId') ?? '');
    const chosen = form.getAll('ticketIds').map(String).filter(isId);
    const all = form.get('scope') === 'all';
    if (!isId(id)) return fail(404, { form: 'link', values: {}, fields: {}, message: 'No such incident.' });
    if (!all && !chosen.length)
      return fail(400, { form: 'link', values: {}, fields: { ticketIds: 'Choose at least one ticket' }, message: '' });
    try {
      const res = await send<TLinkTicketsResponse>(event, `/api/support/incidents/${id}/links`, {
        method: 'POST',
        body: all ? { all: true } : { ticketIds: chosen },
      });
      return { form: 'link', linked: res.linked, skipped: res.skipped };
    } catch (err) {
      return failure(event, err, 'link', {});
    }
  },

  deliver: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const id = String(form.get('incidentId') ?? '');
    const index = Number.parseInt(String(form.get('updateIndex') ?? ''), 10);
    if (!isId(id) || !Number.isInteger(index))
      return fail(404, { form: 'deliver', values: {}, fields: {}, message: 'No such update.' });
    try {
      const res = await send<{ replies: number; emails: number }>(
        event,
        `/api/support/incidents/${id}/updates/${index}/deliver`,
        { method: 'POST', body: {} },
      );
      return { form: 'deliver', delivered: res };
    } catch (err) {
      return failure(event, err, 'deliver', {});
    }
  },
};
