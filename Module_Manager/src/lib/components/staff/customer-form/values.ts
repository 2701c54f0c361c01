import type { TCustomerDetail } from '@wisp/shared';

export type CustomerFormValues = Record<string, string>;

/** The edit form's starting values from the customer page's data. */
export function valuesOf(c: TCustomerDetail): CustomerFormValues {
  return {
    customerId: c.customerId,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email ?? '',
    phone1: c.phones[0] ?? '',
    phone2: c.phones[1] ?? '',
    street: c.serviceAddress?.street ?? '',
    city: c.serviceAddress?.city ?? '',
    state: c.serviceAddress?.state ?? '',
    postalCode: c.serviceAddress?.postalCode ?? '',
    country: c.serviceAddress?.country ?? '',
    siteId: c.siteId ?? '',
    planName: c.servicePlan?.planName ?? '',
    downloadMbps: c.servicePlan ? String(c.servicePlan.downloadMbps) : '',
    uploadMbps: c.servicePlan ? String(c.servicePlan.uploadMbps) : '',
    monthlyFee: c.servicePlan ? String(c.servicePlan.monthlyFee) : '',
    serviceStatus: c.serviceStatus,
  };
}
