import { ZAuditListQuery, type TAuditList } from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { failLoad, requireStaffSession } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

const FILTERS = ['action', 'targetKind', 'targetId', 'actor', 'from', 'to', 'page'] as const;

/** The audit log (admins only); the URL holds the filters, so a view can be shared and the back button works. */
export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  const q = new URLSearchParams();
  const values: Record<string, string> = {};
  for (const name of FILTERS) {
    const v = event.url.searchParams.get(name)?.trim();
    if (v) {
      q.set(name, v);
      values[name] = v;
    }
  }
  const parsed = ZAuditListQuery.safeParse(Object.fromEntries(q));
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  for (const bad of Object.keys(errors)) q.delete(bad);
  try {
    const log = await send<TAuditList>(event, `/api/audit${q.size ? `?${q}` : ''}`);
    return { log, values, errors };
  } catch (err) {
    if (err instanceof BackendError && err.status === 400) return { log: null, values, errors };
    failLoad(err, event);
  }
};
