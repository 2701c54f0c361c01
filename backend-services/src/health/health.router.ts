import { Router } from 'express';
import type { Auth } from 'firebase-admin/auth';
import { pingDatabase } from '../platform/db/mongo.ts';
import { pingAuth } from '../platform/auth/firebase.ts';

export const APP_VERSION = process.env.npm_package_version ?? '0.1.0';

export function healthRouter(auth: Auth): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [db, authOk] = await Promise.all([pingDatabase(), pingAuth(auth)]);
    const ok = db && authOk;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      checks: { database: db ? 'ok' : 'unreachable', auth: authOk ? 'ok' : 'unreachable' },
      version: APP_VERSION,
    });
  });
  return router;
}
