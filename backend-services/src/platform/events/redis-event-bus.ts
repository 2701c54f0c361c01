import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { EventBus } from './event-bus.ts';

/**
 * The bus across backend processes: every process publishes to Redis and subscribes there to the
 * channels its open streams listen on. Live updates are best effort: while Redis is away a publish is
 * delivered to this process's own listeners only (it never waits for Redis, so no request hangs), and
 * the streams are told of the gap twice (when the link drops and when it is back) so they reconnect and
 * replay what they missed from the database.
 */
export function redisEventBus(url: string, logger: Logger): EventBus {
  const options = {
    // A request must never wait for Redis: commands fail at once while it is away, and reconnecting
    // goes on in the background every second at most.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times: number) => Math.min(times * 200, 1_000),
    lazyConnect: false,
  };
  const publisher = new Redis(url, { ...options, connectionName: 'wisp-bus-pub' });
  // The subscriber keeps its queue: the SUBSCRIBE of a stream opened while Redis is away is sent on return.
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, connectionName: 'wisp-bus-sub' });
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const gaps = new EventEmitter();
  gaps.setMaxListeners(0);
  const counts = new Map<string, number>();
  let connected = false;
  let closing = false;

  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (err: Error) => logger.warn({ err: err.message, client: name }, 'redis event bus error'));
  }
  subscriber.on('ready', () => {
    const wasDown = !connected;
    connected = true;
    if (wasDown) {
      logger.info('redis event bus connected');
      gaps.emit('gap');
    }
  });
  subscriber.on('close', () => {
    if (!connected || closing) return;
    connected = false;
    logger.warn('redis event bus lost its connection; streams will replay on reconnect');
    gaps.emit('gap');
  });
  subscriber.on('message', (channel: string, wire: string) => local.emit(channel, wire));

  const deliverLocally = (channel: string, wire: string): void => {
    setImmediate(() => local.emit(channel, wire));
  };

  return {
    async publish(channel, event) {
      const wire = JSON.stringify(event);
      if (publisher.status !== 'ready') return deliverLocally(channel, wire);
      try {
        await publisher.publish(channel, wire);
      } catch {
        deliverLocally(channel, wire);
      }
    },
    subscribe(channel, listener) {
      const onWire = (wire: string) => listener(JSON.parse(wire) as Parameters<typeof listener>[0]);
      local.on(channel, onWire);
      const n = (counts.get(channel) ?? 0) + 1;
      counts.set(channel, n);
      if (n === 1) subscriber.subscribe(channel).catch(() => undefined);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        local.off(channel, onWire);
        const left = (counts.get(channel) ?? 1) - 1;
        if (left > 0) return void counts.set(channel, left);
        counts.delete(channel);
        subscriber.unsubscribe(channel).catch(() => undefined);
      };
    },
    onGap(listener) {
      gaps.on('gap', listener);
      return () => gaps.off('gap', listener);
    },
    ready: () => connected && publisher.status === 'ready',
    async close() {
      closing = true;
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
