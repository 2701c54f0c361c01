import { Router } from 'express';
import {
  ZCreateIncidentRequest,
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
import { createFaqArticle, getFaqArticle, listFaq, listFaqForStaff, updateFaqArticle } from './faq/faq.service.ts';
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
    requireFeature(...FAQ_FEATURES),
    validate('query', ZFaqQuery),
    async (req, res) => {
      res.setHeader('Cache-Control', 'private, max-age=60');
      res.json(await listFaq(req.tenant, res.locals.query));
    },
  );
  router.get('/faq/:slug', allow('public'), requireFeature(...FAQ_FEATURES), async (req, res) => {
    const slug = ZFaqSlug.safeParse(req.params.slug);
    if (!slug.success) throw AppError.notFound();
    res.setHeader('Cache-Control', 'private, max-age=60');
    res.json(await getFaqArticle(req.tenant, slug.data));
  });
  router.get('/status', allow('public'), requireFeature('enableServiceStatus'), async (req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=30');
    res.json(await getStatusPage(req.tenant));
  });
  router.get('/contact', allow('public'), (req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=60');
    res.json(getSupportContact(req.tenant));
  });
  router.post(
    '/incidents/:id/subscribe',
    allow('incident.subscribe'),
    requireFeature('enableServiceStatus'),
    async (req, res) => {
      respond(res, ZSubscribeResponse, await subscribeToIncident(req, String(req.params.id)));
    },
  );
  return router;
}

/** `/api/support`: staff manage incidents (and FAQ articles). Not behind the toggles: staff prepare content first. */
export function staffSupportRouter(opts: { portalUrlTemplate: string }): Router {
  const router = Router();
  router.get('/incidents', allow('incident.list'), async (req, res) => {
    respond(res, ZStaffIncidentList, { incidents: await listIncidentsForStaff(req) });
  });
  router.post(
    '/incidents',
    allow('incident.create'),
    idempotent,
    validate('body', ZCreateIncidentRequest),
    async (req, res) => {
      respond(res, ZStaffIncidentResponse, { incident: await createIncident(req, res.locals.body) }, 201);
    },
  );
  router.post(
    '/incidents/:id/updates',
    allow('incident.update'),
    validate('body', ZIncidentUpdateRequest),
    async (req, res) => {
      const incident = await addIncidentUpdate(req, String(req.params.id), res.locals.body, opts.portalUrlTemplate);
      respond(res, ZStaffIncidentResponse, { incident }, 201);
    },
  );
  router.get('/faq', allow('faq.list'), async (req, res) => {
    respond(res, ZStaffFaqList, { articles: await listFaqForStaff(req) });
  });
  router.post('/faq', allow('faq.create'), validate('body', ZFaqArticleInput), async (req, res) => {
    respond(res, ZStaffFaqArticleResponse, { article: await createFaqArticle(req, res.locals.body) }, 201);
  });
  router.put('/faq/:slug', allow('faq.update'), validate('body', ZFaqArticleInput), async (req, res) => {
    const slug = parseOrThrow(ZFaqSlug, req.params.slug);
    respond(res, ZStaffFaqArticleResponse, { article: await updateFaqArticle(req, slug, res.locals.body) });
  });
  return router;
}
