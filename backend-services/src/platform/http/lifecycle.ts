import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { endAllEventStreams } from './event-stream.ts';

/**
 * What a process knows about its own life: requests in flight (event streams included: shutdown ends
 * them first) and whether it is draining. Readiness answers 503 while draining, so the load balancer
 * sends nothing new here.
 */
export type Lifecycle = {
  readonly draining: boolean;
  readonly inFlight: number;
  track: RequestHandler;
  startDraining(): void;
  /** Resolves once no request is in flight (or at once when none is). */
  idle(): Promise<void>;
};

export function createLifecycle(): Lifecycle {
  let draining = false;
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (inFlight > 0) return;
    for (const w of waiters) w();
    waiters = [];
  };
  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    track: (_req, res, next) => {
      // Keep-alive connections would keep bringing requests to a process that is leaving.
      if (draining) res.setHeader('Connection', 'close');
      inFlight++;
      let done = false;
      const finished = () => {
        if (done) return;
        done = true;
        inFlight--;
        settle();
      };
      res.on('finish', finished);
      res.on('close', finished);
      next();
    },
    startDraining() {
      draining = true;
    },
    idle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

export type ShutdownSteps = {
  server: Server;
  lifecycle: Lifecycle;
  logger: Logger;
  graceMs: number;
  /** After requests: stop background work (the outbox finishes the send it is in), then close connections. */
  stopWork: () => Promise<void>;
  closeConnections: () => Promise<void>;
};

/**
 * SIGTERM: stop accepting connections, end event streams with a retry hint (browsers reconnect to
 * another process and replay what they miss), let requests in flight finish, let the outbox finish
 * its current send, then close the database and Redis. Resolves true when everything finished
 * within the grace period, false when it had to cut.
 */
export async function shutDownGracefully(steps: ShutdownSteps): Promise<boolean> {
  const { server, lifecycle, logger } = steps;
  const startedAt = Date.now();
  lifecycle.startDraining();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const streams = endAllEventStreams();
  server.closeIdleConnections();
  logger.info({ streams, inFlight: lifecycle.inFlight }, 'draining: no new connections, event streams ended');
  const grace = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), steps.graceMs).unref());
  const drained = await Promise.race([lifecycle.idle().then(() => 'idle' as const), grace]);
  const stopped = await Promise.race([steps.stopWork().then(() => 'stopped' as const), grace]);
  server.closeAllConnections();
  await Promise.race([closed, grace]);
  await steps.closeConnections().catch((err: unknown) => logger.warn({ err }, 'closing connections failed'));
  const clean = drained === 'idle' && stopped === 'stopped';
  logger.info({ ms: Date.now() - startedAt, clean, inFlightLeft: lifecycle.inFlight }, 'shut down');
  return clean;
}
