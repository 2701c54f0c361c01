import { z } from 'zod';
import { ZBranding } from '../branding/branding.schema.ts';

export const ZTenantSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'Use lowercase letters, digits and hyphens');

/** The branding any visitor may see: everything but the raw custom CSS (see `customCss`). */
export const ZPublicBranding = ZBranding.extend({ portal: ZBranding.shape.portal.omit({ customCSS: true }) });
export type TPublicBranding = z.infer<typeof ZPublicBranding>;

/** What any visitor of a tenant's portal may learn about the tenant: enough to brand the page. */
export const ZPublicTenant = z.object({
  /** The tenant's id: it names the tenant in `/api/tenant/:tenantId/…` paths (branding, its images). */
  id: z.string(),
  slug: ZTenantSlug,
  name: z.string(),
  timezone: z.string(),
  defaultCountry: z.string().length(2),
  defaultLocale: z.enum(['en', 'es']),
  branding: ZPublicBranding,
  /** The tenant's custom CSS as built by the backend: scoped, allowlisted, safe inside a `<style>`. */
  customCss: z.string(),
});
export type TPublicTenant = z.infer<typeof ZPublicTenant>;

/** `GET /api/tenant/current`: the tenant of the host, for the portal layout. */
export const ZTenantCurrent = z.object({ tenant: ZPublicTenant });
