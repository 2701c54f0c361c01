import type { CustomerActor } from '../platform/auth/actor.ts';
import { AppError } from '../platform/http/app-error.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { CustomerModel, type TCustomerDoc } from './customer.model.ts';

/** The signed-in customer's own record: the session decides which one, never the request. */
export async function ownCustomer(tenant: TTenantDoc, actor: CustomerActor): Promise<TCustomerDoc> {
  const customer = await CustomerModel.findOne({
    tenantId: tenant._id,
    customerId: actor.customerId,
  }).lean<TCustomerDoc>();
  if (!customer) throw AppError.notFound();
  return customer;
}
