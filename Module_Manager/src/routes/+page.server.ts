import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** A tenant's host opens its portal; a host that belongs to no tenant gets a 404, never a default portal. */
export const load: PageServerLoad = ({ locals }) => {
  if (!locals.tenant) error(404, { message: 'There is no customer portal at this address.', code: 'TENANT_NOT_FOUND' });
  redirect(303, '/modules/customers/portal');
};
