import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import { ZStaffDashboard, ZStaffDashboardRequest } from '@wisp/shared';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { getStaffDashboard } from './dashboard.service.ts';

/** `/api/staff/dashboard`: today's numbers for the staff dashboard, in one request. */
export function dashboardRouter(): Router {
  const router = Router();
  router.get(
    '/',
    allow('dashboard.read'),
    responds({ 200: ZStaffDashboard }),
    validate('query', ZStaffDashboardRequest),
    async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(ZStaffDashboard.parse(await getStaffDashboard({ tenant: req.tenant, actor: req.actor })));
    },
  );
  return router;
}
