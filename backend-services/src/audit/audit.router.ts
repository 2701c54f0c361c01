import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import { ZAuditList, ZAuditListQuery } from '@wisp/shared';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { listAudit } from './audit.service.ts';

/** `/api/audit`: who did what to which customer, staff member or setting (admins). */
export function auditRouter(): Router {
  const router = Router();
  router.get(
    '/',
    allow('audit.read'),
    responds({ 200: ZAuditList }),
    validate('query', ZAuditListQuery),
    async (req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(ZAuditList.parse(await listAudit({ tenant: req.tenant, actor: req.actor }, res.locals.query)));
    },
  );
  return router;
}
