import { z } from 'zod';
import { ZBranding } from '../branding/branding.schema.ts';

export const ZTenantSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'Use lowercase letters, digits and hyphens');

/** What any visitor of a tenant's portal may learn about the tenant: enough to brand the page. */
export const ZPublicTenant = z.object({
  slug: ZTenantSlug,
  name: z.string(),
  timezone: z.string(),
  defaultCountry: z.string().length(2),
  defaultLocale: z.enum(['en', 'es']),
  branding: ZBranding,
});
export type TPublicTenant = z.infer<typeof ZPublicTenant>;
