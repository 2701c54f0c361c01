import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import { ZSatisfactionQuery, ZSatisfactionReport, type TSatisfactionQuery } from '@wisp/shared';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { respond } from '../platform/http/respond.ts';
import { satisfactionReport } from './satisfaction-report.service.ts';

/** `/api/reports`: reports for the tenant's staff. */
export function reportsRouter(): Router {
  const router = Router();
  router.get(
    '/satisfaction',
    allow('report.satisfaction'),
    responds({ 200: ZSatisfactionReport }),
    validate('query', ZSatisfactionQuery),
    async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      const ctx = { tenant: req.tenant, actor: req.actor };
      respond(res, ZSatisfactionReport, await satisfactionReport(ctx, res.locals.query as TSatisfactionQuery));
    },
  );
  return router;
}
