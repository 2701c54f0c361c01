import { calendarDateFrom, ZCustomerSelf, type TCustomerSelf } from '@wisp/shared';
import type { TCustomerDoc } from './customer.model.ts';
import { withoutNulls } from '../tenants/tenant.views.ts';

/**
 * The customer as the customer may see themself. An allowlist: internal notes, portal-account internals
 * (Firebase uid, access code) and site details never leave the server, even when added to the model.
 */
export function toCustomerSelf(customer: TCustomerDoc): TCustomerSelf {
  return ZCustomerSelf.parse(
    withoutNulls({
      customerId: customer.customerId,
      firstName: customer.firstName,
      lastName: customer.lastName,
      email: customer.email,
      primaryPhone: customer.primaryPhone,
      serviceAddress: customer.serviceAddress,
      serviceStatus: customer.serviceStatus,
      servicePlan: customer.servicePlan,
      nextBillingDate: calendarDateFrom(customer.nextBillingDate),
      preferredLocale: customer.preferredLocale,
    }),
  );
}
