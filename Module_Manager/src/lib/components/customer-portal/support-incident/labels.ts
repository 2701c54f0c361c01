import type { TIncidentStatus } from '@wisp/shared';
import { m } from '$lib/paraglide/messages';

export const incidentStatusLabel = (s: TIncidentStatus): string =>
  ({
    investigating: m.status_incident_investigating,
    identified: m.status_incident_identified,
    monitoring: m.status_incident_monitoring,
    resolved: m.status_incident_resolved,
  })[s]();
