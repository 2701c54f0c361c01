import type { TDeliveryReport, TDeliveryState, TDeliverResponse, TIncidentStatus } from '@wisp/shared';
import { requireAccess } from '../../platform/access/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { CustomerModel } from '../../customers/customer.model.ts';
import { OutboxMessageModel } from '../../notifications/outbox.model.ts';
import { TicketMessageModel, TicketModel } from '../../tickets/ticket.model.ts';
import type { TicketContext } from '../../tickets/ticket-context.ts';
import type { AccessContext } from '../../platform/access/access.ts';
import { IncidentUpdateClaimModel, type TIncidentDoc } from './incident.model.ts';
import { IncidentSubscriptionModel } from './incident-subscription.model.ts';
import { deliverIncidentUpdate, deliveriesOf } from './incident-fanout.ts';
import { incidentUpdateDedupeKey } from './incident-emails.ts';
import { incidentOfTenant } from './incident-links.service.ts';

async function updateOf(incident: TIncidentDoc, index: number) {
  const claim = await IncidentUpdateClaimModel.findById(`${String(incident._id)}:${index}`).lean();
  if (claim?.message && claim.at && claim.status)
    return { at: claim.at, status: claim.status as TIncidentStatus, message: claim.message };
  const embedded = incident.updates?.[index];
  if (!embedded) throw AppError.notFound('No such update.');
  return { at: embedded.at, status: embedded.status as TIncidentStatus, message: embedded.message };
}

/**
 * Staff: delivers an update again to whatever it has not reached (tickets linked since, a run cut short).
 * Nothing is posted or sent twice: the same keys decide as the first time.
 */
export async function deliverUpdateAgain(
  ctx: TicketContext,
  incidentId: string,
  index: number,
): Promise<TDeliverResponse> {
  await requireAccess(ctx, 'incident.deliver');
  const incident = await incidentOfTenant(ctx.tenant, incidentId);
  const update = await updateOf(incident, index);
  return deliverIncidentUpdate(ctx, incident, { index, ...update, eta: incident.eta ?? null });
}

/** Staff: per linked ticket, whether the reply is posted and how its customer's email stands. */
export async function getDeliveryReport(
  ctx: AccessContext,
  incidentId: string,
  index: number,
): Promise<TDeliveryReport> {
  await requireAccess(ctx, 'incident.tickets');
  const { tenant } = ctx;
  const incident = await incidentOfTenant(tenant, incidentId);
  const update = await updateOf(incident, index);
  const deliveries = await deliveriesOf(incident, index);
  const subscriptions = await IncidentSubscriptionModel.find({ tenantId: tenant._id, incidentId: incident._id })
    .select('customerId')
    .lean();
  const customerIds = [...new Set([...deliveries.map((d) => d.customerId), ...subscriptions.map((s) => s.customerId)])];
  const keys = customerIds.map((c) => incidentUpdateDedupeKey(incident._id, index, c));
  const [tickets, replies, mails, customers] = await Promise.all([
    deliveries.length
      ? TicketModel.find({ _id: { $in: deliveries.map((d) => d.ticketId) } })
          .select('ticketNumber tenantId')
          .lean()
      : [],
    deliveries.length
      ? TicketMessageModel.find({ _id: { $in: deliveries.map((d) => d.messageId) } })
          .select('_id')
          .lean()
      : [],
    keys.length
      ? OutboxMessageModel.find({ tenantId: tenant._id, dedupeKey: { $in: keys } })
          .select('dedupeKey status')
          .lean()
      : [],
    deliveries.length
      ? CustomerModel.find({ tenantId: tenant._id, customerId: { $in: deliveries.map((d) => d.customerId) } })
          .select('customerId email')
          .lean()
      : [],
  ]);
  const numberOf = new Map(tickets.map((t) => [String(t._id), t.ticketNumber]));
  const posted = new Set(replies.map((m) => String(m._id)));
  const mailState = new Map(mails.map((m) => [m.dedupeKey, m.status as 'pending' | 'sent' | 'failed']));
  const hasEmail = new Set(customers.filter((c) => c.email).map((c) => c.customerId));
  const emails = { pending: 0, sent: 0, failed: 0 };
  for (const m of mails) emails[m.status as keyof typeof emails]++;
  return {
    updateIndex: index,
    message: update.message,
    at: update.at.toISOString(),
    replies: deliveries.filter((d) => posted.has(String(d.messageId))).length,
    emails,
    tickets: deliveries
      .map((d) => {
        const state: TDeliveryState =
          mailState.get(incidentUpdateDedupeKey(incident._id, index, d.customerId)) ??
          (hasEmail.has(d.customerId) ? 'pending' : 'no-email');
        return {
          ticketId: String(d.ticketId),
          ticketNumber: numberOf.get(String(d.ticketId)) ?? '',
          customerId: d.customerId,
          replied: posted.has(String(d.messageId)),
          email: state,
        };
      })
      .sort((a, b) => a.ticketNumber.localeCompare(b.ticketNumber)),
  };
}
