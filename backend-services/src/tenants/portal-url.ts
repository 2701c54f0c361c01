import type { TTenantDoc } from './tenant.model.ts';

/**
 * The public address of a tenant's portal page, for links in emails: the custom domain when the tenant
 * enabled one, else `PORTAL_URL_TEMPLATE` with the tenant's subdomain.
 */
export function portalUrl(
  tenant: Pick<TTenantDoc, 'subdomain' | 'domains' | 'branding'>,
  template: string,
  path: string,
): string {
  const customDomain = tenant.branding.portal?.enableCustomDomain ? tenant.domains?.[0] : undefined;
  const origin = customDomain ? `https://${customDomain}` : template.replace('{tenant}', tenant.subdomain);
  return new URL(`/modules/customers/portal${path}`, origin).toString();
}
