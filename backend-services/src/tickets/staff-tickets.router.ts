import { Router, type Request } from 'express';
import {
  ZAssignRequest,
  ZCommentRequest,
  ZStaffCreateTicketRequest,
  ZStaffTicketListQuery,
  ZStatusChangeRequest,
  ZStaffMessageResponse,
  ZStaffTicketPage,
  ZStaffTicketResponse,
  type TAssignRequest,
  type TCommentRequest,
  type TStaffCreateTicketRequest,
  type TStaffTicketListQuery,
  type TStatusChangeRequest,
} from '@wisp/shared';
import type { TConfig } from '../config.ts';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { idempotent } from '../platform/http/idempotency.ts';
import { respond } from '../platform/http/respond.ts';
import type { FileStorage } from '../storage/file-storage.ts';
import type { TicketContext } from './ticket-context.ts';
import { ticketUploads, uploadedFilesOf } from './ticket-uploads.ts';
import { getTicketForStaff, listTicketsForStaff, openTicketForCustomer } from './tickets.service.ts';
import { addInternalNote, addPublicReply } from './ticket-conversation.service.ts';
import { assign, changeStatusByStaff } from './ticket-status.service.ts';
import { readAttachment, sendAttachment } from './ticket-downloads.ts';

/** `/api/work-orders`: the maintain module. Staff of the request's tenant only; other tenants' tickets are 404. */
export function staffTicketsRouter(config: TConfig, storage: FileStorage): Router {
  const router = Router();
  const uploads = ticketUploads(config);
  const ctxOf = (req: Request): TicketContext => ({
    tenant: req.tenant,
    actor: req.actor!,
    storage,
    portalUrlTemplate: config.PORTAL_URL_TEMPLATE,
  });
  const idOf = (req: Request) => (req.params as Record<string, string>).id!;
  router.get('/', allow('ticket.list'), validate('query', ZStaffTicketListQuery), async (req, res) => {
    respond(res, ZStaffTicketPage, await listTicketsForStaff(ctxOf(req), res.locals.query as TStaffTicketListQuery));
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
      const wo = await openTicketForCustomer(ctx, customerId, input, uploadedFilesOf(req));
      respond(res, ZStaffTicketResponse, { ticket: await getTicketForStaff(ctx, String(wo._id)) }, 201);
    },
  );

  router.get('/:id', allow('ticket.read.all'), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    respond(res, ZStaffTicketResponse, { ticket: await getTicketForStaff(ctxOf(req), idOf(req)) });
  });

  router.post(
    '/:id/replies',
    allow('ticket.reply'),
    idempotent,
    uploads,
    validate('body', ZCommentRequest),
    async (req, res) => {
      const message = await addPublicReply(
        ctxOf(req),
        idOf(req),
        (res.locals.body as TCommentRequest).body,
        uploadedFilesOf(req),
      );
      respond(res, ZStaffMessageResponse, { message }, 201);
    },
  );

  router.post(
    '/:id/notes',
    allow('ticket.note'),
    idempotent,
    uploads,
    validate('body', ZCommentRequest),
    async (req, res) => {
      const message = await addInternalNote(
        ctxOf(req),
        idOf(req),
        (res.locals.body as TCommentRequest).body,
        uploadedFilesOf(req),
      );
      respond(res, ZStaffMessageResponse, { message }, 201);
    },
  );

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

  router.get('/:id/attachments/:attachmentId', allow('ticket.read.all'), async (req, res) => {
    const { attachmentId } = req.params as Record<string, string>;
    sendAttachment(
      res,
      await readAttachment(ctxOf(req), idOf(req), attachmentId!, { view: 'all', thumbnail: req.query.thumb === '1' }),
    );
  });

  return router;
}
