import { Router } from 'express';
import { ZPortalAccessUpdate, ZPortalInviteRequest, ZServiceStatusUpdate } from '@wisp/shared';
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
      res
        .status(202)
        .json(
          await inviteCustomerToPortal(
            deps,
            req.tenant,
            staffActorOf(req),
            String(req.params.customerId),
            res.locals.body,
          ),
        );
    },
  );

  router.post(
    '/:customerId/portal-access',
    allow('customer.portalAccess'),
    validate('body', ZPortalAccessUpdate),
    async (req, res) => {
      res.json(
        await changePortalAccess(
          deps.auth,
          { tenant: req.tenant, actor: req.actor },
          String(req.params.customerId),
          res.locals.body,
        ),
      );
    },
  );

  router.patch(
    '/:customerId/service-status',
    allow('customer.serviceStatus'),
    validate('body', ZServiceStatusUpdate),
    async (req, res) => {
      res.json(
        await changeServiceStatus(
          { tenant: req.tenant, actor: req.actor },
          String(req.params.customerId),
          res.locals.body,
        ),
      );
    },
  );

  return router;
}
