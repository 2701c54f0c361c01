import { z } from 'zod';

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);

export const ZWeeklyHours = z.object({ day: z.number().int().min(0).max(6), opens: hhmm, closes: hhmm });

/** `GET /api/customer-portal/support/contact`. Days are 0 = Sunday; times are in `timezone`. */
export const ZSupportContact = z.object({
  companyName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  timezone: z.string(),
  weeklyHours: z.array(ZWeeklyHours),
  liveChatEnabled: z.boolean(),
  /** Computed by the server at `asOf` in the tenant's timezone. */
  openNow: z.boolean(),
  /** When open now: today's closing time. */
  closesAt: hhmm.nullable(),
  /** When closed: the next opening (tenant-local day and time, and the instant). */
  nextOpening: z.object({ day: z.number().int().min(0).max(6), time: hhmm, at: z.string() }).nullable(),
  asOf: z.string(),
});
export type TSupportContact = z.infer<typeof ZSupportContact>;
