import { Router } from 'express';
import { ZStaffLoginRequest } from '@wisp/shared';
import { clearSessionCookie, setSessionCookie } from '../platform/auth/session-cookie.ts';
import { endSession } from '../platform/auth/session.service.ts';
import { validate } from '../platform/http/validate.ts';
import type { AuthDeps } from '../customer-auth/customer-login.service.ts';
import { clientOf } from '../customer-auth/customer-auth.router.ts';
import { logInStaff } from './staff-auth.service.ts';

/** `/api/staff/auth/*`: the staff side's sign-in, same session mechanism, role in the session. */
export function staffAuthRouter(deps: AuthDeps): Router {
  const router = Router();

  router.post('/login', validate('body', ZStaffLoginRequest), async (req, res) => {
    const { staff, session } = await logInStaff(deps, req.tenant, res.locals.body, clientOf(req));
    setSessionCookie(req, res, session.token, session.absoluteExpiresAt);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ staff, tenant: { slug: req.tenant.slug } });
  });

  router.post('/logout', async (req, res) => {
    if (req.actor) await endSession(req.actor.sessionId);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
