import { Types } from 'mongoose';
import { CLOSED_TICKET_STATUSES, type TRatingRequest, type TTicketStatus } from '@wisp/shared';
import { AppError } from '../platform/http/app-error.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { notifyStatusChanged } from '../notifications/ticket-emails.ts';
import { authorOf, reloadTicket, type TicketContext } from './ticket-context.ts';
import { requireAccess } from '../platform/access/access.ts';
import { findCustomerOrThrow } from '../customers/customers.service.ts';
import { publishCustomerTicketChange } from './ticket-events.ts';
import { TicketClaimModel, TicketModel, type TTicketDoc } from './ticket.model.ts';
import { reopenDeadline } from './tickets.views.ts';
import { unlinkTicket } from '../support/incidents/incident-links.service.ts';
import { isFerretDb } from '../platform/sweeps/ttl-indexes.ts';

const ALLOWED: Record<TTicketStatus, readonly TTicketStatus[]> = {
  open: ['in-progress', 'waiting-on-customer', 'resolved', 'closed'],
  'in-progress': ['open', 'waiting-on-customer', 'resolved', 'closed'],
  'waiting-on-customer': ['open', 'in-progress', 'resolved', 'closed'],
  resolved: ['open', 'in-progress', 'closed'],
  closed: ['open'],
};

const isClosedStatus = (s: string) => (CLOSED_TICKET_STATUSES as readonly string[]).includes(s);

/** Whether the one status function would accept this move (staying put counts as allowed). */
export const canMove = (from: TTicketStatus, to: TTicketStatus) => from === to || ALLOWED[from].includes(to);

/**
 * THE one way a ticket's status moves: checks the transition, records `{from, to, by, at}` in the
 * history, keeps resolvedAt/closedAt right, tells the customer's open pages, and (with `notify`)
 * emails the customer. Moving to the current status changes nothing. Callers checked access first.
 * `followUp` marks the move that follows a stored message (a first staff reply, a customer's answer):
 * when another request moved the ticket meanwhile, that move already happened, so losing the race is
 * not an error.
 */
export async function changeStatus(
  ctx: TicketContext,
  ticket: TTicketDoc,
  to: TTicketStatus,
  opts: { notify?: boolean; followUp?: boolean } = {},
): Promise<TTicketDoc> {
  const from = ticket.status as TTicketStatus;
  if (from === to) return ticket;
  if (!canMove(from, to)) {
    throw new AppError('CONFLICT', 409, `A ${from} ticket cannot be moved to ${to}.`, {
      status: `Cannot move from ${from} to ${to}.`,
    });
  }
  const now = new Date();
  const author = authorOf(ctx);
  const entryId = new Types.ObjectId();
  const set: Record<string, unknown> = { status: to, lastActivityAt: now };
  const unset: Record<string, 1> = {};
  if (to === 'resolved') set.resolvedAt = now;
  if (to === 'closed') set.closedAt = now;
  if (!isClosedStatus(to)) Object.assign(unset, { resolvedAt: 1, closedAt: 1 });
  // Two people moving the same ticket at once both read the same history length; inserting a claim on
  // it lets exactly one of them through (FerretDB cannot make the status filter below airtight).
  try {
    await TicketClaimModel.create({
      _id: `status:${String(ticket._id)}:${ticket.statusHistory?.length ?? 0}`,
      claimedAt: now,
    });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    if (opts.followUp) return reloadTicket(ctx, ticket);
    throw new AppError('CONFLICT', 409, 'This ticket was changed meanwhile. Reload and try again.');
  }
  const move = {
    $set: set,
    ...(Object.keys(unset).length ? { $unset: unset } : {}),
    $push: { statusHistory: { _id: entryId, from, to, by: author.authorId, byType: author.authorType, at: now } },
  };
  const result = await TicketModel.updateOne({ _id: ticket._id, tenantId: ctx.tenant._id, status: from }, move);
  if (result.matchedCount === 0) {
    await TicketClaimModel.deleteOne({ _id: `status:${String(ticket._id)}:${ticket.statusHistory?.length ?? 0}` });
    if (opts.followUp) return reloadTicket(ctx, ticket);
    throw new AppError('CONFLICT', 409, 'This ticket was changed meanwhile. Reload and try again.');
  }
  const updated = await keepMove(ctx, ticket, entryId, move);
  publishCustomerTicketChange(String(ctx.tenant._id), updated.customerId, {
    type: 'ticket.status',
    ticketId: String(updated._id),
    status: to,
    at: now.toISOString(),
  });
  if (opts.notify) {
    const customer = await findCustomerOrThrow(ctx.tenant, updated.customerId);
    await notifyStatusChanged(ctx, customer, updated, to, String(entryId));
  }
  return updated;
}

/** Staff move a ticket; the customer is emailed about it. */
export async function changeStatusByStaff(ctx: TicketContext, id: string, to: TTicketStatus): Promise<TTicketDoc> {
  const [ticket] = await requireAccess(ctx, 'ticket.status', [id]);
  return changeStatus(ctx, ticket, to, { notify: true });
}

/**
 * On FerretDB an update is read-modify-write of the whole document, so a concurrent write to the same
 * ticket (another reply's activity timestamps) can be read before our move and written after it,
 * undoing it — on a busy database that write may land well after our request answered. The claim holder
 * checks that its history entry is there and puts the move back if not: at once, then for a few seconds
 * in the background. It only puts it back while no later move exists (the history still ends where our
 * claim began), so it never undoes a newer status.
 */
const LATE_CHECKS_MS = [100, 300, 700, 1_500, 3_000];
const lateChecks = new Set<Promise<void>>();

/** Resolves once every background re-check of a status move has run (for tests that count reads). */
export async function statusMovesSettled(): Promise<void> {
  await Promise.all([...lateChecks]);
}
let wholeDocumentUpdates: Promise<boolean> | undefined;
const updatesRewriteWholeDocuments = () => (wholeDocumentUpdates ??= isFerretDb().catch(() => true));

async function keepMove(ctx: TicketContext, ticket: TTicketDoc, entryId: Types.ObjectId, move: object) {
  const position = ticket.statusHistory?.length ?? 0;
  let current = ticket;
  for (let round = 0; round < 5; round++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { settled, doc } = await checkMove(ctx, ticket, entryId, move, position);
    current = doc;
    if (settled) break;
  }
  // MongoDB applies an update to the fields it names, so nothing can undo the move later: FerretDB only.
  if (!(await updatesRewriteWholeDocuments())) return current;
  const task: Promise<void> = (async () => {
    let waited = 0;
    for (const at of LATE_CHECKS_MS) {
      await new Promise((resolve) => setTimeout(resolve, at - waited));
      waited = at;
      await checkMove(ctx, ticket, entryId, move, position);
    }
  })()
    .catch(() => undefined)
    .finally(() => lateChecks.delete(task));
  lateChecks.add(task);
  return current;
}

async function checkMove(
  ctx: TicketContext,
  ticket: TTicketDoc,
  entryId: Types.ObjectId,
  move: object,
  position: number,
): Promise<{ settled: boolean; doc: TTicketDoc }> {
  const doc = await reloadTicket(ctx, ticket);
  if (doc.statusHistory?.some((h) => entryId.equals(h._id))) return { settled: true, doc };
  if ((doc.statusHistory?.length ?? 0) !== position) return { settled: true, doc };
  await TicketModel.updateOne({ _id: ticket._id, tenantId: ctx.tenant._id }, move);
  return { settled: false, doc };
}

export async function closeByCustomer(ctx: TicketContext, id: string): Promise<TTicketDoc> {
  const [ticket] = await requireAccess(ctx, 'ticket.close', [id]);
  if (ticket.status === 'closed') throw new AppError('CONFLICT', 409, 'This ticket is already closed.');
  return changeStatus(ctx, ticket, 'closed');
}

/** A resolved or closed ticket may be reopened within 14 days of being resolved/closed. */
export async function reopenByCustomer(ctx: TicketContext, id: string): Promise<TTicketDoc> {
  const [ticket] = await requireAccess(ctx, 'ticket.reopen', [id]);
  const deadline = reopenDeadline(ticket);
  if (!deadline) throw new AppError('CONFLICT', 409, 'Only a resolved or closed ticket can be reopened.');
  if (new Date() >= deadline)
    throw new AppError('CONFLICT', 409, 'This ticket was closed more than 14 days ago. Please open a new ticket.');
  const reopened = await changeStatus(ctx, ticket, 'open');
  // Still down after the outage was resolved: the ticket leaves the incident and is worked on its own.
  if (await unlinkTicket(ctx.tenant, ticket._id)) {
    await TicketModel.updateOne(
      { _id: ticket._id, tenantId: ctx.tenant._id },
      { $set: { lastCustomerMessageAt: new Date() } },
    );
    return reloadTicket(ctx, ticket);
  }
  return reopened;
}

/** Once per ticket, by its customer, when resolved or closed. The first insert of the claim decides "once". */
export async function rateTicket(ctx: TicketContext, id: string, input: TRatingRequest): Promise<TTicketDoc> {
  const [ticket] = await requireAccess(ctx, 'ticket.rate', [id]);
  if (!isClosedStatus(ticket.status))
    throw new AppError('CONFLICT', 409, 'You can rate a ticket once it is resolved.', {
      rating: 'The ticket is not resolved yet.',
    });
  try {
    await TicketClaimModel.create({ _id: `rating:${String(ticket._id)}`, claimedAt: new Date() });
  } catch (err) {
    if (isDuplicateKeyError(err))
      throw new AppError('CONFLICT', 409, 'You already rated this ticket.', { rating: 'Already rated.' });
    throw err;
  }
  await TicketModel.updateOne(
    { _id: ticket._id, tenantId: ctx.tenant._id },
    {
      $set: {
        satisfaction: {
          rating: input.rating,
          ...(input.comment ? { comment: input.comment } : {}),
          ratedAt: new Date(),
        },
      },
    },
  );
  return reloadTicket(ctx, ticket);
}
