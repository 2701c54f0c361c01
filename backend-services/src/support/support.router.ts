import { Router } from 'express';
import { ZCreateIncidentRequest, ZFaqArticleInput, ZFaqQuery, ZFaqSlug, ZIncidentUpdateRequest } from '@wisp/shared';
import { customerActorOf, requireCustomer, requireStaff, staffActorOf } from '../platform/access/access.ts';
import { requireFeature } from '../platform/access/features.ts';
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
    requireFeature('enableFAQ', 'enableKnowledgeBase'),
    validate('query', ZFaqQuery),
    async (req, res) => {
      res.setHeader('Cache-Control', 'private, max-age=60');
      res.json(await listFaq(req.tenant, res.locals.query));
    },
  );
  router.get('/faq/:slug', requireFeature('enableFAQ', 'enableKnowledgeBase'), async (req, res) => {
    const slug = ZFaqSlug.safeParse(req.params.slug);
    if (!slug.success) throw AppError.notFound();
    res.setHeader('Cache-Control', 'private, max-age=60');
    res.json(await getFaqArticle(req.tenant, slug.data));
  });
  router.get('/status', requireFeature('enableServiceStatus'), async (req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=30');
    res.json(await getStatusPage(req.tenant));
  });
  router.get('/contact', (req, res) => {
    res.setHeader('Cache-Control', 'private, max-age=60');
    res.json(getSupportContact(req.tenant));
  });
  router.post('/incidents/:id/subscribe', requireCustomer, requireFeature('enableServiceStatus'), async (req, res) => {
    res.json(await subscribeToIncident(req.tenant, customerActorOf(req), String(req.params.id)));
  });
  return router;
}

/** `/api/support`: staff manage incidents (and FAQ articles). Not behind the toggles: staff prepare content first. */
export function staffSupportRouter(opts: { portalUrlTemplate: string }): Router {
  const router = Router();
  router.use(requireStaff());
  router.get('/incidents', async (req, res) => {
    res.json({ incidents: await listIncidentsForStaff(req.tenant, staffActorOf(req)) });
  });
  router.post('/incidents', idempotent, validate('body', ZCreateIncidentRequest), async (req, res) => {
    res.status(201).json({ incident: await createIncident(req.tenant, staffActorOf(req), res.locals.body) });
  });
  router.post('/incidents/:id/updates', validate('body', ZIncidentUpdateRequest), async (req, res) => {
    const incident = await addIncidentUpdate(
      req.tenant,
      staffActorOf(req),
      String(req.params.id),
      res.locals.body,
      opts.portalUrlTemplate,
    );
    res.status(201).json({ incident });
  });
  router.get('/faq', async (req, res) => {
    res.json({ articles: await listFaqForStaff(req.tenant, staffActorOf(req)) });
  });
  router.post('/faq', validate('body', ZFaqArticleInput), async (req, res) => {
    res.status(201).json({ article: await createFaqArticle(req.tenant, staffActorOf(req), res.locals.body) });
  });
  router.put('/faq/:slug', validate('body', ZFaqArticleInput), async (req, res) => {
    const slug = parseOrThrow(ZFaqSlug, req.params.slug);
    res.json({ article: await updateFaqArticle(req.tenant, staffActorOf(req), slug, res.locals.body) });
  });
  return router;
}
