import type { Logger } from 'pino';
import { inProcessEventBus, type EventBus } from './event-bus.ts';
import { redisEventBus } from './redis-event-bus.ts';

/** Redis when `REDIS_URL` is set (several processes), else this process only (the embedded default). */
export function eventBusFor(redisUrl: string | undefined, logger: Logger): EventBus {
  return redisUrl ? redisEventBus(redisUrl, logger) : inProcessEventBus();
}
