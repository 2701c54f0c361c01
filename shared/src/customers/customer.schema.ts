import { z } from 'zod';

export const SERVICE_STATUSES = ['pending', 'active', 'suspended', 'cancelled'] as const;
export const ZServiceStatus = z.enum(SERVICE_STATUSES);
export type TServiceStatus = z.infer<typeof ZServiceStatus>;

export const PORTAL_ACCOUNT_STATUSES = ['pending', 'active', 'suspended', 'locked'] as const;
export const ZPortalAccountStatus = z.enum(PORTAL_ACCOUNT_STATUSES);

export const ZServicePlan = z.object({
  planName: z.string(),
  downloadMbps: z.number().positive(),
  uploadMbps: z.number().positive(),
  monthlyFee: z.number().nonnegative(),
});
export type TServicePlan = z.infer<typeof ZServicePlan>;

/** The customer as the customer sees themself: built by an allowlist view on the backend. */
export const ZCustomerSelf = z.object({
  customerId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().optional(),
  primaryPhone: z.string().optional(),
  serviceStatus: ZServiceStatus,
  servicePlan: ZServicePlan.optional(),
  nextBillingDate: z.string().optional(),
});
export type TCustomerSelf = z.infer<typeof ZCustomerSelf>;
