import type { TStaffDashboard } from '@wisp/shared';
import { BackendError, send } from '$lib/server/api';
import { redirectStaffIfSignedOut, requireStaffSession } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The module cards and today's numbers (one backend request); the cards still show when the numbers fail. */
export const load: PageServerLoad = async (event) => {
  const staff = await requireStaffSession(event);
  try {
    return { staff, numbers: await send<TStaffDashboard>(event, '/api/staff/dashboard') };
  } catch (err) {
    redirectStaffIfSignedOut(event, err);
    if (!(err instanceof BackendError)) throw err;
    return { staff, numbers: null };
  }
};
