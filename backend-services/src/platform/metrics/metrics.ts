import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { openEventStreams } from '../http/event-stream.ts';
import { isWebServerAddress } from '../http/client-address.ts';
import { AppError } from '../http/app-error.ts';
import { OutboxMessageModel } from '../../notifications/outbox.model.ts';

/**
 * The process's Prometheus metrics. One registry per process (module state): every app built in it
 * reports into the same series, as one process serves one app in production.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an API request, by route template, method and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const rateLimitRefusals = new Counter({
  name: 'rate_limit_refusals_total',
  help: 'Requests refused with 429 by a rate-limit rule.',
  labelNames: ['rule'] as const,
  registers: [registry],
});

new Gauge({
  name: 'event_streams_open',
  help: 'Server-Sent Event streams open on this process.',
  registers: [registry],
  collect() {
    this.set(openEventStreams());
  },
});

/*
 * Unsafe on purpose: the outbox is one queue for every tenant, and these two numbers say how far
 * behind it is as a whole. Nothing here reaches a request but the totals.
 */
new Gauge({
  name: 'outbox_pending_messages',
  help: 'Emails waiting in the outbox (all tenants).',
  registers: [registry],
  async collect() {
    this.set(await OutboxMessageModel.countDocuments({ status: 'pending' }));
  },
});
new Gauge({
  name: 'outbox_oldest_pending_age_seconds',
  help: 'Age of the oldest email still waiting in the outbox (0 when none waits).',
  registers: [registry],
  async collect() {
    const oldest = await OutboxMessageModel.findOne({ status: 'pending' }, { createdAt: 1 })
      .sort({ createdAt: 1 })
      .lean<{ createdAt: Date }>();
    this.set(oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0);
  },
});

export function countRateLimitRefusal(rules: string[]): void {
  for (const rule of rules) rateLimitRefusals.inc({ rule });
}

/** Times every request, labelled with the route template (never the raw path: ids would explode the series). */
export const measureRequests: RequestHandler = (req, res, next) => {
  const end = requestDuration.startTimer();
  res.on('finish', () => {
    if (res.getHeader('Content-Type')?.toString().startsWith('text/event-stream')) return;
    const route = req.route ? `${req.baseUrl}${String((req.route as { path: string }).path)}` : 'unmatched';
    end({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
};

/**
 * Not public: answered to a direct peer on loopback or a private network (a scraper beside the
 * processes, not a request the web server or the TLS proxy passed on), or to anyone with the
 * `METRICS_TOKEN` bearer. Everyone else gets the same 404 as for any unknown path.
 */
export function metricsEndpoint(token: string | undefined): RequestHandler {
  return async (req, res, next) => {
    const proxied = Boolean(req.headers['x-forwarded-for'] || req.headers.forwarded || req.headers['x-forwarded-host']);
    const direct = !proxied && isWebServerAddress(req.socket.remoteAddress ?? '');
    if (!direct && !bearerMatches(req.headers.authorization, token))
      return next(AppError.notFound('No such endpoint.'));
    res.setHeader('Content-Type', registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.end(await registry.metrics());
  };
}

function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
