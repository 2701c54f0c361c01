import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import { ZHealth, ZLiveness, ZReadiness } from '@wisp/shared';
import type { Auth } from 'firebase-admin/auth';
import { pingDatabase } from '../platform/db/mongo.ts';
import { pingAuth } from '../platform/auth/firebase.ts';
import { eventBus } from '../platform/events/event-bus.ts';
import type { Lifecycle } from '../platform/http/lifecycle.ts';

export const APP_VERSION = process.env.npm_package_version ?? '0.1.0';

/** A check that does not answer within this time counts as down, so a probe never hangs. */
const CHECK_TIMEOUT_MS = 1_500;
const within = (check: Promise<boolean>) =>
  Promise.race([check, new Promise<boolean>((r) => setTimeout(() => r(false), CHECK_TIMEOUT_MS).unref())]);

/**
 * `/api/health/live`: the process runs (restart it when this fails). `/api/health/ready`: it can serve
 * (database, and Redis when configured) and is not draining; the load balancer sends traffic only
 * while this is 200. `/api/health` stays as it was for existing callers (database and auth).
 */
export function healthRouter(auth: Auth, opts: { lifecycle: Lifecycle; redisConfigured: boolean }): Router {
  const router = Router();
  router.get('/', responds({ 200: ZHealth, 503: ZHealth }), async (_req, res) => {
    const [db, authOk] = await Promise.all([pingDatabase(), pingAuth(auth)]);
    const ok = db && authOk;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      checks: { database: db ? 'ok' : 'unreachable', auth: authOk ? 'ok' : 'unreachable' },
      version: APP_VERSION,
    });
  });
  router.get('/live', responds({ 200: ZLiveness }), (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok', version: APP_VERSION });
  });
  router.get('/ready', responds({ 200: ZReadiness, 503: ZReadiness }), async (_req, res) => {
    const db = await within(pingDatabase());
    const checks: Record<string, string> = { database: db ? 'ok' : 'unreachable' };
    let ok = db;
    if (opts.redisConfigured) {
      const redis = eventBus().ready();
      checks.redis = redis ? 'ok' : 'unreachable';
      ok &&= redis;
    }
    if (opts.lifecycle.draining) {
      checks.process = 'draining';
      ok = false;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'unavailable', checks, version: APP_VERSION });
  });
  return router;
}
