import { Router } from 'express';
import { toPublicTenant } from './tenant.views.ts';

/** Public, tenant-scoped by host: what the portal layout needs to brand the first HTML response. */
export function tenantsRouter(): Router {
  const router = Router();
  router.get('/current', (req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=10');
    res.json({ tenant: toPublicTenant(req.tenant, req.log) });
  });
  return router;
}
