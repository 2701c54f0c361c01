import { z } from 'zod';
import { ZCalendarDate } from '../dates/calendar-date.schema.ts';
import { LOCALES, PORTAL_ACCOUNT_STATUSES, SERVICE_STATUSES } from '../constants.ts';

export const ZServiceStatus = z.enum(SERVICE_STATUSES);
export const ZPortalAccountStatus = z.enum(PORTAL_ACCOUNT_STATUSES);

export const ZServicePlan = z.object({
  planName: z.string(),
  downloadMbps: z.number().positive(),
  uploadMbps: z.number().positive(),
  monthlyFee: z.number().nonnegative(),
});
export type TServicePlan = z.infer<typeof ZServicePlan>;

export const ZLocale = z.enum(LOCALES);

export const ZServiceAddress = z.object({
  street: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
});

/** Staff: change a customer's service status. A suspended customer can still sign in and see why. */
export const ZServiceStatusUpdate = z.object({ serviceStatus: ZServiceStatus });
export type TServiceStatusUpdate = z.infer<typeof ZServiceStatusUpdate>;

/** The customer as the customer sees themself: built by an allowlist view on the backend. */
export const ZCustomerSelf = z.object({
  customerId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().optional(),
  primaryPhone: z.string().optional(),
  serviceAddress: ZServiceAddress.optional(),
  serviceStatus: ZServiceStatus,
  servicePlan: ZServicePlan.optional(),
  /** A calendar date, `YYYY-MM-DD`: the day the bill is due where the customer is. */
  nextBillingDate: ZCalendarDate.optional(),
  preferredLocale: ZLocale.optional(),
});
export type TCustomerSelf = z.infer<typeof ZCustomerSelf>;
