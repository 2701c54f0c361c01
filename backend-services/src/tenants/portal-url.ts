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
  return new URL(`/modules/customers/portal${path}`, tenantOrigin(tenant, template)).toString();
}

/** The tenant's own origin: its custom domain when enabled, else the template with its subdomain. */
export function tenantOrigin(tenant: Pick<TTenantDoc, 'subdomain' | 'domains' | 'branding'>, template: string): string {
  const customDomain = tenant.branding.portal?.enableCustomDomain ? tenant.domains?.[0] : undefined;
  return customDomain ? `https://${customDomain}` : template.replace('{tenant}', tenant.subdomain);
}
