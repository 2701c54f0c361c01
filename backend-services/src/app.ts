import express, { type Express } from 'express';
import helmet from 'helmet';
import cookieParser from 'cookie-parser';
import type { Logger } from 'pino';
import type { Auth } from 'firebase-admin/auth';
import type { TConfig } from './config.ts';
import { requestLogger } from './platform/http/logger.ts';
import { trustWebServerOnly } from './platform/http/client-address.ts';
import { errorHandler, notFoundHandler } from './platform/http/error-handler.ts';
import { createTenantResolver } from './platform/tenancy/tenant-resolver.ts';
import { healthRouter } from './health/health.router.ts';
import { tenantsRouter } from './tenants/tenants.router.ts';
import { loadSession } from './platform/auth/session.middleware.ts';
import { loadViewAs } from './platform/auth/view-as-session.ts';
import { requireCsrf } from './platform/http/csrf.ts';
import { sessionRouter } from './session/session.router.ts';
import { customerAuthRouter } from './customer-auth/customer-auth.router.ts';
import { staffAuthRouter } from './staff-auth/staff-auth.router.ts';
import { dashboardRouter } from './dashboard/dashboard.router.ts';
import { teamRouter } from './team/team.router.ts';
import { auditRouter } from './audit/audit.router.ts';
import { customersRouter } from './customers/customers.router.ts';
import { serviceInfoRouter } from './service-info/service-info.router.ts';
import { customerSupportRouter, staffSupportRouter } from './support/support.router.ts';
import { ticketsRouter } from './tickets/tickets.router.ts';
import { deskRouter } from './desk/desk.router.ts';
import { slaSettingsRouter } from './sla/sla.router.ts';
import { reportsRouter } from './sla/reports.router.ts';
import { allow } from './platform/access/access.ts';
import { brandingRouter } from './branding/branding.router.ts';
import { tlsRouter } from './branding/custom-domain.router.ts';
import { createLifecycle } from './platform/http/lifecycle.ts';
import { measureRequests, metricsEndpoint } from './platform/metrics/metrics.ts';
import { databaseUnavailable } from './platform/db/db-availability.ts';
import { startPresenceSync } from './desk/presence.ts';
import { ZOpenApiDocument } from '@wisp/shared';
import { plainText, responds } from './platform/openapi/responds.ts';
import { openApiEndpoint } from './platform/openapi/openapi.router.ts';
import { APP_VERSION } from './health/health.router.ts';

export type AppDeps = { config: TConfig; logger: Logger; auth: Auth };

/** Builds the Express app without listening, so tests can start it on port 0. */
export function createApp({ config, logger, auth }: AppDeps): Express {
  const app = express();
  const lifecycle = createLifecycle();
  // server.ts drains through it on SIGTERM.
  app.locals.lifecycle = lifecycle;
  startPresenceSync();
  // Only the portal's own web server sits in front; the client address is the one it forwarded.
  app.set('trust proxy', trustWebServerOnly);
  app.disable('x-powered-by');
  app.use(lifecycle.track);
  app.use(measureRequests);
  app.use(requestLogger(logger));
  app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } }));
  app.use(express.json({ limit: '100kb' }));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(cookieParser());

  app.use(
    '/api/health',
    allow('public'),
    healthRouter(auth, { lifecycle, redisConfigured: Boolean(config.REDIS_URL) }),
  );
  // Not public: see metricsEndpoint (private peers or the METRICS_TOKEN bearer; 404 for anyone else).
  app.get(
    '/api/metrics',
    allow('public'),
    responds({ 200: plainText('text/plain') }),
    metricsEndpoint(config.METRICS_TOKEN),
  );
  // The contract of every route below, from the shared schemas they declare (platform/openapi/).
  app.get('/api/openapi.json', allow('public'), responds({ 200: ZOpenApiDocument }), openApiEndpoint(app, APP_VERSION));
  // While the database is away every request answers 503 at once instead of waiting for it.
  app.use('/api', databaseUnavailable);

  // The TLS proxy asks before any tenant is known (see branding/custom-domain.router.ts).
  app.use('/api/tls', allow('public'), tlsRouter());

  const api = express.Router();
  // Order matters: tenant first, then who is asking (a session is valid only on its tenant), then CSRF.
  const tenantResolver = createTenantResolver(config.PLATFORM_DOMAIN);
  api.use(tenantResolver);
  api.use(loadSession({ idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS }));
  // Staff viewing the portal as a customer: a read-only customer actor, only beside a live staff session.
  api.use(loadViewAs());
  api.use(requireCsrf);
  // Every route declares who may call it (`allow`); these mounts are public unless a route says otherwise.
  api.use(
    '/tenant/:tenantId/branding',
    brandingRouter({
      forgetTenant: tenantResolver.forget,
      dnsServer: config.DNS_SERVER,
      cnameTarget: config.CUSTOM_DOMAIN_TARGET ?? `portal.${config.PLATFORM_DOMAIN}`,
    }),
  );
  api.use('/tenant', allow('public'), tenantsRouter());
  api.use('/session', allow('public'), sessionRouter());
  api.use('/customer-portal/auth', allow('public'), customerAuthRouter({ config, auth }));
  api.use('/staff/auth', allow('public'), staffAuthRouter({ config, auth }));
  api.use('/staff/dashboard', dashboardRouter());
  api.use('/staff/team', teamRouter({ config, auth }));
  api.use('/audit', auditRouter());
  api.use('/customers', customersRouter({ config, auth }));
  api.use('/customer-portal/service', serviceInfoRouter());
  api.use('/customer-portal/support', customerSupportRouter());
  api.use(
    '/support',
    staffSupportRouter({ portalUrlTemplate: config.PORTAL_URL_TEMPLATE, uploadDir: config.UPLOAD_DIR }),
  );
  // The public API keeps the product plan's name for tickets.
  api.use('/work-orders', ticketsRouter(config));
  api.use('/desk', deskRouter());
  api.use('/settings/service-levels', slaSettingsRouter());
  api.use('/reports', reportsRouter());
  app.use('/api', api);

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
