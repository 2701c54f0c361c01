import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import {
  ZCreateIncidentRequest,
  ZDeliverResponse,
  ZDeliveryReport,
  ZFaqArticle,
  ZFaqDeleteResponse,
  ZFaqList,
  ZStatusPage,
  ZSupportContact,
  ZFaqPreviewRequest,
  ZFaqPreviewResponse,
  ZIncidentTicketsResponse,
  ZIncidentUpdateResponse,
  ZLinkTicketsRequest,
  ZLinkTicketsResponse,
  ZStaffFaqArticleDetail,
  ZSupportSites,
  ZFaqArticleInput,
  ZFaqQuery,
  ZFaqSlug,
  ZIncidentUpdateRequest,
  ZStaffFaqArticleResponse,
  ZStaffFaqList,
  ZStaffIncidentList,
  ZStaffIncidentResponse,
  ZSubscribeResponse,
} from '@wisp/shared';
import { respond } from '../platform/http/respond.ts';
import { allow } from '../platform/access/access.ts';
import { requireFeature } from '../platform/access/features.ts';
import { FAQ_FEATURES } from '@wisp/shared/branding/features';
import { idempotent } from '../platform/http/idempotency.ts';
import { parseOrThrow, validate } from '../platform/http/validate.ts';
import { AppError } from '../platform/http/app-error.ts';
import {
  createFaqArticle,
  deleteFaqArticle,
  getFaqArticle,
  getFaqArticleForStaff,
  listFaq,
  listFaqForStaff,
  previewFaqMarkdown,
  updateFaqArticle,
} from './faq/faq.service.ts';
import { z } from 'zod';
import type { Request } from 'express';
import { localFileStorage } from '../storage/file-storage.ts';
import type { TicketContext } from '../tickets/ticket-context.ts';
import { linkTickets, listIncidentTickets, listSites } from './incidents/incident-links.service.ts';
import { deliverUpdateAgain, getDeliveryReport } from './incidents/incident-delivery.service.ts';
import { getSupportContact } from './contact/contact.service.ts';
import {
  addIncidentUpdate,
  createIncident,
  getStatusPage,
  listIncidentsForStaff,
  subscribeToIncident,
} from './incidents/incidents.service.ts';

/**
 * `/api/customer-portal/support`. Responses are `private`: the tenant may come from a cookie, so a
 * shared cache must never hand one tenant's answer to another. FAQ, status page and contact are public within the tenant: a
 * customer locked out of their account, or offline at home and on a phone, needs them most.
 * Only subscribing to an incident needs the customer's session.
 */
export function customerSupportRouter(): Router {
  const router = Router();
  router.get(
    '/faq',
    allow('public'),
    responds({ 200: ZFaqList }),
    requireFeature(...FAQ_FEATURES),
    validate('query', ZFaqQuery),
    async (req, res) => {
      res.setHeader('Cache-Control', 'private, max-age=60');
      res.json(await listFaq(req.tenant, res.locals.query));
    },
  );
  router.get(
    '/faq/:slug',
    allow('public'),
    responds({ 200: ZFaqArticle }),
    requireFeature(...FAQ_FEATURES),
    async (req, res) => {
      const slug = ZFaqSlug.safeParse(req.params.slug);
      if (!slug.success) throw AppError.notFound();
      res.setHeader('Cache-Control', 'private, max-age=60');
      res.json(await getFaqArticle(req.tenant, slug.data));
    },
  );
  router.get(
    '/status',
    allow('public'),
    responds({ 200: ZStatusPage }),
    requireFeature('enableServiceStatus'),
    async (req, res) => {
      res.setHeader('Cache-Control', 'private, max-age=30');
      res.json(await getStatusPage(req.tenant));
    },
  );
  router.get('/contact', allow('public'), responds({ 200: ZSupportContact }), (req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=60');
    res.json(getSupportContact(req.tenant));
  });
  router.post(
    '/incidents/:id/subscribe',
    allow('incident.subscribe'),
    responds({ 200: ZSubscribeResponse }),
    requireFeature('enableServiceStatus'),
    async (req, res) => {
      respond(res, ZSubscribeResponse, await subscribeToIncident(req, String(req.params.id)));
    },
  );
  return router;
}

const ZUpdateIndex = z.coerce.number().int().min(0).max(100_000);

/** `/api/support`: staff manage incidents (and FAQ articles). Not behind the toggles: staff prepare content first. */
export function staffSupportRouter(opts: { portalUrlTemplate: string; uploadDir: string }): Router {
  const router = Router();
  const storage = localFileStorage(opts.uploadDir);
  const ctxOf = (req: Request): TicketContext => ({
    tenant: req.tenant,
    actor: req.actor!,
    storage,
    portalUrlTemplate: opts.portalUrlTemplate,
  });
  router.get('/incidents', allow('incident.list'), responds({ 200: ZStaffIncidentList }), async (req, res) => {
    respond(res, ZStaffIncidentList, { incidents: await listIncidentsForStaff(req) });
  });
  router.post(
    '/incidents',
    allow('incident.create'),
    responds({ 201: ZStaffIncidentResponse }),
    idempotent,
    validate('body', ZCreateIncidentRequest),
    async (req, res) => {
      respond(res, ZStaffIncidentResponse, { incident: await createIncident(req, res.locals.body) }, 201);
    },
  );
  router.post(
    '/incidents/:id/updates',
    allow('incident.update'),
    responds({ 201: ZIncidentUpdateResponse }),
    idempotent,
    validate('body', ZIncidentUpdateRequest),
    async (req, res) => {
      const { updateIndex, delivered, ...incident } = await addIncidentUpdate(
        ctxOf(req),
        String(req.params.id),
        res.locals.body,
      );
      respond(res, ZIncidentUpdateResponse, { incident, updateIndex, delivered }, 201);
    },
  );
  // Outages (issue 17): sites to pick, linked tickets, delivery report, delivering an update again.
  router.get('/sites', allow('incident.list'), responds({ 200: ZSupportSites }), async (req, res) => {
    respond(res, ZSupportSites, await listSites(req));
  });
  router.get(
    '/incidents/:id/tickets',
    allow('incident.tickets'),
    responds({ 200: ZIncidentTicketsResponse }),
    async (req, res) => {
      respond(res, ZIncidentTicketsResponse, await listIncidentTickets(req, String(req.params.id)));
    },
  );
  router.post(
    '/incidents/:id/links',
    allow('incident.link'),
    responds({ 200: ZLinkTicketsResponse }),
    validate('body', ZLinkTicketsRequest),
    async (req, res) => {
      respond(res, ZLinkTicketsResponse, await linkTickets(req, String(req.params.id), res.locals.body));
    },
  );
  router.get(
    '/incidents/:id/updates/:index/delivery',
    allow('incident.tickets'),
    responds({ 200: ZDeliveryReport }),
    async (req, res) => {
      const index = ZUpdateIndex.safeParse(req.params.index);
      if (!index.success) throw AppError.notFound();
      respond(res, ZDeliveryReport, await getDeliveryReport(req, String(req.params.id), index.data));
    },
  );
  router.post(
    '/incidents/:id/updates/:index/deliver',
    allow('incident.deliver'),
    responds({ 200: ZDeliverResponse }),
    async (req, res) => {
      const index = ZUpdateIndex.safeParse(req.params.index);
      if (!index.success) throw AppError.notFound();
      respond(res, ZDeliverResponse, await deliverUpdateAgain(ctxOf(req), String(req.params.id), index.data));
    },
  );
  router.get('/faq', allow('faq.list'), responds({ 200: ZStaffFaqList }), async (req, res) => {
    respond(res, ZStaffFaqList, { articles: await listFaqForStaff(req) });
  });
  router.post(
    '/faq',
    allow('faq.create'),
    responds({ 201: ZStaffFaqArticleResponse }),
    validate('body', ZFaqArticleInput),
    async (req, res) => {
      respond(res, ZStaffFaqArticleResponse, { article: await createFaqArticle(req, res.locals.body) }, 201);
    },
  );
  router.post(
    '/faq/preview',
    allow('faq.preview'),
    responds({ 200: ZFaqPreviewResponse }),
    validate('body', ZFaqPreviewRequest),
    async (req, res) => {
      respond(res, ZFaqPreviewResponse, await previewFaqMarkdown(req, res.locals.body.bodyMarkdown));
    },
  );
  router.get('/faq/:slug', allow('faq.read'), responds({ 200: ZStaffFaqArticleDetail }), async (req, res) => {
    const slug = ZFaqSlug.safeParse(req.params.slug);
    if (!slug.success) throw AppError.notFound();
    respond(res, ZStaffFaqArticleDetail, { article: await getFaqArticleForStaff(req, slug.data) });
  });
  router.put(
    '/faq/:slug',
    allow('faq.update'),
    responds({ 200: ZStaffFaqArticleResponse }),
    validate('body', ZFaqArticleInput),
    async (req, res) => {
      const slug = parseOrThrow(ZFaqSlug, req.params.slug);
      respond(res, ZStaffFaqArticleResponse, { article: await updateFaqArticle(req, slug, res.locals.body) });
    },
  );
  router.delete('/faq/:slug', allow('faq.delete'), responds({ 200: ZFaqDeleteResponse }), async (req, res) => {
    const slug = ZFaqSlug.safeParse(req.params.slug);
    if (!slug.success) throw AppError.notFound();
    respond(res, ZFaqDeleteResponse, await deleteFaqArticle(req, slug.data));
  });
  return router;
}
