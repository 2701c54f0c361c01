import type { Request, Response } from 'express';
import type { TicketContext } from './ticket-context.ts';
import { requireOwnAccess } from '../platform/access/access.ts';
import { findCustomerOrThrow } from '../customers/customers.service.ts';
import { subscribeToCustomerTickets, type CustomerTicketChange } from './ticket-events.ts';
import { countTicketsWithUnreadReplies } from './tickets.service.ts';
import { SessionModel } from '../platform/auth/session.model.ts';

export type StreamOptions = { heartbeatMs: number; idleMinutes: number };

/**
 * A stream outlives the request that opened it, so at each heartbeat we look again whether its session
 * still exists (signed out, revoked, expired → the stream ends). Read-only on purpose: an open tab must
 * not keep a session alive past its idle timeout.
 */
export async function sessionStillLive(sessionId: string, idleMinutes: number, now = new Date()): Promise<boolean> {
  const session = await SessionModel.findById(sessionId, { lastSeenAt: 1, absoluteExpiresAt: 1 }).lean();
  if (!session) return false;
  return now < session.absoluteExpiresAt && now.getTime() <= session.lastSeenAt.getTime() + idleMinutes * 60_000;
}

/**
 * Server-Sent Events for one customer's tickets: `ticket.message` (public messages only: the bus
 * cannot carry anything else), `ticket.status`, and `unread` (tickets with unread staff replies) after
 * each change. Headers are flushed at once and nothing is compressed or buffered on the way out.
 */
export async function streamCustomerTicketEvents(
  ctx: TicketContext,
  req: Request,
  res: Response,
  opts: StreamOptions,
): Promise<void> {
  const { actor, customerId } = await requireOwnAccess(ctx, 'ticket.events.own');
  await findCustomerOrThrow(ctx.tenant, customerId);
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
  const sendUnread = async () =>
    send('unread', { type: 'unread', unreadTickets: await countTicketsWithUnreadReplies(ctx, customerId) });

  res.write('retry: 5000\n: connected\n\n');
  const unsubscribe = subscribeToCustomerTickets(String(ctx.tenant._id), customerId, (change: CustomerTicketChange) => {
    send(change.type, change);
    sendUnread().catch(() => undefined);
  });
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  const heartbeat = setInterval(() => {
    res.write(': heartbeat\n\n');
    sessionStillLive(actor.sessionId, opts.idleMinutes)
      .then((live) => {
        if (live) return;
        send('session.ended', { type: 'session.ended' });
        stop();
        res.end();
      })
      .catch(() => undefined);
  }, opts.heartbeatMs);
  req.on('close', stop);
  await sendUnread();
}
