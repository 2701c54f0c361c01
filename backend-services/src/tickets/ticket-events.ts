import type { TCustomerTicketMessage, TStaffDeskEvent, TTicketStatus } from '@wisp/shared';
import { channels, eventBus, type Unsubscribe } from '../platform/events/event-bus.ts';

/**
 * What a customer's open portal pages hear about their tickets. Only these two shapes exist, and a
 * message event carries a customer view (built by tickets.views.ts from a public message): there is no
 * way to publish an internal note here.
 */
export type CustomerTicketChange =
  | { type: 'ticket.message'; ticketId: string; message: TCustomerTicketMessage }
  | { type: 'ticket.status'; ticketId: string; status: TTicketStatus; at: string };

/**
 * Told on the customer's channel and on the tenant's (where staff pages will listen). Live updates are
 * best effort: a page that missed one catches up when it reloads or reconnects, so a failed publish
 * never fails the write that caused it.
 */
export function publishCustomerTicketChange(tenantId: string, customerId: string, change: CustomerTicketChange): void {
  const bus = eventBus();
  const forStaff = { ...change, customerId };
  void Promise.all([
    bus.publish(channels.customer(tenantId, customerId), change),
    bus.publish(channels.tenant(tenantId), forStaff),
  ]).catch(() => undefined);
}

export function subscribeToCustomerTickets(
  tenantId: string,
  customerId: string,
  listener: (change: CustomerTicketChange) => void,
): Unsubscribe {
  return eventBus().subscribe<CustomerTicketChange>(channels.customer(tenantId, customerId), listener);
}

/**
 * What only staff pages hear, on the tenant's channel (customers' streams listen on their own
 * channel only, so nothing published here reaches them).
 */
export function publishStaffEvent(tenantId: string, event: TStaffDeskEvent): void {
  void eventBus()
    .publish(channels.tenant(tenantId), event)
    .catch(() => undefined);
}

export function subscribeToTenantTickets(tenantId: string, listener: (event: { type: string }) => void): Unsubscribe {
  return eventBus().subscribe(channels.tenant(tenantId), listener);
}
