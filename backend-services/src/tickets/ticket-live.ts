import type { Request, Response } from 'express';
import type { TicketContext } from './ticket-context.ts';
import { requireOwnAccess } from '../platform/access/access.ts';
import { findCustomerOrThrow } from '../customers/customers.service.ts';
import { openEventStream } from '../platform/http/event-stream.ts';
import { subscribeToCustomerTickets, type CustomerTicketChange } from './ticket-events.ts';
import { customerTicketChangesSince, eventIdOf, replaySince } from './ticket-replay.ts';
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
 * each change. Each change carries an id (its time); a browser reconnecting with `Last-Event-ID` first
 * gets what happened meanwhile, read from the database, so a restart or a Redis blip loses nothing.
 */
export async function streamCustomerTicketEvents(
  ctx: TicketContext,
  req: Request,
  res: Response,
  opts: StreamOptions,
): Promise<void> {
  const { actor, customerId } = await requireOwnAccess(ctx, 'ticket.events.own');
  await findCustomerOrThrow(ctx.tenant, customerId);
  const stream = openEventStream(req, res);
  const send = (change: CustomerTicketChange) => stream.send(change.type, change, eventIdOf(change));
  const sendUnread = async () =>
    stream.send('unread', { type: 'unread', unreadTickets: await countTicketsWithUnreadReplies(ctx, customerId) });

  // Subscribe before reading the database, so nothing falls between the replay and the live events.
  const unsubscribe = subscribeToCustomerTickets(String(ctx.tenant._id), customerId, (change) => {
    send(change);
    sendUnread().catch(() => undefined);
  });
  const heartbeat = setInterval(() => {
    stream.comment('heartbeat');
    sessionStillLive(actor.sessionId, opts.idleMinutes)
      .then((live) => {
        if (live) return;
        stream.send('session.ended', { type: 'session.ended' });
        stream.end();
      })
      .catch(() => undefined);
  }, opts.heartbeatMs);
  stream.onEnd(() => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  const since = replaySince(req.get('Last-Event-ID'));
  if (since) for (const change of await customerTicketChangesSince(ctx, customerId, since)) send(change);
  await sendUnread();
}
