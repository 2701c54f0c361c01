import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** The staff sign-in pages: outside the shell, in the neutral staff look with the tenant's logo. */
export const load: LayoutServerLoad = ({ locals }) => {
  if (!locals.tenant) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  const { company, logo } = locals.tenant.branding;
  return { shell: { company: company.displayName, logo: { url: logo.url, altText: logo.altText } } };
};
