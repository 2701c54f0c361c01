import type { TCustomerInput } from '@wisp/shared';
import { backendFailure, readForm } from './forms.ts';

/** The fields of the customer form (create and edit), as the browser posts them. */
export const CUSTOMER_FORM_FIELDS = [
  'customerId',
  'firstName',
  'lastName',
  'email',
  'phone1',
  'phone2',
  'street',
  'city',
  'state',
  'postalCode',
  'country',
  'siteId',
  'planName',
  'downloadMbps',
  'uploadMbps',
  'monthlyFee',
  'serviceStatus',
] as const;
export type CustomerFormValues = Record<(typeof CUSTOMER_FORM_FIELDS)[number], string>;

/** The backend's field names for this form's inputs, so its messages land beside the right input. */
const FIELD_MAP: Record<string, string> = {
  'phones.0': 'phone1',
  'phones.1': 'phone2',
  'serviceAddress.street': 'street',
  'serviceAddress.city': 'city',
  'serviceAddress.state': 'state',
  'serviceAddress.postalCode': 'postalCode',
  'serviceAddress.country': 'country',
  'servicePlan.planName': 'planName',
  'servicePlan.downloadMbps': 'downloadMbps',
  'servicePlan.uploadMbps': 'uploadMbps',
  'servicePlan.monthlyFee': 'monthlyFee',
  servicePlan: 'planName',
};

export async function readCustomerForm(event: Parameters<typeof readForm>[0]) {
  const get = await readForm(event);
  const values = Object.fromEntries(CUSTOMER_FORM_FIELDS.map((f) => [f, get(f).trim()])) as CustomerFormValues;
  return { values, body: customerBodyOf(values) };
}

/**
 * The shared request body from the form: the backend parses it with ZCustomerInput / ZCustomerUpdate
 * (and normalises the phones), so nothing is decided here beyond empty = not given.
 */
function customerBodyOf(v: CustomerFormValues): TCustomerInput {
  const num = (s: string) => (s ? Number(s.replace(',', '.')) : undefined);
  const hasPlan = Boolean(v.planName || v.downloadMbps || v.uploadMbps || v.monthlyFee);
  return {
    customerId: v.customerId,
    firstName: v.firstName,
    lastName: v.lastName,
    email: v.email,
    phones: [v.phone1, v.phone2].filter(Boolean),
    serviceAddress: {
      street: v.street,
      city: v.city,
      state: v.state,
      postalCode: v.postalCode,
      country: v.country.toUpperCase(),
    },
    siteId: v.siteId,
    ...(hasPlan
      ? {
          servicePlan: {
            planName: v.planName,
            downloadMbps: num(v.downloadMbps) as number,
            uploadMbps: num(v.uploadMbps) as number,
            monthlyFee: num(v.monthlyFee) as number,
          },
        }
      : {}),
    ...(v.serviceStatus ? { serviceStatus: v.serviceStatus as TCustomerInput['serviceStatus'] } : {}),
  };
}

export const customerFormFailure = (err: unknown, values: CustomerFormValues) =>
  backendFailure(err, values, 'customer', FIELD_MAP);
