import { requireStaffSession } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ staff: await requireStaffSession(event) });
