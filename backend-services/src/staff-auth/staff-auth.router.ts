import { Router } from 'express';
import { NO_CONTENT, responds } from '../platform/openapi/responds.ts';
import {
  ZStaffAuthConfig,
  ZStaffPasswordSet,
  ZStaffSignedIn,
  ZStaffResetAnswer,
  ZStaffResetRequest,
  ZStaffSessionRequest,
  ZStaffSetPasswordRequest,
  type TStaffSignedIn,
} from '@wisp/shared';
import { allow } from '../platform/access/access.ts';
import { clearSessionCookie, setSessionCookie } from '../platform/auth/session-cookie.ts';
import { endSession } from '../platform/auth/session.service.ts';
import { validate } from '../platform/http/validate.ts';
import type { AuthDeps } from '../customer-auth/customer-login.service.ts';
import { clientOf } from '../customer-auth/customer-auth.router.ts';
import {
  exchangeStaffIdToken,
  requireStaffHost,
  signOutStaffEverywhere,
  staffAuthConfig,
} from './staff-auth.service.ts';
import { requestStaffPasswordReset, setStaffPassword } from '../team/staff-invite.service.ts';

/**
 * `/api/staff/auth/*`: the staff side's one sign-in path. The sign-in page signs in with the Firebase
 * JS SDK and trades the ID token here for the same kind of server session customers have.
 */
export function staffAuthRouter(deps: AuthDeps): Router {
  const router = Router();

  router.get('/config', responds({ 200: ZStaffAuthConfig }), (req, res) => {
    requireStaffHost(req.staffHost);
    res.json(staffAuthConfig(deps.config));
  });

  router.post(
    '/session',
    responds({ 200: ZStaffSignedIn }),
    validate('body', ZStaffSessionRequest),
    async (req, res) => {
      const { session, ...signedIn } = await exchangeStaffIdToken(
        deps,
        req.tenant,
        req.staffHost,
        res.locals.body,
        clientOf(req),
      );
      setSessionCookie(req, res, session.token, session.absoluteExpiresAt);
      res.setHeader('Cache-Control', 'no-store');
      res.json(signedIn satisfies TStaffSignedIn);
    },
  );

  // Forgot password: the same 202 whether or not the account exists.
  router.post(
    '/reset-password',
    responds({ 202: ZStaffResetAnswer }),
    validate('body', ZStaffResetRequest),
    async (req, res) => {
      await requestStaffPasswordReset(deps, req.tenant, req.staffHost, res.locals.body, clientOf(req));
      res.status(202).json(ZStaffResetAnswer.parse({ sent: true }));
    },
  );

  // The emailed link of an invitation or a reset: choose the password (the page then signs in).
  router.post(
    '/set-password',
    responds({ 200: ZStaffPasswordSet }),
    validate('body', ZStaffSetPasswordRequest),
    async (req, res) => {
      const answer = await setStaffPassword(deps, req.tenant, req.staffHost, res.locals.body, clientOf(req));
      res.setHeader('Cache-Control', 'no-store');
      res.json(ZStaffPasswordSet.parse(answer));
    },
  );

  router.post('/logout', responds({ 204: NO_CONTENT }), async (req, res) => {
    if (req.actor) await endSession(req.actor.sessionId);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.post('/logout-everywhere', allow('staffSession.endAll'), responds({ 204: NO_CONTENT }), async (req, res) => {
    await signOutStaffEverywhere(deps.auth, { tenant: req.tenant, actor: req.actor });
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
