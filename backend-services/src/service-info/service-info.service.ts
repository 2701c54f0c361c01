import type { TCustomerServiceStatus, TServiceInfo, TServiceStatus } from '@wisp/shared';
import { requireOwnCustomer, type AccessContext } from '../platform/access/access.ts';
import { isFeatureEnabled } from '../platform/access/features.ts';
import { activeIncidentsAtSite } from '../support/incidents/incidents.service.ts';
import { toIncidentSummary } from '../support/incidents/incidents.views.ts';
import { isoOrNull, toServiceInfo } from './service-info.views.ts';

export async function getServiceInfo(ctx: AccessContext): Promise<TServiceInfo> {
  return toServiceInfo(await requireOwnCustomer(ctx, 'service.read'), ctx.tenant);
}

/** Live-ish: account status, known incidents at the customer's site (when the status page is on), CPE last seen. */
export async function getServiceStatus(ctx: AccessContext, now = new Date()): Promise<TCustomerServiceStatus> {
  const { tenant } = ctx;
  const customer = await requireOwnCustomer(ctx, 'service.read');
  const incidents = isFeatureEnabled(tenant, 'enableServiceStatus')
    ? await activeIncidentsAtSite(tenant, customer.siteId, now)
    : [];
  return {
    serviceStatus: customer.serviceStatus as TServiceStatus,
    siteAffected: incidents.length > 0,
    activeIncidents: incidents.map(toIncidentSummary),
    cpeLastSeen: isoOrNull(customer.networkInfo?.lastOnline),
  };
}
