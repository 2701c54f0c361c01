import { Router } from 'express';
import type { TConfig } from '../config.ts';
import { fileStorageFor } from '../storage/file-storage.ts';
import { customerTicketsRouter } from './customer-tickets.router.ts';
import { staffTicketsRouter } from './staff-tickets.router.ts';

/** `/api/work-orders`: the customer side under `/customer/:customerId`, the staff side at the root. */
export function ticketsRouter(config: TConfig): Router {
  const storage = fileStorageFor(config);
  const router = Router();
  router.use('/customer', customerTicketsRouter(config, storage));
  router.use('/', staffTicketsRouter(config, storage));
  return router;
}
