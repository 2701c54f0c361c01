import { Router } from 'express';
import { ZPortalAccessUpdate, ZPortalInviteRequest, ZServiceStatusUpdate } from '@wisp/shared';
import { requireStaff, staffActorOf } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import type { AuthDeps } from '../customer-auth/customer-login.service.ts';
import { inviteCustomerToPortal } from '../customer-auth/portal-invite.service.ts';
import { changePortalAccess, changeServiceStatus } from './portal-access.service.ts';

/** Staff-side customer actions: `/api/customers/:customerId/*`, customers of `req.tenant` only. */
export function customersRouter(deps: AuthDeps): Router {
  const router = Router();

  router.post('/:customerId/portal-invite', requireStaff(), validate('body', ZPortalInviteRequest), async (req, res) => {
    res.status(202).json(await inviteCustomerToPortal(deps, req.tenant, staffActorOf(req), String(req.params.customerId), res.locals.body));
  });

  router.post('/:customerId/portal-access', requireStaff(), validate('body', ZPortalAccessUpdate), async (req, res) => {
    res.json(await changePortalAccess(deps.auth, req.tenant, staffActorOf(req), String(req.params.customerId), res.locals.body));
  });

  router.patch('/:customerId/service-status', requireStaff(), validate('body', ZServiceStatusUpdate), async (req, res) => {
    res.json(await changeServiceStatus(req.tenant, staffActorOf(req), String(req.params.customerId), res.locals.body));
  });

  return router;
}
