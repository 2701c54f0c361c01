import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  if (!locals.tenant) error(404, { message: 'There is no customer portal at this address.', code: 'TENANT_NOT_FOUND' });
  return { tenant: locals.tenant };
};
