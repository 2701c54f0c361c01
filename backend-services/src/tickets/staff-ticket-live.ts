import type { Request, Response } from 'express';
import { ZStaffDeskEvent } from '@wisp/shared';
import type { TicketContext } from './ticket-context.ts';
import { requireAccess } from '../platform/access/access.ts';
import { openEventStream } from '../platform/http/event-stream.ts';
import { subscribeToTenantTickets } from './ticket-events.ts';
import { sessionStillLive, type StreamOptions } from './ticket-live.ts';
import { replaySince, staffTicketChangesSince } from './ticket-replay.ts';

/**
 * Server-Sent Events for the desk: everything of the tenant's tickets that staff pages react to (new
 * tickets, changes, public messages, internal-note ids, presence). Only staff reach it; customers'
 * streams listen on their own channel. Each event is checked against the shared staff event schema, so
 * nothing else that travels on the tenant's channel leaks out by accident. Each event carries an id (the
 * time it was sent); a page reconnecting with `Last-Event-ID` first gets what changed meanwhile, from the
 * database, so a restart, another process or a Redis blip loses nothing.
 */
export async function streamStaffTicketEvents(
  ctx: TicketContext,
  req: Request,
  res: Response,
  opts: StreamOptions,
): Promise<void> {
  const { actor } = await requireAccess(ctx, 'ticket.events');
  const stream = openEventStream(req, res);
  // Subscribe before reading the database, so nothing falls between the replay and the live events.
  const unsubscribe = subscribeToTenantTickets(String(ctx.tenant._id), (raw) => {
    const event = ZStaffDeskEvent.safeParse(raw);
    if (event.success) stream.send(event.data.type, event.data, String(Date.now()));
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
  if (since)
    for (const event of await staffTicketChangesSince(ctx, since)) stream.send(event.type, event, String(Date.now()));
}
