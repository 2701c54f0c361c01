import { z } from 'zod';
import { ZObjectId } from '../common/object-id.ts';
import { ZStaffIncident } from './incident.schema.ts';

/**
 * Tickets linked to an incident (issue 17): the desk links the open connectivity tickets of customers
 * at the affected sites, so one update reaches all of them and resolving the incident resolves them.
 */

/** An open ticket at an affected site, as the link panel lists it. */
export const ZIncidentTicket = z.object({
  id: z.string(),
  ticketNumber: z.string(),
  title: z.string(),
  customerId: z.string(),
  category: z.string(),
  status: z.string(),
  siteId: z.string().nullable(),
  createdAt: z.string(),
});
export type TIncidentTicket = z.infer<typeof ZIncidentTicket>;

/** Staff: `GET /api/support/incidents/:id/tickets`: what is linked, and what could be. */
export const ZIncidentTicketsResponse = z.object({
  /** Open tickets in the outage categories at the affected sites, not linked to any incident. */
  candidateCount: z.number().int(),
  candidates: z.array(ZIncidentTicket),
  linked: z.array(ZIncidentTicket.extend({ linkedAt: z.string() })),
});
export type TIncidentTicketsResponse = z.infer<typeof ZIncidentTicketsResponse>;

/** Staff: `POST /api/support/incidents/:id/links`: every candidate, or the chosen ones. */
export const ZLinkTicketsRequest = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ticketIds: z.array(ZObjectId).min(1, 'Choose at least one ticket').max(1000) }),
]);
export type TLinkTicketsRequest = z.infer<typeof ZLinkTicketsRequest>;

export const ZLinkTicketsResponse = z.object({
  /** Linked by this request. */
  linked: z.number().int(),
  /** Already linked (to this or another incident), or no longer a candidate: left as they were. */
  skipped: z.number().int(),
});
export type TLinkTicketsResponse = z.infer<typeof ZLinkTicketsResponse>;

export const DELIVERY_STATES = ['pending', 'sent', 'failed', 'no-email'] as const;
export const ZDeliveryState = z.enum(DELIVERY_STATES);
export type TDeliveryState = z.infer<typeof ZDeliveryState>;

/** Staff: `GET /api/support/incidents/:id/updates/:index/delivery`: one update's reach. */
export const ZDeliveryReport = z.object({
  updateIndex: z.number().int(),
  message: z.string(),
  at: z.string(),
  /** Public replies posted on linked tickets by this update. */
  replies: z.number().int(),
  /** Emails queued for this update (one per affected customer), by state. */
  emails: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  tickets: z.array(
    z.object({
      ticketId: z.string(),
      ticketNumber: z.string(),
      customerId: z.string(),
      replied: z.boolean(),
      email: ZDeliveryState,
    }),
  ),
});
export type TDeliveryReport = z.infer<typeof ZDeliveryReport>;

export const ZDeliverResponse = z.object({ replies: z.number().int(), emails: z.number().int() });
export type TDeliverResponse = z.infer<typeof ZDeliverResponse>;

/** Staff: `POST /api/support/incidents/:id/updates`: the incident, the update's index and what it reached. */
export const ZIncidentUpdateResponse = z.object({
  incident: ZStaffIncident,
  updateIndex: z.number().int(),
  delivered: ZDeliverResponse,
});
export type TIncidentUpdateResponse = z.infer<typeof ZIncidentUpdateResponse>;

/** Staff: `GET /api/support/sites`: the tenant's service sites (from its customers), for picking affected sites. */
export const ZSupportSites = z.object({
  sites: z.array(z.object({ siteId: z.string(), customers: z.number().int() })),
});
export type TSupportSites = z.infer<typeof ZSupportSites>;
