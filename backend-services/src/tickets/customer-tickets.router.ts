import { Router, type Request } from 'express';
import { ZCommentRequest, ZCreateTicketRequest, ZRatingRequest, ZTicketListQuery, type TCommentRequest, type TCreateTicketRequest, type TRatingRequest, type TTicketListQuery } from '@wisp/shared';
import type { TConfig } from '../config.ts';
import { requireCustomerAccess } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import type { TicketContext } from './ticket-context.ts';
import { ticketUploads, uploadedFilesOf } from './ticket-uploads.ts';
import { getTicketForCustomer, listTicketsForCustomer, markReadByCustomer, openTicket } from './tickets.service.ts';
import { addCustomerComment, addPublicReply, uploadAttachments } from './ticket-conversation.service.ts';
import { closeByCustomer, rateTicket, reopenByCustomer } from './ticket-status.service.ts';
import { readAttachment, sendAttachment } from './ticket-downloads.ts';
import { streamCustomerTicketEvents } from './ticket-live.ts';

/**
 * `/api/work-orders/customer/:customerId…`: the customer's own tickets. requireCustomerAccess lets a
 * customer use only their own id (staff: any customer of the tenant); every lookup below is also scoped
 * by tenant and customer, so anything else is 404.
 */
export function customerTicketsRouter(config: TConfig, storage: FileStorage): Router {
  const router = Router({ mergeParams: true });
  const uploads = ticketUploads(config);
  const ctxOf = (req: Request): TicketContext => ({ tenant: req.tenant, actor: req.actor!, storage, portalUrlTemplate: config.PORTAL_URL_TEMPLATE });
  const p = (req: Request) => req.params as Record<string, string>;
  router.use('/:customerId', requireCustomerAccess());

  router.get('/:customerId/events', (req, res) => streamCustomerTicketEvents(ctxOf(req), p(req).customerId!, req, res));

  router.get('/:customerId', validate('query', ZTicketListQuery), async (req, res) => {
    res.json(await listTicketsForCustomer(ctxOf(req), p(req).customerId!, res.locals.query as TTicketListQuery));
  });

  router.post('/:customerId', uploads, validate('body', ZCreateTicketRequest), async (req, res) => {
    const ctx = ctxOf(req);
    const { customerId } = p(req);
    const wo = await openTicket(ctx, customerId!, res.locals.body as TCreateTicketRequest, uploadedFilesOf(req));
    res.status(201).json({ ticket: await getTicketForCustomer(ctx, customerId!, String(wo._id)) });
  });

  router.get('/:customerId/:id', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ticket: await getTicketForCustomer(ctxOf(req), p(req).customerId!, p(req).id!) });
  });

  router.post('/:customerId/:id/comments', uploads, validate('body', ZCommentRequest), async (req, res) => {
    const ctx = ctxOf(req);
    const { customerId, id } = p(req);
    const { body } = res.locals.body as TCommentRequest;
    if (ctx.actor.kind === 'staff') {
      // Staff writing in the customer's view answer publicly, as in the staff module.
      await addPublicReply(ctx, id!, body, uploadedFilesOf(req), customerId);
      res.status(201).json({ ticket: await getTicketForCustomer(ctx, customerId!, id!) });
      return;
    }
    res.status(201).json({ message: await addCustomerComment(ctx, customerId!, id!, body, uploadedFilesOf(req)) });
  });

  router.post('/:customerId/:id/upload', uploads, async (req, res) => {
    res.status(201).json({ attachments: await uploadAttachments(ctxOf(req), p(req).customerId!, p(req).id!, uploadedFilesOf(req)) });
  });

  router.post('/:customerId/:id/close', async (req, res) => {
    const ctx = ctxOf(req);
    await closeByCustomer(ctx, p(req).customerId!, p(req).id!);
    res.json({ ticket: await getTicketForCustomer(ctx, p(req).customerId!, p(req).id!) });
  });

  router.post('/:customerId/:id/reopen', async (req, res) => {
    const ctx = ctxOf(req);
    await reopenByCustomer(ctx, p(req).customerId!, p(req).id!);
    res.json({ ticket: await getTicketForCustomer(ctx, p(req).customerId!, p(req).id!) });
  });

  router.post('/:customerId/:id/rating', validate('body', ZRatingRequest), async (req, res) => {
    const ctx = ctxOf(req);
    await rateTicket(ctx, p(req).customerId!, p(req).id!, res.locals.body as TRatingRequest);
    res.json({ ticket: await getTicketForCustomer(ctx, p(req).customerId!, p(req).id!) });
  });

  router.post('/:customerId/:id/read', async (req, res) => {
    await markReadByCustomer(ctxOf(req), p(req).customerId!, p(req).id!);
    res.status(204).end();
  });

  router.get('/:customerId/:id/attachments/:attachmentId', async (req, res) => {
    const { customerId, id, attachmentId } = p(req);
    sendAttachment(res, await readAttachment(ctxOf(req), id!, attachmentId!, { customerId: customerId!, thumbnail: req.query.thumb === '1' }));
  });

  return router;
}
