import { z } from 'zod';

/** GET /api/staff/dashboard takes nothing: the numbers are the session's tenant's, as of now. */
export const ZStaffDashboardRequest = z.object({});
export type TStaffDashboardRequest = z.infer<typeof ZStaffDashboardRequest>;

/**
 * Today's numbers on the staff dashboard, all over the tenant's OPEN tickets (open, in progress,
 * waiting on the customer); each is a link into the desk list that shows exactly those tickets.
 */
export const ZStaffDashboard = z.object({
  tickets: z.object({
    open: z.number().int().min(0),
    unassigned: z.number().int().min(0),
    waitingOnCustomer: z.number().int().min(0),
    /** Opened since midnight in the tenant's timezone. */
    newToday: z.number().int().min(0),
    /** From customers at a site with an active incident. */
    atIncidentSites: z.number().int().min(0),
    /** Overdue or due within the next business hour, clock running (the desk's "breaching soon" view). */
    breachingSoon: z.number().int().min(0),
  }),
  oldestOpen: z
    .object({ id: z.string(), ticketNumber: z.string(), openedAt: z.string(), ageMinutes: z.number().int().min(0) })
    .nullable(),
  activeIncidents: z.number().int().min(0),
  generatedAt: z.string(),
});
export type TStaffDashboard = z.infer<typeof ZStaffDashboard>;
