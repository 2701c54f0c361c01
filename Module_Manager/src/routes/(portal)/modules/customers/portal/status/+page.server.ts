import { error } from '@sveltejs/kit';
import type { TStatusPage } from '@wisp/shared';
import { send } from '$lib/server/api';
import { failLoad } from '$lib/server/guards';
import { statusPageEnabled } from '$lib/components/customer-portal/support-links';
import type { PageServerLoad } from './$types';

/** Public: someone whose connection is down may be reading this on a phone, not signed in. */
export const load: PageServerLoad = async (event) => {
  if (!statusPageEnabled(event.locals.tenant!)) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  try {
    return { status: await send<TStatusPage>(event, '/api/customer-portal/support/status') };
  } catch (err) {
    failLoad(err, event);
  }
};
