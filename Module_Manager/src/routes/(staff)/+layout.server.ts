import { error } from '@sveltejs/kit';
import { requireStaffSession } from '$lib/server/guards';
import { allowFirebaseConnections } from '$lib/server/staff-auth-config';
import type { LayoutServerLoad } from './$types';

/**
 * The staff side (dashboard, customer module, maintenance, settings): staff sessions only (the hook
 * checks first; each page checks again). The shell needs the tenant's name and logo and who is signed in.
 */
export const load: LayoutServerLoad = async (event) => {
  const staff = await requireStaffSession(event);
  if (!event.locals.tenant) error(404, { message: 'Not found', code: 'NOT_FOUND' });
  // A staff document may later navigate to the sign-in page client-side; its policy must allow the SDK.
  await allowFirebaseConnections(event);
  const { company, logo } = event.locals.tenant.branding;
  return {
    staff,
    shell: {
      company: company.displayName,
      logo: { url: logo.url, altText: logo.altText },
      /** Dates on staff pages are in the tenant's timezone (where the WISP works). */
      timeZone: event.locals.tenant.timezone,
    },
  };
};
