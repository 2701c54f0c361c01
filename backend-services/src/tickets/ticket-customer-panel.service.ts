import type { TDeskCustomerPanel } from '@wisp/shared';
import { requireAccess } from '../platform/access/access.ts';
import { findCustomerOrThrow } from '../customers/customers.service.ts';
import { IncidentModel } from '../support/incidents/incident.model.ts';
import type { TicketContext } from './ticket-context.ts';
import { TicketModel } from './ticket.model.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const orNull = <T>(v: T | null | undefined) => v ?? null;

/**
 * What the desk shows beside a ticket: the customer's line now (plan, service status, equipment,
 * signal, last online), any outage at their site, their other recent tickets and their portal account.
 * Three reads after the access check, in parallel.
 */
export async function customerPanelOf(ctx: TicketContext, id: string): Promise<TDeskCustomerPanel> {
  const [ticket] = await requireAccess(ctx, 'ticket.read.all', [id]);
  const customer = await findCustomerOrThrow(ctx.tenant, ticket.customerId);
  const siteId = customer.siteId ?? ticket.siteId ?? null;
  const [incidents, others] = await Promise.all([
    siteId
      ? IncidentModel.find(
          { tenantId: ctx.tenant._id, status: { $ne: 'resolved' }, affectedSiteIds: siteId },
          { title: 1, status: 1 },
        ).lean()
      : [],
    TicketModel.find(
      { tenantId: ctx.tenant._id, customerId: customer.customerId, _id: { $ne: ticket._id } },
      { ticketNumber: 1, title: 1, status: 1, lastActivityAt: 1 },
    )
      .sort({ lastActivityAt: -1 })
      .limit(5)
      .lean(),
  ]);
  const plan = customer.servicePlan;
  return {
    customer: {
      customerId: customer.customerId,
      name: `${customer.firstName} ${customer.lastName}`,
      email: orNull(customer.email),
      phone: orNull(customer.primaryPhone),
      serviceStatus: customer.serviceStatus,
      plan: plan
        ? {
            planName: orNull(plan.planName),
            downloadMbps: orNull(plan.downloadMbps),
            uploadMbps: orNull(plan.uploadMbps),
          }
        : null,
      siteId,
    },
    equipment: (customer.equipment ?? []).map((e) => ({
      type: e.type,
      make: orNull(e.make),
      model: orNull(e.model),
      serialNumber: orNull(e.serialNumber),
      macAddress: orNull(e.macAddress),
    })),
    network: {
      signalStrength: orNull(customer.networkInfo?.signalStrength),
      lastOnline: iso(customer.networkInfo?.lastOnline),
      ipAddress: orNull(customer.networkInfo?.ipAddress),
    },
    activeIncidents: incidents.map((i) => ({ id: String(i._id), title: i.title, status: i.status })),
    recentTickets: others.map((o) => ({
      id: String(o._id),
      ticketNumber: o.ticketNumber,
      title: o.title,
      status: o.status as TDeskCustomerPanel['recentTickets'][number]['status'],
      lastActivityAt: o.lastActivityAt.toISOString(),
    })),
    portal: {
      enabled: customer.portalAccess?.enabled ?? false,
      accountStatus: orNull(customer.portalAccess?.accountStatus),
      lastLoginAt: iso(customer.portalAccess?.lastLoginAt),
    },
  };
}
