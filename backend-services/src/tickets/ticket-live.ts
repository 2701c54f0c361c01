import type { Request, Response } from 'express';
import { findCustomerOrThrow, type TicketContext } from './ticket-context.ts';
import { subscribeToCustomerTickets, type CustomerTicketChange } from './ticket-events.ts';
import { countTicketsWithUnreadReplies } from './tickets.service.ts';

export const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events for one customer's tickets: `ticket.message` (public messages only: the bus
 * cannot carry anything else), `ticket.status`, and `unread` (tickets with unread staff replies) after
 * each change. Headers are flushed at once and nothing is compressed or buffered on the way out.
 */
export async function streamCustomerTicketEvents(ctx: TicketContext, customerId: string, req: Request, res: Response): Promise<void> {
  await findCustomerOrThrow(ctx, customerId);
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  // nginx and similar proxies otherwise hold the stream in their buffer.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  req.socket.setNoDelay(true);
  req.socket.setTimeout(0);

  const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const sendUnread = async () => send('unread', { type: 'unread', unreadTickets: await countTicketsWithUnreadReplies(ctx, customerId) });

  res.write('retry: 5000\n: connected\n\n');
  const unsubscribe = subscribeToCustomerTickets(String(ctx.tenant._id), customerId, (change: CustomerTicketChange) => {
    send(change.type, change);
    sendUnread().catch(() => undefined);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  await sendUnread();
}
