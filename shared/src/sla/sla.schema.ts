import { z } from 'zod';
import { TICKET_PRIORITIES, type TTicketPriority } from '../constants.ts';

/**
 * Service levels (issue 17): per-tenant targets for the first response and for the resolution of a
 * ticket, per priority, in business minutes (counted only inside the tenant's support hours, and not
 * while the ticket waits on the customer or is linked to an open incident).
 */
export const SLA_LIMITS = { minMinutes: 5, maxMinutes: 60 * 24 * 30 } as const;

export type TSlaTarget = { firstResponseMinutes: number; resolutionMinutes: number };
export type TSlaTargets = Record<TTicketPriority, TSlaTarget>;

/** Used until an admin saves the tenant's own: an 8-hour support day in mind. */
export const DEFAULT_SLA_TARGETS: TSlaTargets = {
  critical: { firstResponseMinutes: 30, resolutionMinutes: 4 * 60 },
  high: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
  medium: { firstResponseMinutes: 4 * 60, resolutionMinutes: 3 * 8 * 60 },
  low: { firstResponseMinutes: 8 * 60, resolutionMinutes: 5 * 8 * 60 },
};

const minutes = z.coerce
  .number({ message: 'Enter a number of minutes.' })
  .int('Use whole minutes.')
  .min(SLA_LIMITS.minMinutes, `At least ${SLA_LIMITS.minMinutes} minutes.`)
  .max(SLA_LIMITS.maxMinutes, `At most ${SLA_LIMITS.maxMinutes} minutes (30 days).`);

export const ZSlaTarget = z
  .object({ firstResponseMinutes: minutes, resolutionMinutes: minutes })
  .refine((t) => t.resolutionMinutes >= t.firstResponseMinutes, {
    message: 'Resolution cannot be due before the first response.',
    path: ['resolutionMinutes'],
  });

export const ZSlaTargets = z.object(
  Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, ZSlaTarget])) as Record<TTicketPriority, typeof ZSlaTarget>,
);

/** `PUT /api/settings/service-levels` (admins). */
export const ZSlaPolicyRequest = z.object({ targets: ZSlaTargets });
export type TSlaPolicyRequest = z.infer<typeof ZSlaPolicyRequest>;

/** `GET /api/settings/service-levels` (staff read, admins write). */
export const ZSlaPolicy = z.object({
  targets: ZSlaTargets,
  /** False while the tenant runs on the defaults. */
  customised: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** The support hours the clock counts in, as configured for the tenant. */
  timezone: z.string(),
  supportHours: z.array(z.object({ day: z.number().int(), opens: z.string(), closes: z.string() })),
});
export type TSlaPolicy = z.infer<typeof ZSlaPolicy>;
export const ZSlaPolicyResponse = z.object({ policy: ZSlaPolicy });

/**
 * A queue row's clock: the first response is due until the ticket is answered, then the resolution.
 * `dueInMinutes` is business time left (negative: overdue by that much); `dueAt` is when that runs out
 * if nothing pauses it (null while paused or beyond the calendar looked at).
 */
export const ZTicketSla = z.object({
  target: z.enum(['first-response', 'resolution']),
  dueInMinutes: z.number().int(),
  dueAt: z.string().nullable(),
  paused: z.boolean(),
});
export type TTicketSla = z.infer<typeof ZTicketSla>;
