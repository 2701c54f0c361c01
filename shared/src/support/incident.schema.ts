import { z } from 'zod';
import { INCIDENT_KINDS, INCIDENT_STATUSES, SERVICE_STATUSES } from '../constants.ts';

export const ZIncidentStatus = z.enum(INCIDENT_STATUSES);
export const ZIncidentKind = z.enum(INCIDENT_KINDS);

export const ZIncidentUpdate = z.object({ at: z.string(), status: ZIncidentStatus, message: z.string() });
export type TIncidentUpdate = z.infer<typeof ZIncidentUpdate>;

/** An incident as any visitor of the tenant's status page sees it: areas by display name, no site ids. */
export const ZPublicIncident = z.object({
  id: z.string(),
  kind: ZIncidentKind,
  title: z.string(),
  status: ZIncidentStatus,
  affectedAreas: z.array(z.string()),
  updates: z.array(ZIncidentUpdate),
  startedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  scheduledStart: z.string().nullable(),
  scheduledEnd: z.string().nullable(),
  eta: z.string().nullable(),
});
export type TPublicIncident = z.infer<typeof ZPublicIncident>;

/** `GET /api/customer-portal/support/status`. Updates are newest first. */
export const ZStatusPage = z.object({
  current: z.array(ZPublicIncident),
  plannedMaintenance: z.array(ZPublicIncident),
  /** Resolved in the last `recentDays` days, newest first. */
  recentlyResolved: z.array(ZPublicIncident),
  recentDays: z.number(),
});
export type TStatusPage = z.infer<typeof ZStatusPage>;

/** The short form shown on the service page and the new-ticket page. */
export const ZIncidentSummary = z.object({
  id: z.string(),
  kind: ZIncidentKind,
  title: z.string(),
  status: ZIncidentStatus,
  lastUpdate: ZIncidentUpdate.nullable(),
  eta: z.string().nullable(),
});
export type TIncidentSummary = z.infer<typeof ZIncidentSummary>;

/** `GET /api/customer-portal/service/status`. */
export const ZCustomerServiceStatus = z.object({
  serviceStatus: z.enum(SERVICE_STATUSES),
  siteAffected: z.boolean(),
  activeIncidents: z.array(ZIncidentSummary),
  cpeLastSeen: z.string().nullable(),
});
export type TCustomerServiceStatus = z.infer<typeof ZCustomerServiceStatus>;

/** `GET /api/customer-portal/service/intake?category=`: any category string; only the outage ones match. */
export const ZIntakeQuery = z.object({ category: z.string().trim().min(1).max(40) });
export const ZIntakeResponse = z.object({
  incident: ZIncidentSummary.extend({ subscribed: z.boolean() }).nullable(),
});
export type TIntakeResponse = z.infer<typeof ZIntakeResponse>;

export const ZSubscribeResponse = z.object({ subscribed: z.literal(true) });

const isoDate = z.iso.datetime({ offset: true });

/** Staff: `POST /api/support/incidents`. */
export const ZCreateIncidentRequest = z
  .object({
    kind: ZIncidentKind.default('incident'),
    title: z.string().trim().min(3).max(160),
    status: ZIncidentStatus.default('investigating'),
    message: z.string().trim().min(1).max(2000),
    affectedSiteIds: z.array(z.string().trim().min(1).max(60)).max(100).default([]),
    affectedAreas: z.array(z.string().trim().min(1).max(120)).max(100).default([]),
    startedAt: isoDate.optional(),
    scheduledStart: isoDate.optional(),
    scheduledEnd: isoDate.optional(),
    eta: isoDate.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'maintenance' && (!v.scheduledStart || !v.scheduledEnd))
      ctx.addIssue({
        code: 'custom',
        path: ['scheduledStart'],
        message: 'Planned maintenance needs a start and an end',
      });
    if (v.scheduledStart && v.scheduledEnd && v.scheduledEnd <= v.scheduledStart)
      ctx.addIssue({ code: 'custom', path: ['scheduledEnd'], message: 'The end must be after the start' });
  });
export type TCreateIncidentRequest = z.infer<typeof ZCreateIncidentRequest>;

/** Staff: `POST /api/support/incidents/:id/updates`. */
export const ZIncidentUpdateRequest = z.object({
  status: ZIncidentStatus,
  message: z.string().trim().min(1).max(2000),
  eta: isoDate.nullable().optional(),
});
export type TIncidentUpdateRequest = z.infer<typeof ZIncidentUpdateRequest>;

/** Staff view: adds the sites and how many customers asked to be kept posted. */
export const ZStaffIncident = ZPublicIncident.extend({
  affectedSiteIds: z.array(z.string()),
  subscriberCount: z.number(),
  /** Tickets currently linked to it (issue 17). */
  linkedTicketCount: z.number(),
});
export type TStaffIncident = z.infer<typeof ZStaffIncident>;

/** Staff: `GET /api/support/incidents`. */
export const ZStaffIncidentList = z.object({ incidents: z.array(ZStaffIncident) });
/** Staff: `POST /api/support/incidents` and `POST /api/support/incidents/:id/updates`. */
export const ZStaffIncidentResponse = z.object({ incident: ZStaffIncident });
