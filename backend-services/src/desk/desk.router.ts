import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import {
  SAVED_REPLY_VARIABLES,
  ZDeletedResponse,
  ZSavedReplyList,
  ZSavedReplyRequest,
  ZSavedReplyResponse,
  ZSavedViewList,
  ZSavedViewRequest,
  ZSavedViewResponse,
  type TSavedReplyRequest,
  type TSavedViewRequest,
} from '@wisp/shared';
import { allow } from '../platform/access/access.ts';
import { validate } from '../platform/http/validate.ts';
import { respond } from '../platform/http/respond.ts';
import { deleteView, listSavedViews, saveView } from './saved-views.service.ts';
import { createSavedReply, deleteSavedReply, listSavedReplies } from './saved-replies.service.ts';

/** `/api/desk`: a staff member's saved queue views, and the saved replies of the tenant and their own. */
export function deskRouter(): Router {
  const router = Router();
  const ctxOf = (req: Parameters<Parameters<typeof router.get>[1]>[0]) => ({ tenant: req.tenant, actor: req.actor });
  const idOf = (req: { params: unknown }) => (req.params as Record<string, string>).id!;

  router.get('/views', allow('desk.views'), responds({ 200: ZSavedViewList }), async (req, res) => {
    respond(res, ZSavedViewList, { views: await listSavedViews(ctxOf(req)) });
  });
  router.post(
    '/views',
    allow('desk.views'),
    responds({ 201: ZSavedViewResponse }),
    validate('body', ZSavedViewRequest),
    async (req, res) => {
      respond(res, ZSavedViewResponse, { view: await saveView(ctxOf(req), res.locals.body as TSavedViewRequest) }, 201);
    },
  );
  router.delete('/views/:id', allow('desk.views'), responds({ 200: ZDeletedResponse }), async (req, res) => {
    await deleteView(ctxOf(req), idOf(req));
    respond(res, ZDeletedResponse, { deleted: true });
  });

  router.get(
    '/saved-replies',
    allow('desk.savedReplies.read'),
    responds({ 200: ZSavedReplyList }),
    async (req, res) => {
      respond(res, ZSavedReplyList, {
        replies: await listSavedReplies(ctxOf(req)),
        variables: [...SAVED_REPLY_VARIABLES],
      });
    },
  );
  router.post(
    '/saved-replies',
    allow('desk.savedReplies.write'),
    responds({ 201: ZSavedReplyResponse }),
    validate('body', ZSavedReplyRequest),
    async (req, res) => {
      const reply = await createSavedReply(ctxOf(req), res.locals.body as TSavedReplyRequest);
      respond(res, ZSavedReplyResponse, { reply }, 201);
    },
  );
  router.delete(
    '/saved-replies/:id',
    allow('desk.savedReplies.write'),
    responds({ 200: ZDeletedResponse }),
    async (req, res) => {
      await deleteSavedReply(ctxOf(req), idOf(req));
      respond(res, ZDeletedResponse, { deleted: true });
    },
  );
  return router;
}
