import type { TStaffDeskEvent } from '@wisp/shared';
import type { TicketContext } from './ticket-context.ts';
import type { CustomerTicketChange } from './ticket-events.ts';
import {
  TicketAttachmentModel,
  TicketMessageModel,
  TicketModel,
  type TTicketAttachmentDoc,
  type TTicketMessageDoc,
  type TTicketDoc,
} from './ticket.model.ts';
import { toCustomerMessage } from './tickets.views.ts';

/**
 * The events of one write are told in any order (a staff reply tells its status change before its
 * message) and processes' clocks differ a little, so a replay starts this much before the last id the
 * browser saw. Pages ignore what they already have (messages by id; a status is a state).
 */
export const REPLAY_OVERLAP_MS = 1_000;
/** A stream away for longer reloads its page instead (the page's own load shows everything). */
export const REPLAY_HORIZON_MS = 15 * 60_000;

/** The event id of a change: the time it happened, in milliseconds, as the database has it. */
export const eventIdOf = (change: CustomerTicketChange): string =>
  String(Date.parse(change.type === 'ticket.message' ? change.message.createdAt : change.at));

/** Reads a `Last-Event-ID` header; anything else than a recent time means "nothing to replay". */
export function replaySince(lastEventId: unknown, now = Date.now()): Date | undefined {
  if (typeof lastEventId !== 'string' || !/^\d{1,15}$/.test(lastEventId)) return undefined;
  const at = Number(lastEventId);
  if (at > now || now - at > REPLAY_HORIZON_MS) return undefined;
  return new Date(at - REPLAY_OVERLAP_MS);
}

/**
 * What one customer's stream missed since `since`, rebuilt from the database with the same customer
 * views the live events carry (public messages only), oldest first.
 */
export async function customerTicketChangesSince(
  ctx: TicketContext,
  customerId: string,
  since: Date,
): Promise<CustomerTicketChange[]> {
  const tenantId = ctx.tenant._id;
  const tickets = await TicketModel.find(
    { tenantId, customerId },
    { statusHistory: 1, customerId: 1, tenantId: 1 },
  ).lean<Pick<TTicketDoc, '_id' | 'statusHistory' | 'customerId' | 'tenantId'>[]>();
  const mine = tickets.filter((t) => String(t.tenantId) === String(tenantId) && t.customerId === customerId);
  if (!mine.length) return [];
  const ids = mine.map((t) => t._id);
  const filter = { tenantId, workOrderId: { $in: ids }, visibility: 'public', createdAt: { $gt: since } };
  const [messages, attachments] = await Promise.all([
    TicketMessageModel.find(filter).lean<TTicketMessageDoc[]>(),
    TicketAttachmentModel.find(filter).lean<TTicketAttachmentDoc[]>(),
  ]);
  const changes: { at: number; change: CustomerTicketChange }[] = [];
  for (const m of messages) {
    if (m.visibility !== 'public') continue;
    const change = {
      type: 'ticket.message' as const,
      ticketId: String(m.workOrderId),
      message: toCustomerMessage(m, attachments),
    };
    changes.push({ at: m.createdAt.getTime(), change });
  }
  for (const t of mine) {
    for (const h of t.statusHistory ?? []) {
      if (h.at <= since || !h.from) continue;
      changes.push({
        at: h.at.getTime(),
        change: { type: 'ticket.status', ticketId: String(t._id), status: h.to, at: h.at.toISOString() },
      });
    }
  }
  return changes.sort((a, b) => a.at - b.at).map((c) => c.change);
}

/**
 * What a desk stream missed since `since`, from the database, oldest first: tickets opened
 * (`ticket.created`), tickets changed in any way (`ticket.changed` with no fields: re-read it), public
 * messages and internal-note ids. Desk pages re-read what an event names, so this is all they need;
 * presence is not replayed (it is renewed every few seconds anyway).
 */
export async function staffTicketChangesSince(ctx: TicketContext, since: Date): Promise<TStaffDeskEvent[]> {
  const tenantId = ctx.tenant._id;
  const [touched, messages] = await Promise.all([
    TicketModel.find(
      { tenantId, updatedAt: { $gt: since } },
      { ticketNumber: 1, customerId: 1, tenantId: 1, createdAt: 1, updatedAt: 1 },
    ).lean<Pick<TTicketDoc, '_id' | 'ticketNumber' | 'customerId' | 'tenantId' | 'createdAt' | 'updatedAt'>[]>(),
    TicketMessageModel.find({ tenantId, createdAt: { $gt: since } }).lean<TTicketMessageDoc[]>(),
  ]);
  const ours = touched.filter((t) => String(t.tenantId) === String(tenantId));
  const customerOf = new Map(ours.map((t) => [String(t._id), t.customerId]));
  const events: { at: number; event: TStaffDeskEvent }[] = [];
  for (const t of ours) {
    const ticketId = String(t._id);
    events.push(
      t.createdAt > since
        ? { at: t.createdAt.getTime(), event: { type: 'ticket.created', ticketId, ticketNumber: t.ticketNumber } }
        : { at: t.updatedAt.getTime(), event: { type: 'ticket.changed', ticketId, fields: [] } },
    );
  }
  for (const m of messages.filter((m) => String(m.tenantId) === String(tenantId))) {
    const ticketId = String(m.workOrderId);
    const at = m.createdAt.getTime();
    const customerId = customerOf.get(ticketId);
    if (m.visibility === 'internal')
      events.push({ at, event: { type: 'ticket.note', ticketId, messageId: String(m._id) } });
    else if (customerId)
      events.push({
        at,
        event: {
          type: 'ticket.message',
          ticketId,
          customerId,
          message: { id: String(m._id), authorType: m.authorType, createdAt: m.createdAt.toISOString() },
        },
      });
  }
  return events.sort((a, b) => a.at - b.at).map((e) => e.event);
}
