import { z } from 'zod';
import { STAFF_ROLES } from '../constants.ts';

/** `GET /api/session`: who this browser is signed in as, in this tenant (null: nobody). */
export const ZSessionState = z.object({
  actor: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('customer'),
        customerId: z.string(),
        /** Staff viewing the portal as this customer: the portal shows a read-only banner. */
        viewAs: z.object({ name: z.string(), staffEmail: z.string() }).optional(),
      }),
      z.object({ kind: z.literal('staff'), role: z.enum(STAFF_ROLES), email: z.string() }),
    ])
    .nullable(),
  /** A session cookie was sent but its session timed out. */
  expired: z.boolean(),
  /** Whether the host is the tenant's platform host (the staff side is served there only). */
  staffHost: z.boolean(),
});
export type TSessionState = z.infer<typeof ZSessionState>;

/** `GET /api/session/csrf`: the double-submit token (also set as the `wisp_csrf` cookie). */
export const ZCsrfToken = z.object({ csrfToken: z.string() });
