import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Unknown portal paths get the branded 404 (inside the portal layout), not the bare root error page.
export const load: PageServerLoad = () => error(404, { message: 'Not found', code: 'NOT_FOUND' });
