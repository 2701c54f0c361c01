import { OPEN_TICKET_STATUSES, type TStaffDashboard } from '@wisp/shared';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import { IncidentModel, type TIncidentDoc } from '../support/incidents/incident.model.ts';
import { isActiveIncident } from '../support/incidents/incidents.service.ts';
import { startOfTenantDay } from '../support/contact/support-hours.ts';
import { TicketModel } from '../tickets/ticket.model.ts';
import { isBreachingSoon, queueClocks, type ClockedRow } from '../sla/queue-sla.ts';

type OpenTicketRow = ClockedRow & {
  _id: { toString(): string };
  ticketNumber: string;
  status: string;
  assignedTo?: string | null;
  customerId: string;
  createdAt: Date;
};

/** Customers (by customer ID) at the sites of the tenant's active incidents, and how many incidents are active. */
async function customersAtIncidentSites(ctx: AccessContext, now: Date) {
  const unresolved = await IncidentModel.find({ tenantId: ctx.tenant._id, status: { $ne: 'resolved' } })
    .select('status kind scheduledStart scheduledEnd affectedSiteIds')
    .lean<TIncidentDoc[]>();
  const active = unresolved.filter((i) => isActiveIncident(i, now));
  const siteIds = [...new Set(active.flatMap((i) => i.affectedSiteIds ?? []))];
  const customers = siteIds.length
    ? await CustomerModel.find({ tenantId: ctx.tenant._id, siteId: { $in: siteIds } })
        .select('customerId')
        .lean<{ customerId: string }[]>()
    : [];
  return { active: active.length, customerIds: new Set(customers.map((c) => c.customerId)) };
}

/**
 * The dashboard's numbers in one read of the tenant's open tickets, counted here (FerretDB's `$group`
 * computes one accumulator only), plus the active incidents' sites.
 */
export async function getStaffDashboard(ctx: AccessContext, now = new Date()): Promise<TStaffDashboard> {
  await requireAccess(ctx, 'dashboard.read');
  const [open, incidents] = await Promise.all([
    TicketModel.find({ tenantId: ctx.tenant._id, status: { $in: OPEN_TICKET_STATUSES } })
      // With what the SLA clock needs, so "breaching soon" counts what the desk's view lists.
      .select(
        'ticketNumber status assignedTo customerId createdAt priority firstResponseAt resolvedAt closedAt statusHistory incidentLinks',
      )
      .lean<OpenTicketRow[]>(),
    customersAtIncidentSites(ctx, now),
  ]);
  const clocked = await queueClocks(ctx.tenant, open, now);
  const today = startOfTenantDay(now, ctx.tenant.timezone).getTime();
  const oldest = open.reduce<OpenTicketRow | null>(
    (o, t) => (!o || t.createdAt.getTime() < o.createdAt.getTime() ? t : o),
    null,
  );
  return {
    tickets: {
      open: open.length,
      unassigned: open.filter((t) => !t.assignedTo).length,
      waitingOnCustomer: open.filter((t) => t.status === 'waiting-on-customer').length,
      newToday: open.filter((t) => t.createdAt.getTime() >= today).length,
      atIncidentSites: open.filter((t) => incidents.customerIds.has(t.customerId)).length,
      breachingSoon: clocked.filter(isBreachingSoon).length,
    },
    oldestOpen: oldest
      ? {
          id: String(oldest._id),
          ticketNumber: oldest.ticketNumber,
          openedAt: oldest.createdAt.toISOString(),
          ageMinutes: Math.max(0, Math.floor((now.getTime() - oldest.createdAt.getTime()) / 60_000)),
        }
      : null,
    activeIncidents: incidents.active,
    generatedAt: now.toISOString(),
  };
}
