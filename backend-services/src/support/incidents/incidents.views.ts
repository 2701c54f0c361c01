import type { TIncidentStatus, TIncidentSummary, TIncidentUpdate, TPublicIncident, TStaffIncident } from '@wisp/shared';
import type { TIncidentDoc } from './incident.model.ts';

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** Updates newest first: the timeline reads from the latest news down. */
function timeline(incident: TIncidentDoc): TIncidentUpdate[] {
  return [...(incident.updates ?? [])]
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
    .map((u) => ({ at: new Date(u.at).toISOString(), status: u.status as TIncidentStatus, message: u.message }));
}

/** What every view of an incident starts with. */
function headOf(incident: TIncidentDoc): Pick<TIncidentSummary, 'id' | 'kind' | 'title' | 'status'> {
  return {
    id: String(incident._id),
    kind: incident.kind as TIncidentSummary['kind'],
    title: incident.title,
    status: incident.status as TIncidentStatus,
  };
}

/** For the public status page: display areas only, never the internal site ids. */
export function toPublicIncident(incident: TIncidentDoc): TPublicIncident {
  return {
    ...headOf(incident),
    affectedAreas: [...(incident.affectedAreas ?? [])],
    updates: timeline(incident),
    startedAt: iso(incident.startedAt),
    resolvedAt: iso(incident.resolvedAt),
    scheduledStart: iso(incident.scheduledStart),
    scheduledEnd: iso(incident.scheduledEnd),
    eta: iso(incident.eta),
  };
}

export function toIncidentSummary(incident: TIncidentDoc): TIncidentSummary {
  return {
    ...headOf(incident),
    lastUpdate: timeline(incident)[0] ?? null,
    eta: iso(incident.eta),
  };
}

export function toStaffIncident(
  incident: TIncidentDoc,
  subscriberCount: number,
  linkedTicketCount = 0,
): TStaffIncident {
  return {
    ...toPublicIncident(incident),
    affectedSiteIds: [...(incident.affectedSiteIds ?? [])],
    subscriberCount,
    linkedTicketCount,
  };
}
