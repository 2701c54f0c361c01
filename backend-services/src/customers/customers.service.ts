import { AppError } from '../platform/http/app-error.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { CustomerModel, type TCustomerDoc } from './customer.model.ts';

/** One customer of the tenant, or 404: a customer of another tenant does not exist here. */
export async function findCustomerOrThrow(tenant: TTenantDoc, customerId: string): Promise<TCustomerDoc> {
  const customer = await CustomerModel.findOne({ tenantId: tenant._id, customerId }).lean<TCustomerDoc>();
  if (!customer) throw AppError.notFound('No such customer.');
  return customer;
}
