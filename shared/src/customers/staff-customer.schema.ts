import { z } from 'zod';
import { ZPortalAccountStatus, ZServiceStatus } from './customer.schema.ts';

/** `POST /api/customers/:customerId/portal-invite` (202): the link went to this (full) address. */
export const ZPortalInviteResponse = z.object({ sentTo: z.string(), expiresAt: z.string() });
export type TPortalInviteResponse = z.infer<typeof ZPortalInviteResponse>;

/** `POST /api/customers/:customerId/portal-access`. */
export const ZPortalAccessResponse = z.object({
  portalAccess: z.object({ enabled: z.boolean(), accountStatus: ZPortalAccountStatus.nullable() }),
  sessionsEnded: z.number().int(),
});
export type TPortalAccessResponse = z.infer<typeof ZPortalAccessResponse>;

/** `PATCH /api/customers/:customerId/service-status`. */
export const ZServiceStatusResponse = z.object({ customerId: z.string(), serviceStatus: ZServiceStatus });
export type TServiceStatusResponse = z.infer<typeof ZServiceStatusResponse>;
