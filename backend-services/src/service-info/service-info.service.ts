import type { TCustomerServiceStatus, TServiceInfo, TServiceStatus } from '@wisp/shared';
import { CustomerModel, type TCustomerDoc } from '../customers/customer.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { CustomerActor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/http/app-error.ts';
import { isFeatureEnabled } from '../platform/access/features.ts';
import { activeIncidentsAtSite } from '../support/incidents/incidents.service.ts';
import { toIncidentSummary } from '../support/incidents/incidents.views.ts';
import { isoOrNull, toServiceInfo } from './service-info.views.ts';

/** The signed-in customer's own record: the session decides which one, never the request. */
export async function ownCustomer(tenant: TTenantDoc, actor: CustomerActor): Promise<TCustomerDoc> {
  const customer = await CustomerModel.findOne({ tenantId: tenant._id, customerId: actor.customerId }).lean<TCustomerDoc>();
  if (!customer) throw AppError.notFound();
  return customer;
}

export async function getServiceInfo(tenant: TTenantDoc, actor: CustomerActor): Promise<TServiceInfo> {
  return toServiceInfo(await ownCustomer(tenant, actor), tenant);
}

/** Live-ish: account status, known incidents at the customer's site (when the status page is on), CPE last seen. */
export async function getServiceStatus(tenant: TTenantDoc, actor: CustomerActor, now = new Date()): Promise<TCustomerServiceStatus> {
  const customer = await ownCustomer(tenant, actor);
  const incidents = isFeatureEnabled(tenant, 'enableServiceStatus') ? await activeIncidentsAtSite(tenant, customer.siteId, now) : [];
  return {
    serviceStatus: customer.serviceStatus as TServiceStatus,
    siteAffected: incidents.length > 0,
    activeIncidents: incidents.map(toIncidentSummary),
    cpeLastSeen: isoOrNull(customer.networkInfo?.lastOnline),
  };
}
