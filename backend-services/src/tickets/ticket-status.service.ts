import { Types } from 'mongoose';
import { CLOSED_TICKET_STATUSES, type TRatingRequest, type TTicketStatus } from '@wisp/shared';
import { AppError } from '../platform/http/app-error.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { notifyStatusChanged } from '../notifications/ticket-emails.ts';
import { authorOf, findCustomerOrThrow, findTicketOrThrow, type TicketContext } from './ticket-context.ts';
import { publishCustomerTicketChange } from './ticket-events.ts';
import { TicketClaimModel, WorkOrderModel, type TWorkOrderDoc } from './work-order.model.ts';
import { reopenDeadline } from './tickets.views.ts';

const ALLOWED: Record<TTicketStatus, readonly TTicketStatus[]> = {
  open: ['in-progress', 'waiting-on-customer', 'resolved', 'closed'],
  'in-progress': ['open', 'waiting-on-customer', 'resolved', 'closed'],
  'waiting-on-customer': ['open', 'in-progress', 'resolved', 'closed'],
  resolved: ['open', 'in-progress', 'closed'],
  closed: ['open'],
};

const isClosedStatus = (s: string) => (CLOSED_TICKET_STATUSES as readonly string[]).includes(s);

/**
 * THE one way a ticket's status moves: checks the transition, records `{from, to, by, at}` in the
 * history, keeps resolvedAt/closedAt right, tells the customer's open pages, and (when staff moved it)
 * emails the customer. Moving to the current status changes nothing.
 */
export async function changeStatus(ctx: TicketContext, wo: TWorkOrderDoc, to: TTicketStatus, opts: { notify?: boolean } = {}): Promise<TWorkOrderDoc> {
  const from = wo.status as TTicketStatus;
  if (from === to) return wo;
  if (!ALLOWED[from].includes(to)) {
    throw new AppError('CONFLICT', 409, `A ${from} ticket cannot be moved to ${to}.`, { status: `Cannot move from ${from} to ${to}.` });
  }
  const now = new Date();
  const author = authorOf(ctx);
  const entryId = new Types.ObjectId();
  const set: Record<string, unknown> = { status: to, lastActivityAt: now };
  const unset: Record<string, 1> = {};
  if (to === 'resolved') set.resolvedAt = now;
  if (to === 'closed') set.closedAt = now;
  if (!isClosedStatus(to)) Object.assign(unset, { resolvedAt: 1, closedAt: 1 });
  // The status in the filter catches most concurrent moves; FerretDB cannot make it airtight (no atomic update).
  const result = await WorkOrderModel.updateOne(
    { _id: wo._id, tenantId: ctx.tenant._id, status: from },
    { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}), $push: { statusHistory: { _id: entryId, from, to, by: author.authorId, byType: author.authorType, at: now } } },
  );
  if (result.matchedCount === 0) throw new AppError('CONFLICT', 409, 'This ticket was changed meanwhile. Reload and try again.');
  const updated = await findTicketOrThrow(ctx, String(wo._id));
  publishCustomerTicketChange(String(ctx.tenant._id), updated.customerId, { type: 'ticket.status', ticketId: String(updated._id), status: to, at: now.toISOString() });
  if (ctx.actor.kind === 'staff' && opts.notify !== false) {
    const customer = await findCustomerOrThrow(ctx, updated.customerId);
    await notifyStatusChanged(ctx, customer, updated, to, String(entryId));
  }
  return updated;
}

export async function assign(ctx: TicketContext, id: string, assignedTo: string | null): Promise<TWorkOrderDoc> {
  const wo = await findTicketOrThrow(ctx, id);
  await WorkOrderModel.updateOne({ _id: wo._id, tenantId: ctx.tenant._id }, assignedTo ? { $set: { assignedTo } } : { $unset: { assignedTo: 1 } });
  return findTicketOrThrow(ctx, id);
}

export async function closeByCustomer(ctx: TicketContext, customerId: string, id: string): Promise<TWorkOrderDoc> {
  const wo = await findTicketOrThrow(ctx, id, customerId);
  if (wo.status === 'closed') throw new AppError('CONFLICT', 409, 'This ticket is already closed.');
  return changeStatus(ctx, wo, 'closed');
}

/** A resolved or closed ticket may be reopened within 14 days of being resolved/closed. */
export async function reopenByCustomer(ctx: TicketContext, customerId: string, id: string): Promise<TWorkOrderDoc> {
  const wo = await findTicketOrThrow(ctx, id, customerId);
  const deadline = reopenDeadline(wo);
  if (!deadline) throw new AppError('CONFLICT', 409, 'Only a resolved or closed ticket can be reopened.');
  if (new Date() >= deadline) throw new AppError('CONFLICT', 409, 'This ticket was closed more than 14 days ago. Please open a new ticket.');
  return changeStatus(ctx, wo, 'open');
}

/** Once per ticket, by its customer, when resolved or closed. The first insert of the claim decides "once". */
export async function rateTicket(ctx: TicketContext, customerId: string, id: string, input: TRatingRequest): Promise<TWorkOrderDoc> {
  const wo = await findTicketOrThrow(ctx, id, customerId);
  if (ctx.actor.kind !== 'customer') throw AppError.notFound();
  if (!isClosedStatus(wo.status)) throw new AppError('CONFLICT', 409, 'You can rate a ticket once it is resolved.', { rating: 'The ticket is not resolved yet.' });
  try {
    await TicketClaimModel.create({ _id: `rating:${String(wo._id)}`, claimedAt: new Date() });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new AppError('CONFLICT', 409, 'You already rated this ticket.', { rating: 'Already rated.' });
    throw err;
  }
  await WorkOrderModel.updateOne(
    { _id: wo._id, tenantId: ctx.tenant._id },
    { $set: { satisfaction: { rating: input.rating, ...(input.comment ? { comment: input.comment } : {}), ratedAt: new Date() } } },
  );
  return findTicketOrThrow(ctx, id);
}
