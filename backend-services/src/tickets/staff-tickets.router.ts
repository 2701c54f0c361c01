import { Router, type Request, type Response } from 'express';
import { eventStream, fileDownload, responds } from '../platform/openapi/responds.ts';
import {
  ZAssignRequest,
  ZBulkRequest,
  ZBulkResponse,
  ZDeskCustomerPanelResponse,
  ZDeskQueuePage,
  ZDeskQueueQuery,
  ZPresenceRequest,
  ZPresenceResponse,
  ZStaffDeskEvent,
  ZStaffCreateTicketRequest,
  ZStaffMessageRequest,
  ZStatusChangeRequest,
  ZStaffMessageResponse,
  ZStaffTicketResponse,
  ZTriageRequest,
  type TAssignRequest,
  type TBulkRequest,
  type TDeskQueueQuery,
  type TPresenceRequest,
  type TStaffCreateTicketRequest,
  type TStaffMessageRequest,
  type TStatusChangeRequest,
  type TTriageRequest,
} from '@wisp/shared';
import type { TConfig } from '../config.ts';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { idempotent } from '../platform/http/idempotency.ts';
import { respond } from '../platform/http/respond.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import { ticketRequests } from './ticket-context.ts';
import { ticketUploads, uploadedFilesOf } from './ticket-uploads.ts';
import { getTicketForStaff, openTicketAsStaff, openTicketForCustomer } from './tickets.service.ts';
import { listQueue } from './ticket-queue.service.ts';
import { addInternalNote, addPublicReply } from './ticket-conversation.service.ts';
import { changeStatusByStaff } from './ticket-status.service.ts';
import { assign, bulkChange, triage } from './ticket-fields.service.ts';
import { readAttachment, sendAttachment } from './ticket-downloads.ts';
import { streamStaffTicketEvents } from './staff-ticket-live.ts';
import { reportPresence } from './ticket-presence.service.ts';
import { customerPanelOf } from './ticket-customer-panel.service.ts';

/** `/api/work-orders`: the maintain module (the desk). Staff of the request's tenant only; other tenants' tickets are 404. */
export function staffTicketsRouter(config: TConfig, storage: FileStorage): Router {
  const router = Router();
  const uploads = ticketUploads(config);
  const { ctxOf, idOf } = ticketRequests(storage, config.PORTAL_URL_TEMPLATE);
  router.get(
    '/',
    allow('ticket.list'),
    responds({ 200: ZDeskQueuePage }),
    validate('query', ZDeskQueueQuery),
    async (req, res) => {
      respond(res, ZDeskQueuePage, await listQueue(ctxOf(req), res.locals.query as TDeskQueueQuery));
    },
  );

  const streamOptions = {
    heartbeatMs: config.TICKET_EVENTS_HEARTBEAT_SECONDS * 1000,
    idleMinutes: config.SESSION_IDLE_MINUTES,
  };
  router.get('/events', allow('ticket.events'), responds({ 200: eventStream(ZStaffDeskEvent) }), (req, res) =>
    streamStaffTicketEvents(ctxOf(req), req, res, streamOptions),
  );

  router.post(
    '/bulk',
    allow('ticket.bulk'),
    responds({ 200: ZBulkResponse }),
    validate('body', ZBulkRequest),
    async (req, res) => {
      respond(res, ZBulkResponse, { updated: await bulkChange(ctxOf(req), res.locals.body as TBulkRequest) });
    },
  );

  router.post(
    '/',
    allow('ticket.open'),
    responds({ 201: ZStaffTicketResponse }),
    idempotent,
    uploads,
    validate('body', ZStaffCreateTicketRequest),
    async (req, res) => {
      const ctx = ctxOf(req);
      const { customerId, ...input } = res.locals.body as TStaffCreateTicketRequest;
      const ticket = await openTicketForCustomer(ctx, customerId, input, uploadedFilesOf(req));
      respond(res, ZStaffTicketResponse, { ticket }, 201);
    },
  );

  router.get('/:id', allow('ticket.read.all'), responds({ 200: ZStaffTicketResponse }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    respond(res, ZStaffTicketResponse, { ticket: await openTicketAsStaff(ctxOf(req), idOf(req)) });
  });

  router.patch(
    '/:id',
    allow('ticket.triage'),
    responds({ 200: ZStaffTicketResponse }),
    validate('body', ZTriageRequest),
    async (req, res) => {
      const ctx = ctxOf(req);
      await triage(ctx, idOf(req), res.locals.body as TTriageRequest);
      respond(res, ZStaffTicketResponse, { ticket: await getTicketForStaff(ctx, idOf(req)) });
    },
  );

  const messageRoute = (write: typeof addPublicReply) => async (req: Request, res: Response) => {
    const message = await write(ctxOf(req), idOf(req), res.locals.body as TStaffMessageRequest, uploadedFilesOf(req));
    respond(res, ZStaffMessageResponse, { message }, 201);
  };
  const writes = [responds({ 201: ZStaffMessageResponse }), uploads, validate('body', ZStaffMessageRequest)];
  router.post('/:id/replies', allow('ticket.reply'), idempotent, ...writes, messageRoute(addPublicReply));
  router.post('/:id/notes', allow('ticket.note'), idempotent, ...writes, messageRoute(addInternalNote));

  router.post(
    '/:id/status',
    allow('ticket.status'),
    responds({ 200: ZStaffTicketResponse }),
    validate('body', ZStatusChangeRequest),
    async (req, res) => {
      const ctx = ctxOf(req);
      await changeStatusByStaff(ctx, idOf(req), (res.locals.body as TStatusChangeRequest).status);
      respond(res, ZStaffTicketResponse, { ticket: await getTicketForStaff(ctx, idOf(req)) });
    },
  );

  router.post(
    '/:id/assign',
    allow('ticket.assign'),
    responds({ 200: ZStaffTicketResponse }),
    validate('body', ZAssignRequest),
    async (req, res) => {
      const ctx = ctxOf(req);
      await assign(ctx, idOf(req), (res.locals.body as TAssignRequest).assignedTo);
      respond(res, ZStaffTicketResponse, { ticket: await getTicketForStaff(ctx, idOf(req)) });
    },
  );

  router.get(
    '/:id/customer',
    allow('ticket.read.all'),
    responds({ 200: ZDeskCustomerPanelResponse }),
    async (req, res) => {
      respond(res, ZDeskCustomerPanelResponse, { panel: await customerPanelOf(ctxOf(req), idOf(req)) });
    },
  );

  router.post(
    '/:id/presence',
    allow('ticket.presence'),
    responds({ 200: ZPresenceResponse }),
    validate('body', ZPresenceRequest),
    async (req, res) => {
      const state = (res.locals.body as TPresenceRequest).state;
      respond(res, ZPresenceResponse, { viewers: await reportPresence(ctxOf(req), idOf(req), state) });
    },
  );

  router.get(
    '/:id/attachments/:attachmentId',
    allow('ticket.read.all'),
    responds({ 200: fileDownload() }),
    async (req, res) => {
      const { attachmentId } = req.params as Record<string, string>;
      sendAttachment(
        res,
        await readAttachment(ctxOf(req), idOf(req), attachmentId!, { view: 'all', thumbnail: req.query.thumb === '1' }),
      );
    },
  );

  return router;
}
