import type { TTenantDoc } from '../src/tenants/tenant.model.ts';
import { IncidentModel } from '../src/support/incidents/incident.model.ts';

/** The instant incident fixtures are built around. */
export const NOW = Date.now();

/** An open outage at site INC-SITE-A, started an hour ago with one update, unless `fields` say otherwise. */
export async function incidentFor(tenant: TTenantDoc, fields: Record<string, unknown> = {}): Promise<string> {
  const doc = await IncidentModel.create({
    tenantId: tenant._id,
    kind: 'incident',
    title: 'Outage',
    status: 'investigating',
    affectedSiteIds: ['INC-SITE-A'],
    affectedAreas: ['North Tower'],
    updates: [{ at: new Date(NOW - 3600_000), status: 'investigating', message: 'We are looking into it.' }],
    startedAt: new Date(NOW - 3600_000),
    ...fields,
  });
  return String(doc._id);
}
