import { z } from 'zod';

/**
 * The satisfaction report (issue 17): how customers rated their resolved tickets over a period of
 * days on the tenant's calendar. Staff only.
 */
export const SATISFACTION_LOW_RATING = 2;
export const SATISFACTION_MAX_DAYS = 366;

const day = z.iso.date('Use a date like 2026-01-31.');

/** `GET /api/reports/satisfaction?from&to`: both days included; by default the last 30 days. */
export const ZSatisfactionQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The start must not be after the end.',
    path: ['from'],
  })
  .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < SATISFACTION_MAX_DAYS, {
    message: `Choose at most ${SATISFACTION_MAX_DAYS} days.`,
    path: ['to'],
  });
export type TSatisfactionQuery = z.infer<typeof ZSatisfactionQuery>;

export const ZSatisfactionReport = z.object({
  period: z.object({ from: z.string(), to: z.string(), timezone: z.string() }),
  count: z.number().int(),
  /** Rounded to two decimals; null when nobody rated in the period. */
  average: z.number().nullable(),
  /** One entry per rating 1–5, in that order, zeros included. */
  distribution: z.array(z.object({ rating: z.number().int(), count: z.number().int() })),
  /** Most ratings first; `assignee` null for tickets nobody was assigned to. */
  byAssignee: z.array(z.object({ assignee: z.string().nullable(), count: z.number().int(), average: z.number() })),
  /** Ratings at or below SATISFACTION_LOW_RATING, newest first, each with its ticket. */
  lowRatings: z.array(
    z.object({
      ticketId: z.string(),
      ticketNumber: z.string(),
      title: z.string(),
      rating: z.number().int(),
      comment: z.string().nullable(),
      ratedAt: z.string(),
      assignee: z.string().nullable(),
    }),
  ),
});
export type TSatisfactionReport = z.infer<typeof ZSatisfactionReport>;
