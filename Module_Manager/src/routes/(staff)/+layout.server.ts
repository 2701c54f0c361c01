import { requireStaffSession } from '$lib/server/guards';
import type { LayoutServerLoad } from './$types';

/** The staff side (dashboard, customer module, maintenance, settings): staff sessions only. */
export const load: LayoutServerLoad = async (event) => ({ staff: await requireStaffSession(event) });
