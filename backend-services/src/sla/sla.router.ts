import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import { ZSlaPolicyRequest, ZSlaPolicyResponse, type TSlaPolicyRequest } from '@wisp/shared';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { respond } from '../platform/http/respond.ts';
import { getSlaPolicy, saveSlaPolicy } from './sla-policy.service.ts';

/** `/api/settings/service-levels`: the tenant's SLA targets (staff read, admins write). */
export function slaSettingsRouter(): Router {
  const router = Router();
  router.get('/', allow('sla.read'), responds({ 200: ZSlaPolicyResponse }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    respond(res, ZSlaPolicyResponse, { policy: await getSlaPolicy({ tenant: req.tenant, actor: req.actor }) });
  });
  router.put(
    '/',
    allow('sla.update'),
    responds({ 200: ZSlaPolicyResponse }),
    validate('body', ZSlaPolicyRequest),
    async (req, res) => {
      const ctx = { tenant: req.tenant, actor: req.actor };
      respond(res, ZSlaPolicyResponse, { policy: await saveSlaPolicy(ctx, res.locals.body as TSlaPolicyRequest) });
    },
  );
  return router;
}
