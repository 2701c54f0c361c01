import { randomUUID } from 'node:crypto';
import type { TDeskViewer } from '@wisp/shared';
import { channels, eventBus, type EventBus } from '../platform/events/event-bus.ts';
import { publishStaffEvent } from '../tickets/ticket-events.ts';

/**
 * Who has which ticket open, and who is typing. Pages send a heartbeat (`viewing` or `typing`) every
 * few seconds; an entry without one for `ttlMs` is dropped and staff pages are told (`gone`). Each
 * process keeps a copy in memory, fed by every process's heartbeats over the event bus, so a page
 * whose heartbeats land on process 1 is seen by a colleague whose page asks process 2. Presence is
 * short-lived: a process that starts late or misses a message is right again after one heartbeat.
 */
type State = TDeskViewer['state'];
type Entry = { state: State; expiresAt: number; origin: string };
type PresenceWire = {
  type: 'presence.heartbeat';
  origin: string;
  tenantId: string;
  ticketId: string;
  email: string;
  state: State | 'gone';
  expiresAt: number;
};
const tenants = new Map<string, Map<string, Map<string, Entry>>>();
/** This process, so it ignores its own heartbeats coming back and only it tells when its entry expires. */
const ME = randomUUID();
let sweeper: NodeJS.Timeout | undefined;
let synced: { bus: EventBus; off: () => void } | undefined;

export const presenceSettings = { ttlMs: 30_000, sweepMs: 5_000 };

function ticketsOf(tenantId: string) {
  let tickets = tenants.get(tenantId);
  if (!tickets) tenants.set(tenantId, (tickets = new Map()));
  return tickets;
}

/** Writes one heartbeat into this process's copy; answers the state it replaced. */
function apply(w: Omit<PresenceWire, 'type'>): State | undefined {
  const tickets = ticketsOf(w.tenantId);
  const viewers = tickets.get(w.ticketId) ?? new Map<string, Entry>();
  const before = viewers.get(w.email)?.state;
  if (w.state === 'gone') viewers.delete(w.email);
  else viewers.set(w.email, { state: w.state, expiresAt: w.expiresAt, origin: w.origin });
  if (viewers.size) tickets.set(w.ticketId, viewers);
  else tickets.delete(w.ticketId);
  if (!tickets.size) tenants.delete(w.tenantId);
  startSweeper();
  return before;
}

/** Listens to the other processes' heartbeats (at start-up, and again if the bus was swapped). */
export function startPresenceSync(): void {
  const bus = eventBus();
  if (synced?.bus === bus) return;
  synced?.off();
  const off = bus.subscribe<PresenceWire>(channels.presence, (w) => {
    if (w.type === 'presence.heartbeat' && w.origin !== ME) apply(w);
  });
  synced = { bus, off };
}

/** Records a heartbeat (or `gone`) and tells staff pages when the state changed. */
export function setPresence(tenantId: string, ticketId: string, email: string, state: State | 'gone') {
  startPresenceSync();
  const heartbeat = { origin: ME, tenantId, ticketId, email, state, expiresAt: Date.now() + presenceSettings.ttlMs };
  const before = apply(heartbeat);
  void eventBus()
    .publish(channels.presence, { type: 'presence.heartbeat', ...heartbeat })
    .catch(() => undefined);
  if (before !== (state === 'gone' ? undefined : state))
    publishStaffEvent(tenantId, { type: 'presence', ticketId, email, state });
}

/** The live viewers of a ticket, optionally without the one asking. */
export function viewersOf(tenantId: string, ticketId: string, except?: string): TDeskViewer[] {
  startPresenceSync();
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

/**
 * Drops entries whose heartbeat stopped (a closed tab, a lost connection). Every process drops them
 * from its copy; only the process that received the last heartbeat tells staff pages, so they hear it once.
 */
export function sweepExpired(now = Date.now()) {
  for (const [tenantId, tickets] of tenants) {
    for (const [ticketId, viewers] of tickets) {
      for (const [email, entry] of viewers) {
        if (entry.expiresAt > now) continue;
        viewers.delete(email);
        if (entry.origin === ME) publishStaffEvent(tenantId, { type: 'presence', ticketId, email, state: 'gone' });
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
