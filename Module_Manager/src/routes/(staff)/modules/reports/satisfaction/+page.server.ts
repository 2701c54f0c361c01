import type { TSatisfactionReport } from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { failLoad, requireStaffSession } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The satisfaction report over the days in the URL (`from`, `to`; the backend defaults to the last 30). */
export const load: PageServerLoad = async (event) => {
  await requireStaffSession(event);
  const q = new URLSearchParams();
  const values: Record<string, string> = {};
  for (const name of ['from', 'to']) {
    const v = event.url.searchParams.get(name)?.trim();
    if (v) {
      q.set(name, v);
      values[name] = v;
    }
  }
  try {
    const report = await send<TSatisfactionReport>(event, `/api/reports/satisfaction${q.size ? `?${q}` : ''}`);
    return { report, values, errors: {} as Record<string, string> };
  } catch (err) {
    if (err instanceof BackendError && err.status === 400)
      return { report: null, values, errors: (err.body.fields ?? {}) as Record<string, string> };
    failLoad(err, event);
  }
};
