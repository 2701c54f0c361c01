import { fail } from '@sveltejs/kit';
import type { TDeskQueuePage, TSavedView } from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { failLoad, redirectIfSignedOut, requireStaffSession } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

/** The query parameters the queue understands (the dashboard links here with some of them). */
const QUEUE_PARAMS = [
  'view',
  'status',
  'priority',
  'category',
  'assignee',
  'site',
  'age',
  'created',
  'incident',
  'sort',
  'q',
  'page',
];

export const load: PageServerLoad = async (event) => {
  const staff = await requireStaffSession(event);
  const query = new URLSearchParams();
  for (const name of QUEUE_PARAMS) {
    const value = event.url.searchParams.get(name);
    if (value) query.set(name, value);
  }
  try {
    const [queue, saved] = await Promise.all([
      send<TDeskQueuePage>(event, `/api/work-orders?${query}`),
      send<{ views: TSavedView[] }>(event, '/api/desk/views'),
    ]);
    return {
      staff,
      queue,
      savedViews: saved.views,
      query: Object.fromEntries(query),
      timeZone: event.locals.tenant?.timezone ?? 'UTC',
    };
  } catch (err) {
    failLoad(err, event);
  }
};

const reasonOf = (err: unknown) =>
  err instanceof BackendError ? Object.values(err.body.fields ?? {}).join(' ') || err.body.message : '';

export const actions: Actions = {
  bulk: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const ids = form.getAll('ids').map(String);
    const assign = String(form.get('assign') ?? '');
    const status = String(form.get('status') ?? '');
    const priority = String(form.get('priority') ?? '');
    const body = {
      ids,
      ...(assign === 'none' ? { assignedTo: null } : assign ? { assignedTo: assign } : {}),
      ...(status ? { status } : {}),
      ...(priority ? { priority } : {}),
    };
    try {
      const res = await send<{ updated: string[] }>(event, '/api/work-orders/bulk', { method: 'POST', body });
      return { bulkDone: res.updated.length };
    } catch (err) {
      redirectIfSignedOut(event, err);
      return fail(400, { bulkError: reasonOf(err) });
    }
  },
  saveView: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    const name = String(form.get('name') ?? '').trim();
    const query = String(form.get('query') ?? '');
    if (!name) return fail(400, { viewError: 'name', name });
    try {
      await send(event, '/api/desk/views', { method: 'POST', body: { name, query } });
      return { viewSaved: name };
    } catch (err) {
      redirectIfSignedOut(event, err);
      return fail(400, { viewError: reasonOf(err), name });
    }
  },
  deleteView: async (event) => {
    await requireStaffSession(event);
    const form = await event.request.formData();
    try {
      await send(event, `/api/desk/views/${encodeURIComponent(String(form.get('id') ?? ''))}`, { method: 'DELETE' });
      return { viewDeleted: true };
    } catch (err) {
      redirectIfSignedOut(event, err);
      return fail(400, { viewError: reasonOf(err) });
    }
  },
};
