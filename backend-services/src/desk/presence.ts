import type { TDeskViewer } from '@wisp/shared';
import { publishStaffEvent } from '../tickets/ticket-events.ts';

/**
 * Who has which ticket open, and who is typing. Pages send a heartbeat (`viewing` or `typing`) every
 * few seconds; an entry without one for `ttlMs` is dropped and staff pages are told (`gone`). Kept in
 * this process's memory: presence is short-lived and losing it on a restart costs one heartbeat.
 */
type Entry = { state: TDeskViewer['state']; expiresAt: number };
const tenants = new Map<string, Map<string, Map<string, Entry>>>();
let sweeper: NodeJS.Timeout | undefined;

export const presenceSettings = { ttlMs: 30_000, sweepMs: 5_000 };

function ticketsOf(tenantId: string) {
  let tickets = tenants.get(tenantId);
  if (!tickets) tenants.set(tenantId, (tickets = new Map()));
  return tickets;
}

/** Records a heartbeat (or `gone`) and tells staff pages when the state changed. */
export function setPresence(tenantId: string, ticketId: string, email: string, state: TDeskViewer['state'] | 'gone') {
  const tickets = ticketsOf(tenantId);
  const viewers = tickets.get(ticketId) ?? new Map<string, Entry>();
  const before = viewers.get(email)?.state;
  if (state === 'gone') viewers.delete(email);
  else viewers.set(email, { state, expiresAt: Date.now() + presenceSettings.ttlMs });
  if (viewers.size) tickets.set(ticketId, viewers);
  else tickets.delete(ticketId);
  if (before !== (state === 'gone' ? undefined : state))
    publishStaffEvent(tenantId, { type: 'presence', ticketId, email, state });
  startSweeper();
}

/** The live viewers of a ticket, optionally without the one asking. */
export function viewersOf(tenantId: string, ticketId: string, except?: string): TDeskViewer[] {
  const now = Date.now();
  return [...(tenants.get(tenantId)?.get(ticketId)?.entries() ?? [])]
    .filter(([email, e]) => e.expiresAt > now && email !== except)
    .map(([email, e]) => ({ email, state: e.state }));
}

function startSweeper() {
  if (sweeper) return;
  sweeper = setInterval(sweepExpired, presenceSettings.sweepMs);
  sweeper.unref();
}

/** Drops entries whose heartbeat stopped (a closed tab, a lost connection) and says so. */
export function sweepExpired(now = Date.now()) {
  for (const [tenantId, tickets] of tenants) {
    for (const [ticketId, viewers] of tickets) {
      for (const [email, entry] of viewers) {
        if (entry.expiresAt > now) continue;
        viewers.delete(email);
        publishStaffEvent(tenantId, { type: 'presence', ticketId, email, state: 'gone' });
      }
      if (!viewers.size) tickets.delete(ticketId);
    }
    if (!tickets.size) tenants.delete(tenantId);
  }
  if (!tenants.size && sweeper) {
    clearInterval(sweeper);
    sweeper = undefined;
  }
}
