import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import { ZTenantCurrent } from '@wisp/shared';
import { toPublicTenant } from './tenant.views.ts';

/** Public, tenant-scoped by host: what the portal layout needs to brand the first HTML response. */
export function tenantsRouter(): Router {
  const router = Router();
  router.get('/current', responds({ 200: ZTenantCurrent }), (req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=10');
    res.json({ tenant: toPublicTenant(req.tenant, req.log) });
  });
  return router;
}
