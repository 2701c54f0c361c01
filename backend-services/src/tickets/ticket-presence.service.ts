import type { TDeskViewer, TPresenceRequest } from '@wisp/shared';
import { requireAccess } from '../platform/access/access.ts';
import { setPresence, viewersOf } from '../desk/presence.ts';
import type { TicketContext } from './ticket-context.ts';

/** A staff page's heartbeat on a ticket; answers who else is on it. */
export async function reportPresence(
  ctx: TicketContext,
  id: string,
  state: TPresenceRequest['state'],
): Promise<TDeskViewer[]> {
  const [ticket] = await requireAccess(ctx, 'ticket.presence', [id]);
  const me = ctx.actor.kind === 'staff' ? ctx.actor.email : '';
  setPresence(String(ctx.tenant._id), String(ticket._id), me, state);
  return viewersOf(String(ctx.tenant._id), String(ticket._id), me);
}
