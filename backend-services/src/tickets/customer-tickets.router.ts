import { Router } from 'express';
import { NO_CONTENT, eventStream, fileDownload, responds } from '../platform/openapi/responds.ts';
import {
  ZCommentRequest,
  ZCustomerCommentResponse,
  ZCustomerTicketEvent,
  ZCustomerTicketPage,
  ZCustomerTicketResponse,
  ZTicketAttachmentsResponse,
  ZCreateTicketRequest,
  ZRatingRequest,
  ZTicketListQuery,
  type TCommentRequest,
  type TCreateTicketRequest,
  type TRatingRequest,
  type TTicketListQuery,
} from '@wisp/shared';
import type { TConfig } from '../config.ts';
import { allow, can, customerPathGuard } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { idempotent } from '../platform/http/idempotency.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { ticketRequests } from './ticket-context.ts';
import { ticketUploads, uploadedFilesOf } from './ticket-uploads.ts';
import { getTicketForCustomer, listTicketsForCustomer, markReadByCustomer, openTicket } from './tickets.service.ts';
import { addCustomerComment, addPublicReply, uploadAttachments } from './ticket-conversation.service.ts';
import { closeByCustomer, rateTicket, reopenByCustomer } from './ticket-status.service.ts';
import { readAttachment, sendAttachment } from './ticket-downloads.ts';
import { streamCustomerTicketEvents } from './ticket-live.ts';

/**
 * Requests that create things (a ticket, a comment) accept an Idempotency-Key, checked after access.
 *
 * `/api/work-orders/customer/:customerId…`: the customer's own tickets. The customer always comes from
 * the session; the id in the URL stays for compatibility and must be the session's own (else 404).
 * Staff may use the routes whose permission lets them (the customer's view of a ticket).
 */
export function customerTicketsRouter(config: TConfig, storage: FileStorage): Router {
  const router = Router({ mergeParams: true });
  const uploads = ticketUploads(config);
  const { ctxOf, idOf } = ticketRequests(storage, config.PORTAL_URL_TEMPLATE);
  router.use('/:customerId', customerPathGuard());

  const streamOptions = {
    heartbeatMs: config.TICKET_EVENTS_HEARTBEAT_SECONDS * 1000,
    idleMinutes: config.SESSION_IDLE_MINUTES,
  };
  router.get(
    '/:customerId/events',
    allow('ticket.events.own'),
    responds({ 200: eventStream(ZCustomerTicketEvent) }),
    (req, res) => streamCustomerTicketEvents(ctxOf(req), req, res, streamOptions),
  );

  router.get(
    '/:customerId',
    allow('ticket.list.own'),
    responds({ 200: ZCustomerTicketPage }),
    validate('query', ZTicketListQuery),
    async (req, res) => {
      res.json(await listTicketsForCustomer(ctxOf(req), res.locals.query as TTicketListQuery));
    },
  );

  router.post(
    '/:customerId',
    allow('ticket.open.own'),
    responds({ 201: ZCustomerTicketResponse }),
    idempotent,
    uploads,
    validate('body', ZCreateTicketRequest),
    async (req, res) => {
      const ticket = await openTicket(ctxOf(req), res.locals.body as TCreateTicketRequest, uploadedFilesOf(req));
      res.status(201).json({ ticket });
    },
  );

  router.get('/:customerId/:id', allow('ticket.read'), responds({ 200: ZCustomerTicketResponse }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ticket: await getTicketForCustomer(ctxOf(req), idOf(req)) });
  });

  router.post(
    '/:customerId/:id/comments',
    allow('ticket.comment'),
    responds({ 201: ZCustomerCommentResponse }),
    idempotent,
    uploads,
    validate('body', ZCommentRequest),
    async (req, res) => {
      const ctx = ctxOf(req);
      const { body } = res.locals.body as TCommentRequest;
      // Staff writing in the customer's view answer publicly, as in the staff module.
      if (can(ctx, 'ticket.reply')) {
        await addPublicReply(ctx, idOf(req), { body }, uploadedFilesOf(req));
        res.status(201).json({ ticket: await getTicketForCustomer(ctx, idOf(req)) });
        return;
      }
      res.status(201).json({ message: await addCustomerComment(ctx, idOf(req), body, uploadedFilesOf(req)) });
    },
  );

  router.post(
    '/:customerId/:id/upload',
    allow('ticket.upload'),
    responds({ 201: ZTicketAttachmentsResponse }),
    uploads,
    async (req, res) => {
      res.status(201).json({ attachments: await uploadAttachments(ctxOf(req), idOf(req), uploadedFilesOf(req)) });
    },
  );

  router.post(
    '/:customerId/:id/close',
    allow('ticket.close'),
    responds({ 200: ZCustomerTicketResponse }),
    async (req, res) => {
      const ctx = ctxOf(req);
      await closeByCustomer(ctx, idOf(req));
      res.json({ ticket: await getTicketForCustomer(ctx, idOf(req)) });
    },
  );

  router.post(
    '/:customerId/:id/reopen',
    allow('ticket.reopen'),
    responds({ 200: ZCustomerTicketResponse }),
    async (req, res) => {
      const ctx = ctxOf(req);
      await reopenByCustomer(ctx, idOf(req));
      res.json({ ticket: await getTicketForCustomer(ctx, idOf(req)) });
    },
  );

  router.post(
    '/:customerId/:id/rating',
    allow('ticket.rate'),
    responds({ 200: ZCustomerTicketResponse }),
    validate('body', ZRatingRequest),
    async (req, res) => {
      const ctx = ctxOf(req);
      await rateTicket(ctx, idOf(req), res.locals.body as TRatingRequest);
      res.json({ ticket: await getTicketForCustomer(ctx, idOf(req)) });
    },
  );

  router.post('/:customerId/:id/read', allow('ticket.markRead'), responds({ 204: NO_CONTENT }), async (req, res) => {
    await markReadByCustomer(ctxOf(req), idOf(req));
    res.status(204).end();
  });

  router.get(
    '/:customerId/:id/attachments/:attachmentId',
    allow('ticket.read'),
    responds({ 200: fileDownload() }),
    async (req, res) => {
      const { attachmentId } = req.params as Record<string, string>;
      sendAttachment(
        res,
        await readAttachment(ctxOf(req), idOf(req), attachmentId!, {
          view: 'public',
          thumbnail: req.query.thumb === '1',
        }),
      );
    },
  );

  return router;
}
