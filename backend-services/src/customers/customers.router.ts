import { Router } from 'express';
import {
  ZPortalAccessResponse,
  ZPortalAccessUpdate,
  ZPortalInviteRequest,
  ZPortalInviteResponse,
  ZServiceStatusResponse,
  ZServiceStatusUpdate,
} from '@wisp/shared';
import { respond } from '../platform/http/respond.ts';
import { allow, staffActorOf } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import type { AuthDeps } from '../customer-auth/customer-login.service.ts';
import { inviteCustomerToPortal } from '../customer-auth/portal-invite.service.ts';
import { changePortalAccess, changeServiceStatus } from './portal-access.service.ts';

/** Staff-side customer actions: `/api/customers/:customerId/*`, customers of `req.tenant` only. */
export function customersRouter(deps: AuthDeps): Router {
  const router = Router();

  router.post(
    '/:customerId/portal-invite',
    allow('customer.invite'),
    validate('body', ZPortalInviteRequest),
    async (req, res) => {
      const sent = await inviteCustomerToPortal(
        deps,
        req.tenant,
        staffActorOf(req),
        String(req.params.customerId),
        res.locals.body,
      );
      respond(res, ZPortalInviteResponse, sent, 202);
    },
  );

  router.post(
    '/:customerId/portal-access',
    allow('customer.portalAccess'),
    validate('body', ZPortalAccessUpdate),
    async (req, res) => {
      const changed = await changePortalAccess(deps.auth, req, String(req.params.customerId), res.locals.body);
      respond(res, ZPortalAccessResponse, changed);
    },
  );

  router.patch(
    '/:customerId/service-status',
    allow('customer.serviceStatus'),
    validate('body', ZServiceStatusUpdate),
    async (req, res) => {
      respond(
        res,
        ZServiceStatusResponse,
        await changeServiceStatus(req, String(req.params.customerId), res.locals.body),
      );
    },
  );

  return router;
}
