import { Router } from 'express';
import { ZIntakeQuery } from '@wisp/shared';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { getServiceInfo, getServiceStatus } from './service-info.service.ts';
import { outageForTicketIntake } from '../support/incidents/incidents.service.ts';

/** `/api/customer-portal/service`: the signed-in customer's plan, equipment, visits and live status. */
export function serviceInfoRouter(): Router {
  const router = Router();
  router.use(allow('service.read'));
  router.get('/', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await getServiceInfo(req));
  });
  router.get('/status', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await getServiceStatus(req));
  });
  // Called by the new-ticket page before a ticket exists; it knows nothing about tickets.
  router.get('/intake', validate('query', ZIntakeQuery), async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await outageForTicketIntake(req, res.locals.query.category));
  });
  return router;
}
