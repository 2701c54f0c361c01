import { Router, type Request, type Response } from 'express';
import { NO_CONTENT, responds } from '../platform/openapi/responds.ts';
import { clearViewAsCookie } from '../platform/auth/view-as-session.ts';
import {
  ZCompleteResetRequest,
  ZLinkAccountRequest,
  ZLoginRequest,
  ZResetPasswordRequest,
  ZSignupRequest,
  ZCustomerMe,
  ZCustomerSignedIn,
  ZPasswordChanged,
  ZResetAccepted,
  ZSignupResponse,
  type TCustomerSignedIn,
} from '@wisp/shared';
import { requireCustomer, requireSignedIn, customerActorOf } from '../platform/access/access.ts';
import { clearSessionCookie, setSessionCookie } from '../platform/auth/session-cookie.ts';
import { endSession, type NewSession } from '../platform/auth/session.service.ts';
import { signOutEverywhere } from '../platform/auth/sign-out.ts';
import { validate } from '../platform/http/validate.ts';
import { toPublicTenant } from '../tenants/tenant.views.ts';
import { toCustomerSelf } from '../customers/customer.views.ts';
import { findCustomerOrThrow } from '../customers/customers.service.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { logInCustomer, type AuthDeps, type Client } from './customer-login.service.ts';
import { signUpCustomer } from './customer-signup.service.ts';
import { linkInvitedAccount } from './portal-invite.service.ts';
import { completePasswordReset, requestPasswordReset } from './password-reset.service.ts';

export const clientOf = (req: Request): Client => ({ ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') });

function signedIn(req: Request, res: Response, signIn: { customer: TCustomerDoc; session: NewSession }) {
  setSessionCookie(req, res, signIn.session.token, signIn.session.absoluteExpiresAt);
  res.setHeader('Cache-Control', 'no-store');
  const body: TCustomerSignedIn = { customer: toCustomerSelf(signIn.customer), tenant: { slug: req.tenant.slug } };
  res.json(body);
}

/** The portal's front door: `/api/customer-portal/auth/*`, every route bound to `req.tenant`. */
export function customerAuthRouter(deps: AuthDeps): Router {
  const router = Router();

  router.post('/login', responds({ 200: ZCustomerSignedIn }), validate('body', ZLoginRequest), async (req, res) => {
    signedIn(req, res, await logInCustomer(deps, req.tenant, res.locals.body, clientOf(req)));
  });

  router.post('/signup', responds({ 201: ZSignupResponse }), validate('body', ZSignupRequest), async (req, res) => {
    res.status(201).json(await signUpCustomer(deps, req.tenant, res.locals.body, clientOf(req)));
  });

  router.post(
    '/link-account',
    responds({ 200: ZCustomerSignedIn }),
    validate('body', ZLinkAccountRequest),
    async (req, res) => {
      signedIn(req, res, await linkInvitedAccount(deps, req.tenant, res.locals.body, clientOf(req)));
    },
  );

  router.post(
    '/reset-password',
    responds({ 202: ZResetAccepted }),
    validate('body', ZResetPasswordRequest),
    async (req, res) => {
      await requestPasswordReset(deps, req.tenant, res.locals.body, clientOf(req));
      res.status(202).json({ status: 'accepted' });
    },
  );

  router.post(
    '/reset-password/complete',
    responds({ 200: ZPasswordChanged }),
    validate('body', ZCompleteResetRequest),
    async (req, res) => {
      await completePasswordReset(deps, req.tenant, res.locals.body, clientOf(req));
      res.json({ status: 'password-changed' });
    },
  );

  router.get('/me', requireCustomer, responds({ 200: ZCustomerMe }), async (req, res) => {
    const customer = await findCustomerOrThrow(req.tenant, customerActorOf(req).customerId);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ customer: toCustomerSelf(customer), tenant: toPublicTenant(req.tenant, req.log) });
  });

  router.post('/logout', responds({ 204: NO_CONTENT }), async (req, res) => {
    if (req.actor) await endSession(req.actor.sessionId);
    // Signing out of a view-as ends the view only: the staff member stays signed in.
    if (req.actor?.kind === 'customer' && req.actor.viewAs) clearViewAsCookie(req, res);
    else clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.post('/logout-everywhere', requireSignedIn, responds({ 204: NO_CONTENT }), async (req, res) => {
    await signOutEverywhere(deps.auth, req.actor!.tenantId, req.actor!.uid);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
