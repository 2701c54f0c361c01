import type { TCustomerTicketEvent } from '@wisp/shared';
import { customerTicketsPath } from '$lib/portal/api-paths';

export type TicketEventHandlers = {
  [K in TCustomerTicketEvent['type']]?: (event: Extract<TCustomerTicketEvent, { type: K }>) => void;
} & { onConnectionChange?: (connected: boolean) => void };

/**
 * Subscribes to the signed-in customer's ticket events (Server-Sent Events through the one-origin
 * /api proxy). EventSource reconnects by itself after a drop (the server sends `retry:`); returns a
 * function that closes the stream, for component teardown.
 */
export function subscribeToTicketEvents(customerId: string, handlers: TicketEventHandlers): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(customerTicketsPath(customerId, 'events'));
  const listen = (type: TCustomerTicketEvent['type']) =>
    source.addEventListener(type, (e) => {
      let data: TCustomerTicketEvent;
      try {
        data = JSON.parse((e as MessageEvent<string>).data) as TCustomerTicketEvent;
      } catch {
        return;
      }
      (handlers[type] as ((d: TCustomerTicketEvent) => void) | undefined)?.(data);
    });
  listen('ticket.message');
  listen('ticket.status');
  listen('unread');
  source.addEventListener('open', () => handlers.onConnectionChange?.(true));
  source.addEventListener('error', () => handlers.onConnectionChange?.(false));
  return () => source.close();
}
