import { EventEmitter } from 'node:events';

/**
 * Live updates fan out through the app (FerretDB has no change streams). Events are plain JSON with a
 * `type`, so a transport across processes (Redis pub/sub, a polled events collection) can carry them;
 * `publish` is async for the same reason.
 */
export type BusEvent = { type: string };
export type Unsubscribe = () => void;

export interface EventBus {
  publish(channel: string, event: BusEvent): Promise<void>;
  subscribe<E extends BusEvent = BusEvent>(channel: string, listener: (event: E) => void): Unsubscribe;
  /**
   * Told when this process may have missed events (its link to the other processes dropped, or came
   * back): open streams end with a retry hint, and the browser reconnects with `Last-Event-ID` and gets
   * what it missed from the database. The in-process transport never misses anything.
   */
  onGap(listener: () => void): Unsubscribe;
  /** Whether events reach the other processes now (readiness); always true in-process. */
  ready(): boolean;
  close(): Promise<void>;
}

/**
 * Channels: everything of a tenant (staff listen here), one customer's own events, and the platform's
 * presence heartbeats (every process keeps a copy; nothing on it reaches a browser as such).
 */
export const channels = {
  presence: 'platform:presence',
  tenant: (tenantId: string) => `tenant:${tenantId}`,
  customer: (tenantId: string, customerId: string) => `tenant:${tenantId}:customer:${customerId}`,
};

/**
 * The default: subscribers of this process only. Each event is sent as its JSON text and parsed per
 * delivery, as a transport across processes would, so nothing that cannot cross a process boundary
 * (dates, class instances, shared references) works here by accident.
 */
export function inProcessEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, event) {
      const wire = JSON.stringify(event);
      await new Promise<void>((resolve) => setImmediate(resolve));
      emitter.emit(channel, wire);
    },
    subscribe(channel, listener) {
      const onWire = (wire: string) => listener(JSON.parse(wire) as Parameters<typeof listener>[0]);
      emitter.on(channel, onWire);
      return () => emitter.off(channel, onWire);
    },
    onGap: () => () => undefined,
    ready: () => true,
    close: async () => undefined,
  };
}

let bus: EventBus = inProcessEventBus();

/** The process's bus. */
export const eventBus = (): EventBus => bus;

/** Swaps the transport at start-up (e.g. for one that reaches every backend process). */
export function useEventBus(next: EventBus): void {
  bus = next;
}
