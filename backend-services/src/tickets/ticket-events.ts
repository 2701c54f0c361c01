import { EventEmitter } from 'node:events';
import type { TCustomerTicketMessage, TTicketStatus } from '@wisp/shared';

/**
 * What a customer's open portal pages hear about their tickets. Only these two shapes exist, and a
 * message event carries a customer view (built by tickets.views.ts from a public message): there is no
 * way to publish an internal note here.
 */
export type CustomerTicketChange =
  | { type: 'ticket.message'; ticketId: string; message: TCustomerTicketMessage }
  | { type: 'ticket.status'; ticketId: string; status: TTicketStatus; at: string };

/**
 * In-process only. FerretDB has no change streams, and this emitter reaches only the subscribers of this
 * process: a deployment with several backend processes needs a shared bus (Redis pub/sub, or polling a
 * small events collection in MongoDB) before it can scale out.
 */
const bus = new EventEmitter();
bus.setMaxListeners(0);

const channelOf = (tenantId: string, customerId: string) => `${tenantId}:${customerId}`;

export function publishCustomerTicketChange(tenantId: string, customerId: string, change: CustomerTicketChange): void {
  bus.emit(channelOf(tenantId, customerId), change);
}

/** Returns the unsubscribe function. */
export function subscribeToCustomerTickets(tenantId: string, customerId: string, listener: (change: CustomerTicketChange) => void): () => void {
  const channel = channelOf(tenantId, customerId);
  bus.on(channel, listener);
  return () => bus.off(channel, listener);
}
