import { error } from '@sveltejs/kit';
import { failLoad } from '$lib/server/guards';
import { allowFirebaseConnections } from '$lib/server/staff-auth-config';
import type { LayoutServerLoad } from './$types';

/**
 * The staff sign-in pages: outside the shell, in the neutral staff look with the tenant's logo. Each of
 * them may lead to the sign-in page by a client-side navigation (back links, "password set"), which
 * keeps the first document's CSP: so every one of their documents may reach the Firebase SDK's endpoints.
 */
export const load: LayoutServerLoad = async (event) => {
  const { locals } = event;
  if (!locals.tenant) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  try {
    await allowFirebaseConnections(event);
  } catch (err) {
    failLoad(err, event);
  }
  const { company, logo } = locals.tenant.branding;
  return { shell: { company: company.displayName, logo: { url: logo.url, altText: logo.altText } } };
};
