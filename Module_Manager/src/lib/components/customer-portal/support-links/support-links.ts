import type { TPublicTenant } from '@wisp/shared';
import { anyFeatureEnabled, FAQ_FEATURES, isFeatureEnabled } from '@wisp/shared/branding/features';

export type PortalFeatureLink = { key: 'service' | 'support' | 'faq' | 'status'; href: string };

const BASE = '/modules/customers/portal';

/** Whether the tenant offers the FAQ / knowledge base (either switch turns the pages on): the shared rule. */
export const faqEnabled = (tenant: TPublicTenant) => anyFeatureEnabled(tenant, FAQ_FEATURES);
export const statusPageEnabled = (tenant: TPublicTenant) => isFeatureEnabled(tenant, 'enableServiceStatus');

/**
 * The service-and-support links a tenant's navigation should show: a switched-off feature vanishes
 * (its pages answer 404). Labels are the nav's to choose.
 */
export function portalFeatureLinks(tenant: TPublicTenant): PortalFeatureLink[] {
  const links: PortalFeatureLink[] = [
    { key: 'service', href: `${BASE}/service` },
    { key: 'support', href: `${BASE}/support` },
  ];
  if (faqEnabled(tenant)) links.push({ key: 'faq', href: `${BASE}/support/faq` });
  if (statusPageEnabled(tenant)) links.push({ key: 'status', href: `${BASE}/status` });
  return links;
}
