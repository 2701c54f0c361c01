import { Router, type Request, type Response } from 'express';
import {
  ZAssignRequest,
  ZBulkRequest,
  ZBulkResponse,
  ZDeskCustomerPanelResponse,
  ZDeskQueuePage,
  ZDeskQueueQuery,
  ZPresenceRequest,
  ZPresenceResponse,
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
  router.get('/', allow('ticket.list'), validate('query', ZDeskQueueQuery), async (req, res) => {
    respond(res, ZDeskQueuePage, await listQueue(ctxOf(req), res.locals.query as TDeskQueueQuery));
  });

  const streamOptions = {
    heartbeatMs: config.TICKET_EVENTS_HEARTBEAT_SECONDS * 1000,
    idleMinutes: config.SESSION_IDLE_MINUTES,
  };
  router.get('/events', allow('ticket.events'), (req, res) =>
    streamStaffTicketEvents(ctxOf(req), req, res, streamOptions),
  );

  router.post('/bulk', allow('ticket.bulk'), validate('body', ZBulkRequest), async (req, res) => {
    respond(res, ZBulkResponse, { updated: await bulkChange(ctxOf(req), res.locals.body as TBulkRequest) });
  });

  router.post(
    '/',
    allow('ticket.open'),
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

  router.get('/:id', allow('ticket.read.all'), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    respond(res, ZStaffTicketResponse, { ticket: await openTicketAsStaff(ctxOf(req), idOf(req)) });
  });

  router.patch('/:id', allow('ticket.triage'), validate('body', ZTriageRequest), async (req, res) => {
    const ctx = ctxOf(req);
    await triage(ctx, idOf(req), res.locals.body as TTriageRequest);
    respond(res, ZStaffTicketResponse, { ticket: await getTicketForStaff(ctx, idOf(req)) });
  });

  const messageRoute = (write: typeof addPublicReply) => async (req: Request, res: Response) => {
    const message = await write(ctxOf(req), idOf(req), res.locals.body as TStaffMessageRequest, uploadedFilesOf(req));
    respond(res, ZStaffMessageResponse, { message }, 201);
  };
  const writes = [uploads, validate('body', ZStaffMessageRequest)];
  router.post('/:id/replies', allow('ticket.reply'), idempotent, ...writes, messageRoute(addPublicReply));
  router.post('/:id/notes', allow('ticket.note'), idempotent, ...writes, messageRoute(addInternalNote));

  router.post('/:id/status', allow('ticket.status'), validate('body', ZStatusChangeRequest), async (req, res) => {
    const ctx = ctxOf(req);
    await changeStatusByStaff(ctx, idOf(req), (res.locals.body as TStatusChangeRequest).status);
    respond(res, ZStaffTicketResponse, { ticket: await getTicketForStaff(ctx, idOf(req)) });
  });

  router.post('/:id/assign', allow('ticket.assign'), validate('body', ZAssignRequest), async (req, res) => {
    const ctx = ctxOf(req);
    await assign(ctx, idOf(req), (res.locals.body as TAssignRequest).assignedTo);
    respond(res, ZStaffTicketResponse, { ticket: await getTicketForStaff(ctx, idOf(req)) });
  });

  router.get('/:id/customer', allow('ticket.read.all'), async (req, res) => {
    respond(res, ZDeskCustomerPanelResponse, { panel: await customerPanelOf(ctxOf(req), idOf(req)) });
  });

  router.post('/:id/presence', allow('ticket.presence'), validate('body', ZPresenceRequest), async (req, res) => {
    const state = (res.locals.body as TPresenceRequest).state;
    respond(res, ZPresenceResponse, { viewers: await reportPresence(ctxOf(req), idOf(req), state) });
  });

  router.get('/:id/attachments/:attachmentId', allow('ticket.read.all'), async (req, res) => {
    const { attachmentId } = req.params as Record<string, string>;
    sendAttachment(
      res,
      await readAttachment(ctxOf(req), idOf(req), attachmentId!, { view: 'all', thumbnail: req.query.thumb === '1' }),
    );
  });

  return router;
}
