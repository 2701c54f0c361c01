import { Router } from 'express';
import { responds } from '../platform/openapi/responds.ts';
import { ZCsrfToken, ZSessionState } from '@wisp/shared';
import { ensureCsrfToken } from '../platform/http/csrf.ts';

export function sessionRouter(): Router {
  const router = Router();
  /** Who this browser is signed in as, in this tenant: cheap (an `_id` lookup), for page guards. */
  router.get('/', responds({ 200: ZSessionState }), (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const a = req.actor;
    res.json({
      actor: !a
        ? null
        : a.kind === 'customer'
          ? {
              kind: a.kind,
              customerId: a.customerId,
              // Staff viewing the portal as this customer: the portal shows a read-only banner.
              ...(a.viewAs ? { viewAs: { name: a.viewAs.customerName, staffEmail: a.viewAs.staffEmail } } : {}),
            }
          : { kind: a.kind, role: a.role, email: a.email },
      expired: !a && res.locals.sessionExpired === true,
      staffHost: req.staffHost,
    });
  });
  /** The double-submit token for API clients that did not get it from a page. */
  router.get('/csrf', responds({ 200: ZCsrfToken }), (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ csrfToken: ensureCsrfToken(req, res) });
  });
  return router;
}
