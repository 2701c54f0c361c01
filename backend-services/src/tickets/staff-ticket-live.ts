import type { Request, Response } from 'express';
import { ZStaffDeskEvent } from '@wisp/shared';
import type { TicketContext } from './ticket-context.ts';
import { requireAccess } from '../platform/access/access.ts';
import { subscribeToTenantTickets } from './ticket-events.ts';
import { sessionStillLive, type StreamOptions } from './ticket-live.ts';

/**
 * Server-Sent Events for the desk: everything of the tenant's tickets that staff pages react to (new
 * tickets, changes, public messages, internal-note ids, presence). Only staff reach it; customers'
 * streams listen on their own channel. Each event is checked against the shared staff event schema, so
 * nothing else that travels on the tenant's channel leaks out by accident.
 */
export async function streamStaffTicketEvents(
  ctx: TicketContext,
  req: Request,
  res: Response,
  opts: StreamOptions,
): Promise<void> {
  const { actor } = await requireAccess(ctx, 'ticket.events');
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  req.socket.setNoDelay(true);
  req.socket.setTimeout(0);
  res.write('retry: 5000\n: connected\n\n');
  const unsubscribe = subscribeToTenantTickets(String(ctx.tenant._id), (raw) => {
    const event = ZStaffDeskEvent.safeParse(raw);
    if (event.success) res.write(`event: ${event.data.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
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
        res.write(`event: session.ended\ndata: {"type":"session.ended"}\n\n`);
        stop();
        res.end();
      })
      .catch(() => undefined);
  }, opts.heartbeatMs);
  req.on('close', stop);
}
