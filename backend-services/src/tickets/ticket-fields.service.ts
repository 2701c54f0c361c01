import type { TBulkRequest, TTicketPriority, TTicketStatus, TTriageRequest } from '@wisp/shared';
import { AppError } from '../platform/http/app-error.ts';
import { requireAccess } from '../platform/access/access.ts';
import { changeStatus, canMove } from './ticket-status.service.ts';
import { publishStaffEvent } from './ticket-events.ts';
import { reloadTicket, type TicketContext } from './ticket-context.ts';
import { TicketChangeModel, TicketModel, type TTicketDoc } from './ticket.model.ts';

type Field = 'priority' | 'category' | 'assignee';
type Change = { field: Field; from: string | null; to: string | null };

/**
 * Priority, category and assignee: the ticket gets the new value, and each change is inserted into
 * the ticket's change history (an insert per change: FerretDB loses concurrent `$push`es). Staff
 * pages are told; the customer is not (none of these is part of their view).
 */
async function applyChanges(ctx: TicketContext, ticket: TTicketDoc, changes: Change[]): Promise<void> {
  const real = changes.filter((c) => c.from !== c.to);
  if (!real.length) return;
  const set: Record<string, string> = {};
  const unset: Record<string, 1> = {};
  for (const c of real) {
    const path = c.field === 'assignee' ? 'assignedTo' : c.field;
    if (c.to === null) unset[path] = 1;
    else set[path] = c.to;
  }
  await TicketModel.updateOne(
    { _id: ticket._id, tenantId: ctx.tenant._id },
    { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) },
  );
  const by = ctx.actor.kind === 'staff' ? ctx.actor.email : 'system';
  const at = new Date();
  await TicketChangeModel.insertMany(
    real.map((c) => ({
      tenantId: ctx.tenant._id,
      workOrderId: ticket._id,
      field: c.field,
      ...(c.from ? { from: c.from } : {}),
      ...(c.to ? { to: c.to } : {}),
      by,
      at,
    })),
  );
  publishStaffEvent(String(ctx.tenant._id), {
    type: 'ticket.changed',
    ticketId: String(ticket._id),
    fields: real.map((c) => c.field),
  });
}

const assigneeChange = (ticket: TTicketDoc, assignedTo: string | null): Change => ({
  field: 'assignee',
  from: ticket.assignedTo ?? null,
  to: assignedTo,
});

export async function assign(ctx: TicketContext, id: string, assignedTo: string | null): Promise<TTicketDoc> {
  const [ticket] = await requireAccess(ctx, 'ticket.assign', [id]);
  await applyChanges(ctx, ticket, [assigneeChange(ticket, assignedTo)]);
  return reloadTicket(ctx, ticket);
}

export async function triage(ctx: TicketContext, id: string, input: TTriageRequest): Promise<TTicketDoc> {
  const [ticket] = await requireAccess(ctx, 'ticket.triage', [id]);
  await applyChanges(ctx, ticket, [
    ...(input.priority ? [{ field: 'priority' as const, from: ticket.priority, to: input.priority }] : []),
    ...(input.category ? [{ field: 'category' as const, from: ticket.category, to: input.category }] : []),
  ]);
  return reloadTicket(ctx, ticket);
}

/**
 * One change to up to 100 tickets. All or nothing for what can be known up front: every ticket must be
 * the tenant's (else 404) and, for a status, every move must be allowed (else 400 naming the tickets);
 * only then is anything written. Status moves go through the one status function, one ticket at a time.
 */
export async function bulkChange(ctx: TicketContext, input: TBulkRequest): Promise<string[]> {
  const ids = [...new Set(input.ids)];
  const tickets = await requireAccess(ctx, 'ticket.bulk', ids);
  if (input.status) {
    const to = input.status;
    const refused = tickets.filter((t) => !canMove(t.status as TTicketStatus, to));
    if (refused.length) {
      throw AppError.validation(
        { status: `${refused.map((t) => t.ticketNumber).join(', ')} cannot be moved to ${to}.` },
        'Some tickets cannot take this status; nothing was changed.',
      );
    }
  }
  for (const ticket of tickets) {
    await applyChanges(ctx, ticket, [
      ...(input.assignedTo !== undefined ? [assigneeChange(ticket, input.assignedTo)] : []),
      ...(input.priority
        ? [{ field: 'priority' as const, from: ticket.priority, to: input.priority as TTicketPriority }]
        : []),
    ]);
    if (input.status) await changeStatus(ctx, await reloadTicket(ctx, ticket), input.status, { notify: true });
  }
  return tickets.map((t) => String(t._id));
}

export async function changeHistoryOf(ctx: TicketContext, ticket: Pick<TTicketDoc, '_id'>) {
  const rows = await TicketChangeModel.find({ tenantId: ctx.tenant._id, workOrderId: ticket._id })
    .sort({ at: 1 })
    .lean();
  return rows.map((r) => ({
    field: r.field,
    from: r.from ?? null,
    to: r.to ?? null,
    by: r.by,
    at: r.at.toISOString(),
  }));
}
