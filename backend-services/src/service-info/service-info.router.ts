import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import { ZCustomerServiceStatus, ZIntakeQuery, ZIntakeResponse, ZServiceInfo } from '@wisp/shared';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { getServiceInfo, getServiceStatus } from './service-info.service.ts';
import { outageForTicketIntake } from '../support/incidents/incidents.service.ts';

/** `/api/customer-portal/service`: the signed-in customer's plan, equipment, visits and live status. */
export function serviceInfoRouter(): Router {
  const router = Router();
  router.use(allow('service.read'));
  router.get('/', responds({ 200: ZServiceInfo }), async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await getServiceInfo(req));
  });
  router.get('/status', responds({ 200: ZCustomerServiceStatus }), async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await getServiceStatus(req));
  });
  // Called by the new-ticket page before a ticket exists; it knows nothing about tickets.
  router.get('/intake', responds({ 200: ZIntakeResponse }), validate('query', ZIntakeQuery), async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await outageForTicketIntake(req, res.locals.query.category));
  });
  return router;
}
