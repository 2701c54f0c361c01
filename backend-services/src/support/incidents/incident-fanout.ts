import { Types } from 'mongoose';
import { CLOSED_TICKET_STATUSES, type TIncidentStatus } from '@wisp/shared';
import { AppError } from '../../platform/http/app-error.ts';
import { insertEach } from '../../platform/db/insert-each.ts';
import { CustomerModel, type TCustomerDoc } from '../../customers/customer.model.ts';
import {
  TicketMessageModel,
  TicketModel,
  type TTicketDoc,
  type TTicketMessageDoc,
} from '../../tickets/ticket.model.ts';
import type { TicketContext } from '../../tickets/ticket-context.ts';
import { changeStatus } from '../../tickets/ticket-status.service.ts';
import { publishCustomerTicketChange, publishStaffEvent } from '../../tickets/ticket-events.ts';
import { toCustomerMessage } from '../../tickets/tickets.views.ts';
import type { TIncidentDoc } from './incident.model.ts';
import { IncidentDeliveryModel, type TIncidentDeliveryDoc } from './incident-link.model.ts';
import { IncidentSubscriptionModel } from './incident-subscription.model.ts';
import { emailIncidentUpdate, replyBodyFor, type IncidentRecipient } from './incident-emails.ts';
import { currentLinksOf } from './incident-links.service.ts';

type DeliveryDoc = TIncidentDeliveryDoc & { _id: string };
export type UpdateToDeliver = { index: number; status: TIncidentStatus; message: string; eta: Date | null };

/** How many tickets are moved to resolved at once: each move is a few round trips of its own. */
const RESOLVE_CONCURRENCY = 3;

/**
 * One incident update to everyone it concerns: a public reply on every linked ticket and one email to
 * each affected customer (ticket holders and subscribers, once each), all through inserts under
 * unique keys. Safe to run again and by several workers at once: a delivery document per (update,
 * ticket) fixes the reply's `_id` first, the reply insert then happens once; emails are deduped per
 * (update, customer) by the outbox. When the update resolves the incident, the linked tickets are
 * resolved through the one status function.
 */
export async function deliverIncidentUpdate(
  ctx: TicketContext,
  incident: TIncidentDoc,
  update: UpdateToDeliver,
  now = new Date(),
): Promise<{ replies: number; emails: number }> {
  const { tenant } = ctx;
  if (ctx.actor.kind !== 'staff') throw AppError.notFound();
  const links = await currentLinksOf(tenant, incident._id);
  await insertEach(
    IncidentDeliveryModel,
    links.map((l): DeliveryDoc => ({
      _id: `${String(incident._id)}:${update.index}:${String(l.ticketId)}`,
      tenantId: tenant._id,
      incidentId: incident._id,
      updateIndex: update.index,
      ticketId: l.ticketId,
      customerId: l.customerId,
      messageId: new Types.ObjectId(),
      createdAt: now,
    })),
  );
  // Another worker's delivery documents count too: their reply ids are the ones to insert.
  const deliveries = await deliveriesOf(incident, update.index);
  const body = replyBodyFor(tenant, incident, update.status, update.message);
  const authorName = `${tenant.branding.company.displayName} Support`;
  const replies = await insertEach(
    TicketMessageModel,
    deliveries.map((d) => ({
      _id: d.messageId,
      tenantId: tenant._id,
      workOrderId: d.ticketId,
      visibility: 'public' as const,
      authorType: 'staff' as const,
      authorId: ctx.actor.kind === 'staff' ? ctx.actor.email : 'system',
      authorName,
      body,
      createdAt: now,
      updatedAt: now,
      __v: 0,
    })),
  );
  if (replies.length) await recordActivity(ctx, replies, now);

  const ticketIds = [...new Set(deliveries.map((d) => String(d.ticketId)))].map((id) => new Types.ObjectId(id));
  const tickets = ticketIds.length
    ? (await TicketModel.find({ _id: { $in: ticketIds } }).lean<TTicketDoc[]>()).filter(
        (t) => String(t.tenantId) === String(tenant._id),
      )
    : [];
  const emails = await emailIncidentUpdate(
    tenant,
    incident,
    update,
    await recipientsOf(ctx, incident, tickets),
    ctx.portalUrlTemplate,
  );
  if (update.status === 'resolved') await resolveLinkedTickets(ctx, tickets);
  return { replies: replies.length, emails };
}

export function deliveriesOf(incident: TIncidentDoc, index: number): Promise<DeliveryDoc[]> {
  return IncidentDeliveryModel.find({
    tenantId: incident.tenantId,
    incidentId: incident._id,
    updateIndex: index,
  }).lean<DeliveryDoc[]>();
}

/** The replies move their tickets like a staff reply does: activity, last staff reply, first response. */
async function recordActivity(
  ctx: TicketContext,
  replies: { _id: Types.ObjectId; workOrderId: Types.ObjectId }[],
  now: Date,
) {
  const { tenant } = ctx;
  const ids = replies.map((r) => r.workOrderId);
  await TicketModel.updateMany(
    { _id: { $in: ids }, tenantId: tenant._id },
    { $set: { lastActivityAt: now, lastStaffReplyAt: now } },
  );
  await TicketModel.updateMany(
    { _id: { $in: ids }, tenantId: tenant._id, firstResponseAt: { $exists: false } },
    { $set: { firstResponseAt: now } },
  );
  const stored = await TicketMessageModel.find({ _id: { $in: replies.map((r) => r._id) } }).lean<TTicketMessageDoc[]>();
  const owners = new Map(
    (
      await TicketModel.find({ _id: { $in: ids } })
        .select('customerId')
        .lean()
    ).map((t) => [String(t._id), t.customerId]),
  );
  for (const m of stored) {
    const customerId = owners.get(String(m.workOrderId));
    if (!customerId) continue;
    publishCustomerTicketChange(String(tenant._id), customerId, {
      type: 'ticket.message',
      ticketId: String(m.workOrderId),
      message: toCustomerMessage(m, []),
    });
    publishStaffEvent(String(tenant._id), {
      type: 'ticket.changed',
      ticketId: String(m.workOrderId),
      fields: ['messages'],
    });
  }
}

/** Ticket holders (with their ticket) and subscribers, each customer once. */
async function recipientsOf(
  ctx: TicketContext,
  incident: TIncidentDoc,
  tickets: TTicketDoc[],
): Promise<IncidentRecipient[]> {
  const { tenant } = ctx;
  const subscriptions = await IncidentSubscriptionModel.find({ tenantId: tenant._id, incidentId: incident._id })
    .select('customerId')
    .lean();
  const ids = [...new Set([...tickets.map((t) => t.customerId), ...subscriptions.map((s) => s.customerId)])];
  const customers = ids.length
    ? await CustomerModel.find({ tenantId: tenant._id, customerId: { $in: ids } }).lean<TCustomerDoc[]>()
    : [];
  const ticketOf = new Map<string, TTicketDoc>();
  for (const t of [...tickets].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()))
    if (!ticketOf.has(t.customerId)) ticketOf.set(t.customerId, t);
  return customers.map((customer) => ({ customer, ticket: ticketOf.get(customer.customerId) ?? null }));
}

/** Resolving the incident resolves its linked tickets (the reply above carries the resolution message). */
async function resolveLinkedTickets(ctx: TicketContext, tickets: TTicketDoc[]) {
  const queue = tickets.filter((t) => !(CLOSED_TICKET_STATUSES as readonly string[]).includes(t.status));
  const work = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const fresh = await TicketModel.findById(next._id).lean<TTicketDoc>();
      if (!fresh || (CLOSED_TICKET_STATUSES as readonly string[]).includes(fresh.status)) continue;
      for (let attempt = 0; ; attempt++) {
        try {
          await changeStatus(ctx, fresh, 'resolved', { notify: false, followUp: true });
          break;
        } catch (err) {
          // Someone moved the ticket meanwhile (e.g. closed it): their move stands.
          if (err instanceof AppError && err.status === 409) break;
          // FerretDB's SQLite answers a burst of writes with "database is locked": wait and retry.
          if (attempt >= 5 || !/SQLITE_BUSY|database is locked/.test((err as Error).message)) throw err;
          await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: RESOLVE_CONCURRENCY }, work));
}
