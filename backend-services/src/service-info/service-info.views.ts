import { calendarDateFrom, type TServiceInfo, type TServiceNextStep, type TServiceStatus } from '@wisp/shared';
import { signalQualityOf } from '../customers/signal-quality.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

export const isoOrNull = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const orNull = (s: string | null | undefined): string | null => s ?? null;

export function nextStepFor(status: TServiceStatus, tenant: Pick<TTenantDoc, 'branding'>): TServiceNextStep {
  const contact = {
    email: orNull(tenant.branding.company.supportEmail),
    phone: orNull(tenant.branding.company.supportPhone),
  };
  switch (status) {
    case 'active':
      return { kind: 'none' };
    case 'suspended':
      return { kind: 'contact-billing', ...contact };
    case 'pending':
      return { kind: 'await-installation', ...contact };
    case 'cancelled':
      return { kind: 'contact-support', ...contact };
  }
}

/**
 * The customer's service as the customer sees it, built from an allowlist: anything not named here
 * (internal installation notes, IP address, portal account data) never reaches the response.
 */
export function toServiceInfo(customer: TCustomerDoc, tenant: Pick<TTenantDoc, 'branding'>): TServiceInfo {
  const plan = customer.servicePlan;
  const signalQuality = signalQualityOf(customer.networkInfo?.signalStrength);
  const lastOnline = isoOrNull(customer.networkInfo?.lastOnline);
  const address = customer.serviceAddress;
  const status = customer.serviceStatus as TServiceStatus;
  return {
    customerId: customer.customerId,
    plan:
      plan?.planName && plan.downloadMbps != null && plan.uploadMbps != null && plan.monthlyFee != null
        ? {
            planName: plan.planName,
            downloadMbps: plan.downloadMbps,
            uploadMbps: plan.uploadMbps,
            monthlyFee: plan.monthlyFee,
          }
        : null,
    serviceStatus: status,
    statusExplanation: status,
    nextStep: nextStepFor(status, tenant),
    nextBillingDate: calendarDateFrom(customer.nextBillingDate),
    serviceAddress: address
      ? {
          street: orNull(address.street),
          city: orNull(address.city),
          state: orNull(address.state),
          postalCode: orNull(address.postalCode),
          country: orNull(address.country),
        }
      : null,
    equipment: (customer.equipment ?? []).map((e) => {
      const isRadio = e.type === 'cpe';
      return {
        type: e.type,
        make: orNull(e.make),
        model: orNull(e.model),
        serialNumber: orNull(e.serialNumber),
        macAddress: orNull(e.macAddress),
        firmware: orNull(e.firmware),
        installedAt: isoOrNull(e.installedAt),
        signalQuality: isRadio ? signalQuality : null,
        lastOnline: isRadio ? lastOnline : null,
      };
    }),
    connection: { signalQuality, lastOnline },
    installations: [...(customer.installations ?? [])]
      .sort((a, b) => new Date(b.date).getTime() - new Date(a.date).getTime())
      .map((i) => ({
        date: new Date(i.date).toISOString(),
        type: i.type,
        technicianFirstName: orNull(i.technicianFirstName),
        customerNotes: orNull(i.customerNotes),
      })),
  };
}
