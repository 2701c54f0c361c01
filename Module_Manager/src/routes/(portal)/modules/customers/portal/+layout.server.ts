import { error } from '@sveltejs/kit';
import { brandStylesheet } from '$lib/branding/theme';
import { signedInCustomerId } from '$lib/server/session';
import type { LayoutServerLoad } from './$types';

/**
 * The branded shell's data, all resolved on the server so the first HTML is already branded: the
 * tenant's validated palette as CSS variables, its custom CSS as the backend built it from an allowlist, who is
 * signed in (from the hook's session check) and the contrast choice.
 */
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.tenant) error(404, { message: 'There is no customer portal at this address.', code: 'TENANT_NOT_FOUND' });
  const branding = locals.tenant.branding;
  return {
    tenant: locals.tenant,
    manifestUrl: `/api/tenant/${locals.tenant.id}/branding/manifest.webmanifest`,
    brandCss: brandStylesheet(branding),
    customCss: locals.tenant.customCss,
    signedIn: signedInCustomerId(locals.session) !== null,
    viewAs: locals.session?.actor?.kind === 'customer' ? (locals.session.actor.viewAs ?? null) : null,
    contrast: locals.contrast,
    here: url.pathname + url.search,
  };
};
