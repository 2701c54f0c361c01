import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import { ZCustomDomainRequest, ZCustomDomainResponse, ZTlsAskQuery, ZTlsAskResponse } from '@wisp/shared';
import { allow } from '../platform/access/access.ts';
import { respond } from '../platform/http/respond.ts';
import { validate } from '../platform/http/validate.ts';
import {
  activateDomain,
  checkDomain,
  claimDomain,
  getDomain,
  mayIssueCertificate,
  type DomainDeps,
} from './custom-domain.service.ts';

/** `/api/tenant/:tenantId/branding/domain`: the admin's custom domain and its verification. */
export function customDomainRoutes(router: Router, deps: DomainDeps): void {
  router.get('/domain', allow('branding.update'), responds({ 200: ZCustomDomainResponse }), async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    respond(res, ZCustomDomainResponse, await getDomain(req, deps));
  });
  router.put(
    '/domain',
    allow('branding.update'),
    responds({ 200: ZCustomDomainResponse }),
    validate('body', ZCustomDomainRequest),
    async (req, res) => {
      respond(res, ZCustomDomainResponse, await claimDomain(req, deps, res.locals.body.domain));
    },
  );
  router.post('/domain/check', allow('branding.update'), responds({ 200: ZCustomDomainResponse }), async (req, res) => {
    respond(res, ZCustomDomainResponse, await checkDomain(req, deps));
  });
  router.post(
    '/domain/activate',
    allow('branding.update'),
    responds({ 200: ZCustomDomainResponse }),
    async (req, res) => {
      respond(res, ZCustomDomainResponse, await activateDomain(req, deps));
    },
  );
}

/**
 * `/api/tls`: asked by the TLS proxy (Caddy `on_demand_tls { ask … }`) before it issues a certificate
 * for a host. Outside any tenant (the proxy asks from no portal host): 200 for a verified or active
 * custom domain, 404 for anything else.
 */
export function tlsRouter(): Router {
  const router = Router();
  router.get('/ask', allow('public'), responds({ 200: ZTlsAskResponse }), async (req, res) => {
    const query = ZTlsAskQuery.safeParse(req.query);
    const ok = query.success && (await mayIssueCertificate(query.data.domain));
    res.setHeader('Cache-Control', 'no-store');
    res.status(ok ? 200 : 404).json(ok ? { ok: true } : { error: { code: 'NOT_FOUND', message: 'Unknown domain.' } });
  });
  return router;
}
