import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { useTestApp } from '../../../test/kit.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { incidentFor } from '../../../test/incident-factory.ts';
import { TEST_CSRF } from '../../../test/sessions.ts';
import { createApp } from '../../app.ts';
import { createLogger } from '../http/logger.ts';
import { startSession } from '../auth/session.service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/session-cookie.ts';
import type { Actor } from '../auth/actor.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import { FaqArticleModel } from '../../support/faq/faq-article.model.ts';
import { StaffMemberModel } from '../../team/staff-member.model.ts';
import { pngBytes } from '../../tickets/ticket-test-kit.ts';
import { BrandingAssetModel, BrandingVersionModel } from '../../branding/branding.model.ts';
import { CustomDomainModel } from '../../branding/custom-domain.model.ts';
import { PERMISSIONS, reachOf, type RouteAccess } from './permissions.ts';
import { audienceOf } from './access.ts';
import { registeredRoutes, type RegisteredRoute } from './route-walk.ts';

/**
 * Every route of the app × every kind of caller, against the permission table. What a route names
 * (`names`): things of the owner customer (`customer`), of the owner's tenant (`tenant`), or nothing
 * (it answers about the caller's own tenant or self). A route missing here fails the walk.
 */
type Sample = {
  access: RouteAccess;
  names?: 'customer' | 'tenant';
  body?: (f: Fixtures) => object;
  /** What every caller gets through the walk (which arrives as a proxy would), e.g. 404 for a private route. */
  throughProxy?: 404;
};
type Fixtures = {
  ticketId: string;
  fileId: string;
  incidentId: string;
  faqSlug: string;
  owner: TCustomerDoc;
  tenantId: string;
  assetFile: string;
  staffUid: string;
};

const faqInput = (f: Fixtures) => ({
  kind: 'faq',
  category: 'Wi-Fi',
  title: 'Reboot the router',
  slug: f.faqSlug,
  bodyMarkdown: 'x',
});
const aTicket = {
  title: 'Internet is very slow',
  description: 'Speeds drop every evening since Monday.',
  category: 'other',
};
const CUSTOMER = '/api/work-orders/customer/:customerId';
const BRANDING = '/api/tenant/:tenantId/branding';

const ROUTES: Record<string, Sample> = {
  'GET /api/health': { access: 'public' },
  // Several backend processes (issue 19): liveness, readiness, and metrics for private peers only.
  'GET /api/health/live': { access: 'public' },
  'GET /api/health/ready': { access: 'public' },
  // Its own test proves a private peer reads it; a request passed on by a proxy (as the walk's are) gets 404.
  'GET /api/metrics': { access: 'public', throughProxy: 404 },
  // The OpenAPI document (issue 20): public, outside any tenant.
  'GET /api/openapi.json': { access: 'public' },
  'GET /api/tenant/current': { access: 'public' },
  'GET /api/session': { access: 'public' },
  'GET /api/session/csrf': { access: 'public' },
  'POST /api/customer-portal/auth/login': { access: 'public' },
  'POST /api/customer-portal/auth/signup': { access: 'public' },
  'POST /api/customer-portal/auth/link-account': { access: 'public' },
  'POST /api/customer-portal/auth/reset-password': { access: 'public' },
  'POST /api/customer-portal/auth/reset-password/complete': { access: 'public' },
  'GET /api/customer-portal/auth/me': { access: 'account.read' },
  'POST /api/customer-portal/auth/logout': { access: 'public' },
  'POST /api/customer-portal/auth/logout-everywhere': { access: 'session.end' },
  // Staff sign-in (branch staff-signin)
  'GET /api/staff/auth/config': { access: 'public' },
  'POST /api/staff/auth/session': { access: 'public' },
  'POST /api/staff/auth/logout': { access: 'public' },
  'POST /api/staff/auth/logout-everywhere': { access: 'staffSession.endAll' },
  'GET /api/staff/dashboard': { access: 'dashboard.read' },
  'GET /api/staff/team': { access: 'team.read' },
  'PATCH /api/staff/team/:uid': { access: 'team.update', names: 'tenant', body: () => ({ role: 'staff' }) },
  'GET /api/audit': { access: 'audit.read' },
  // Staff invitations and password reset (branch staff-signin, issue 14)
  'POST /api/staff/team/invitations': {
    access: 'team.invite',
    body: () => ({ email: `walk${Math.random().toString(36).slice(2, 10)}@wisp.example`, name: 'Walk', role: 'staff' }),
  },
  'POST /api/staff/auth/reset-password': { access: 'public' },
  'POST /api/staff/auth/set-password': { access: 'public' },
  'POST /api/customers/:customerId/portal-invite': { access: 'customer.invite', names: 'tenant' },
  'POST /api/customers/:customerId/portal-access': {
    access: 'customer.portalAccess',
    names: 'tenant',
    body: () => ({ enabled: true }),
  },
  'PATCH /api/customers/:customerId/service-status': {
    access: 'customer.serviceStatus',
    names: 'tenant',
    body: () => ({ serviceStatus: 'active' }),
  },
  // Customer module (branch `customers`): list, page, create / edit, CSV import, view as the customer.
  'GET /api/customers': { access: 'customer.list' },
  'POST /api/customers': {
    access: 'customer.create',
    body: () => ({ customerId: `WALK-${Math.random().toString(36).slice(2, 10)}`, firstName: 'Walk', lastName: 'Er' }),
  },
  'POST /api/customers/import/analyze': { access: 'customer.import' },
  'POST /api/customers/import/dry-run': { access: 'customer.import' },
  'POST /api/customers/import': { access: 'customer.import' },
  'POST /api/customers/view-as/end': { access: 'customer.viewAs' },
  'GET /api/customers/:customerId': { access: 'customer.read', names: 'tenant' },
  'PATCH /api/customers/:customerId': {
    access: 'customer.update',
    names: 'tenant',
    body: () => ({ siteId: 'INC-SITE-A' }),
  },
  'POST /api/customers/:customerId/view-as': { access: 'customer.viewAs', names: 'tenant' },
  'GET /api/customer-portal/service': { access: 'service.read' },
  'GET /api/customer-portal/service/status': { access: 'service.read' },
  'GET /api/customer-portal/service/intake': { access: 'service.read' },
  'GET /api/customer-portal/support/faq': { access: 'public' },
  'GET /api/customer-portal/support/faq/:slug': { access: 'public', names: 'tenant' },
  'GET /api/customer-portal/support/status': { access: 'public' },
  'GET /api/customer-portal/support/contact': { access: 'public' },
  'POST /api/customer-portal/support/incidents/:id/subscribe': { access: 'incident.subscribe', names: 'tenant' },
  'GET /api/support/incidents': { access: 'incident.list' },
  'POST /api/support/incidents': {
    access: 'incident.create',
    body: () => ({ title: 'Tower down', message: 'Crew on the way.' }),
  },
  'POST /api/support/incidents/:id/updates': {
    access: 'incident.update',
    names: 'tenant',
    body: () => ({ status: 'identified', message: 'Found it.' }),
  },
  'GET /api/support/faq': { access: 'faq.list' },
  'POST /api/support/faq': {
    access: 'faq.create',
    body: (f) => ({ ...faqInput(f), slug: `new-${Math.random().toString(36).slice(2, 10)}` }),
  },
  'PUT /api/support/faq/:slug': { access: 'faq.update', names: 'tenant', body: faqInput },
  // Outages (branch outages, issue 17): linked tickets, delivery reports, the FAQ editor.
  'GET /api/support/sites': { access: 'incident.list' },
  'GET /api/support/incidents/:id/tickets': { access: 'incident.tickets', names: 'tenant' },
  'POST /api/support/incidents/:id/links': { access: 'incident.link', names: 'tenant', body: () => ({ all: true }) },
  'GET /api/support/incidents/:id/updates/:index/delivery': { access: 'incident.tickets', names: 'tenant' },
  'POST /api/support/incidents/:id/updates/:index/deliver': { access: 'incident.deliver', names: 'tenant' },
  'GET /api/support/faq/:slug': { access: 'faq.read', names: 'tenant' },
  'POST /api/support/faq/preview': { access: 'faq.preview', body: () => ({ bodyMarkdown: '# Hi' }) },
  // Deleting answers the same whether the article existed; the walk deletes one that does not (see call()).
  'DELETE /api/support/faq/:slug': { access: 'faq.delete' },
  [`GET ${CUSTOMER}/events`]: { access: 'ticket.events.own', names: 'customer' },
  [`GET ${CUSTOMER}`]: { access: 'ticket.list.own', names: 'customer' },
  [`POST ${CUSTOMER}`]: { access: 'ticket.open.own', names: 'customer', body: () => aTicket },
  [`GET ${CUSTOMER}/:id`]: { access: 'ticket.read', names: 'customer' },
  [`POST ${CUSTOMER}/:id/comments`]: {
    access: 'ticket.comment',
    names: 'customer',
    body: () => ({ body: 'Any news?' }),
  },
  [`POST ${CUSTOMER}/:id/upload`]: { access: 'ticket.upload', names: 'customer' },
  [`POST ${CUSTOMER}/:id/close`]: { access: 'ticket.close', names: 'customer' },
  [`POST ${CUSTOMER}/:id/reopen`]: { access: 'ticket.reopen', names: 'customer' },
  [`POST ${CUSTOMER}/:id/rating`]: { access: 'ticket.rate', names: 'customer', body: () => ({ rating: 5 }) },
  [`POST ${CUSTOMER}/:id/read`]: { access: 'ticket.markRead', names: 'customer' },
  [`GET ${CUSTOMER}/:id/attachments/:attachmentId`]: { access: 'ticket.read', names: 'customer' },
  'GET /api/work-orders': { access: 'ticket.list' },
  'POST /api/work-orders': {
    access: 'ticket.open',
    names: 'tenant',
    body: (f) => ({ ...aTicket, customerId: f.owner.customerId }),
  },
  'GET /api/work-orders/:id': { access: 'ticket.read.all', names: 'customer' },
  'POST /api/work-orders/:id/replies': { access: 'ticket.reply', names: 'customer', body: () => ({ body: 'On it.' }) },
  'POST /api/work-orders/:id/notes': { access: 'ticket.note', names: 'customer', body: () => ({ body: 'AP logs.' }) },
  'POST /api/work-orders/:id/status': {
    access: 'ticket.status',
    names: 'customer',
    body: () => ({ status: 'in-progress' }),
  },
  'POST /api/work-orders/:id/assign': {
    access: 'ticket.assign',
    names: 'customer',
    body: () => ({ assignedTo: 'dale@a.example' }),
  },
  'GET /api/work-orders/:id/attachments/:attachmentId': { access: 'ticket.read.all', names: 'customer' },

  // Branding studio (issue 16).
  [`GET ${BRANDING}`]: { access: 'public', names: 'tenant' },
  [`PUT ${BRANDING}`]: {
    access: 'branding.update',
    names: 'tenant',
    body: () => ({ features: { enableLiveChat: false } }),
  },
  [`GET ${BRANDING}/draft`]: { access: 'branding.preview', names: 'tenant' },
  [`POST ${BRANDING}/publish`]: { access: 'branding.update', names: 'tenant' },
  [`GET ${BRANDING}/versions`]: { access: 'branding.update', names: 'tenant' },
  [`GET ${BRANDING}/versions/:n`]: { access: 'branding.preview', names: 'tenant' },
  [`POST ${BRANDING}/versions/:n/restore`]: { access: 'branding.update', names: 'tenant' },
  [`POST ${BRANDING}/logo`]: { access: 'branding.update', names: 'tenant' },
  [`POST ${BRANDING}/favicon`]: { access: 'branding.update', names: 'tenant' },
  [`GET ${BRANDING}/assets/:file`]: { access: 'public', names: 'tenant' },
  [`GET ${BRANDING}/manifest.webmanifest`]: { access: 'public', names: 'tenant' },
  [`GET ${BRANDING}/domain`]: { access: 'branding.update', names: 'tenant' },
  [`PUT ${BRANDING}/domain`]: {
    access: 'branding.update',
    names: 'tenant',
    body: () => ({ domain: 'support.walk-a.example' }),
  },
  [`POST ${BRANDING}/domain/check`]: { access: 'branding.update', names: 'tenant' },
  [`POST ${BRANDING}/domain/activate`]: { access: 'branding.update', names: 'tenant' },
  'GET /api/tls/ask': { access: 'public' },

  // The ticket desk (issue 15).
  'GET /api/work-orders/events': { access: 'ticket.events' },
  'POST /api/work-orders/bulk': {
    access: 'ticket.bulk',
    names: 'tenant',
    body: (f) => ({ ids: [f.ticketId], priority: 'high' }),
  },
  'PATCH /api/work-orders/:id': { access: 'ticket.triage', names: 'customer', body: () => ({ priority: 'high' }) },
  'POST /api/work-orders/:id/presence': {
    access: 'ticket.presence',
    names: 'customer',
    body: () => ({ state: 'viewing' }),
  },
  'GET /api/work-orders/:id/customer': { access: 'ticket.read.all', names: 'customer' },
  'GET /api/desk/views': { access: 'desk.views' },
  'POST /api/desk/views': {
    access: 'desk.views',
    body: () => ({ name: `View ${Math.random().toString(36).slice(2, 10)}`, query: 'view=open' }),
  },
  'DELETE /api/desk/views/:id': { access: 'desk.views' },
  'GET /api/desk/saved-replies': { access: 'desk.savedReplies.read' },
  'POST /api/desk/saved-replies': {
    access: 'desk.savedReplies.write',
    body: () => ({ title: 'Thanks', body: 'Hi {{customer.firstName}}, thanks!', scope: 'personal' }),
  },
  'DELETE /api/desk/saved-replies/:id': { access: 'desk.savedReplies.write' },

  // Service levels and satisfaction (branch sla, issue 17).
  'GET /api/settings/service-levels': { access: 'sla.read' },
  'PUT /api/settings/service-levels': {
    access: 'sla.update',
    body: () => ({
      targets: Object.fromEntries(
        ['low', 'medium', 'high', 'critical'].map((p) => [p, { firstResponseMinutes: 60, resolutionMinutes: 480 }]),
      ),
    }),
  },
  'GET /api/reports/satisfaction': { access: 'report.satisfaction' },
};

/** Routes that end the caller's sessions run after the others, so they cannot sign anyone out mid-walk. */
const ENDS_SESSIONS = new Set([
  'POST /api/customer-portal/auth/logout-everywhere',
  'POST /api/customer-portal/auth/logout',
  'POST /api/staff/auth/logout',
  'POST /api/staff/auth/logout-everywhere',
]);

type Caller = {
  name: string;
  tenant: TTenantDoc;
  actor: Omit<Actor, 'sessionId'> | null;
  sameTenant: boolean;
  isOwner: boolean;
};

let t: TestApp;
let routes: RegisteredRoute[];
let fixtures: Fixtures;
let callers: Caller[];

useTestApp((app) => (t = app));
beforeAll(async () => {
  routes = registeredRoutes(createApp({ config: t.config, logger: createLogger('silent'), auth: t.auth }));
  const a = await createTenant({ slug: 'walk-a' });
  const b = await createTenant({ slug: 'walk-b', like: 'summitridge' });
  const site = { siteId: 'INC-SITE-A' };
  const [owner, other, stranger] = await Promise.all([
    createCustomer(a, site),
    createCustomer(a, site),
    createCustomer(b, site),
  ]);
  const staffOf = (tenant: TTenantDoc, role: 'staff' | 'admin') => ({
    kind: 'staff' as const,
    tenantId: String(tenant._id),
    role,
    uid: `walk-${role}-${tenant.slug}`,
    email: `${role}@${tenant.slug}.example`,
  });
  const customerOf = (tenant: TTenantDoc, c: TCustomerDoc) => ({
    kind: 'customer' as const,
    tenantId: String(tenant._id),
    uid: `uid-${c.customerId}`,
    customerId: c.customerId,
  });
  callers = [
    { name: 'anonymous', tenant: a, actor: null, sameTenant: true, isOwner: false },
    { name: 'owner customer', tenant: a, actor: customerOf(a, owner), sameTenant: true, isOwner: true },
    { name: 'other customer, same tenant', tenant: a, actor: customerOf(a, other), sameTenant: true, isOwner: false },
    { name: "other tenant's customer", tenant: b, actor: customerOf(b, stranger), sameTenant: false, isOwner: false },
    { name: 'staff', tenant: a, actor: staffOf(a, 'staff'), sameTenant: true, isOwner: false },
    { name: "other tenant's staff", tenant: b, actor: staffOf(b, 'staff'), sameTenant: false, isOwner: false },
    { name: 'admin', tenant: a, actor: staffOf(a, 'admin'), sameTenant: true, isOwner: false },
  ];
  const ownerSession = await startSession(customerOf(a, owner), policy());
  const created = await fetch(`${t.baseUrl}/api/work-orders/customer/${owner.customerId}`, {
    method: 'POST',
    headers: headersFor(a, ownerSession.token),
    body: (() => {
      const form = new FormData();
      for (const [k, v] of Object.entries(aTicket)) form.set(k, v);
      return form;
    })(),
  });
  const formTicket = created.status === 201 ? ((await created.json()) as { ticket: { id: string } }) : null;
  if (!formTicket) throw new Error(`could not open the fixture ticket: ${created.status}`);
  const withFile = new FormData();
  withFile.set('files', new Blob([new Uint8Array(await pngBytes())], { type: 'image/png' }), 'router.png');
  const uploaded = await fetch(
    `${t.baseUrl}/api/work-orders/customer/${owner.customerId}/${formTicket.ticket.id}/upload`,
    {
      method: 'POST',
      headers: headersFor(a, ownerSession.token),
      body: withFile,
    },
  );
  const { attachments } = (await uploaded.json()) as { attachments: { id: string }[] };
  const faqSlug = 'walk-reboot';
  await FaqArticleModel.create({
    tenantId: a._id,
    kind: 'faq',
    category: 'Wi-Fi',
    title: 'Reboot',
    slug: faqSlug,
    published: true,
  });
  // Branding studio (issue 16): a published version to read and restore, and a stored image.
  await BrandingVersionModel.create({ tenantId: a._id, version: 1, branding: a.branding, publishedAt: new Date() });
  await CustomDomainModel.create({
    _id: 'support.walk-a.example',
    tenantId: a._id,
    token: 'walk',
    state: 'verified',
    createdAt: new Date(),
  });
  const assetFile = `${'ab'.repeat(16)}.png`;
  await BrandingAssetModel.create({
    _id: `${String(a._id)}:${assetFile}`,
    tenantId: a._id,
    contentType: 'image/png',
    data: await pngBytes(),
    createdAt: new Date(),
  });
  fixtures = {
    tenantId: String(a._id),
    assetFile,
    ticketId: formTicket.ticket.id,
    fileId: attachments[0]!.id,
    incidentId: await incidentFor(a),
    faqSlug,
    owner,
    staffUid: 'walk-member',
  };
  // Staff sign-in (branch staff-signin): a team member of tenant a for the team routes.
  await StaffMemberModel.create({
    tenantId: a._id,
    uid: 'walk-member',
    email: 'member@walk-a.example',
    name: 'Walk Member',
    role: 'staff',
  });
});

const policy = () => ({ idleMinutes: t.config.SESSION_IDLE_MINUTES, absoluteHours: t.config.SESSION_ABSOLUTE_HOURS });

function headersFor(tenant: TTenantDoc, sessionToken?: string): Record<string, string> {
  return {
    'X-Forwarded-Host': `${tenant.slug}.localhost`,
    'X-CSRF-Token': TEST_CSRF,
    Cookie: [`${CSRF_COOKIE}=${TEST_CSRF}`, ...(sessionToken ? [`${SESSION_COOKIE}=${sessionToken}`] : [])].join('; '),
  };
}

const keyOf = (r: Pick<RegisteredRoute, 'method' | 'path'>) => `${r.method} ${r.path}`;

function urlOf(path: string, f: Fixtures) {
  const url = path
    .replace(':tenantId', f.tenantId)
    .replace(':n', '1')
    .replace(':file', f.assetFile)
    .replace(':customerId', f.owner.customerId)
    .replace(':attachmentId', f.fileId)
    .replace(':slug', f.faqSlug)
    .replace(':uid', f.staffUid)
    .replace(':index', '0')
    .replace(':id', path.includes('/incidents/') ? f.incidentId : f.ticketId);
  if (url.endsWith('/api/tls/ask')) return `${url}?domain=support.walk-a.example`;
  return url.endsWith('/service/intake') ? `${url}?category=no-connection` : url;
}

type Expected = 'public' | 401 | 404 | 'allowed';

/** What the permission table says this caller gets on this route. */
function expectedFor(sample: Sample, caller: Caller): Expected {
  if (sample.throughProxy) return sample.throughProxy;
  if (sample.names && !caller.sameTenant) return 404;
  if (sample.access === 'public') return 'public';
  if (!caller.actor) return 401;
  const reach = reachOf(sample.access, audienceOf({ ...caller.actor, sessionId: '' } as Actor));
  if (!reach) return 404;
  if (sample.names === 'customer' && reach === 'own' && !caller.isOwner) return 404;
  return 'allowed';
}

async function call(route: RegisteredRoute, caller: Caller) {
  const sample = ROUTES[keyOf(route)]!;
  const token = caller.actor ? (await startSession(caller.actor as never, policy())).token : undefined;
  const body = route.method === 'GET' ? undefined : JSON.stringify(sample.body?.(fixtures) ?? {});
  const controller = new AbortController();
  // Outages (issue 17): a DELETE must not remove the fixture the other routes read.
  const path = route.method === 'DELETE' ? route.path.replace(':slug', 'walk-not-there') : route.path;
  const res = await fetch(`${t.baseUrl}${urlOf(path, fixtures)}`, {
    method: route.method,
    headers: { ...headersFor(caller.tenant, token), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body,
    signal: controller.signal,
  });
  const json = res.headers.get('content-type')?.includes('json')
    ? ((await res.json()) as { error?: { code: string } })
    : null;
  controller.abort();
  return { status: res.status, code: json?.error?.code };
}

describe('the permission table, walked for every route × caller', () => {
  it('every route registered on the app is in the walk, and declares the access the walk expects', () => {
    const registered = routes.map((r) => ({ route: keyOf(r), access: r.access }));
    expect(
      registered.filter((r) => r.access === null).map((r) => r.route),
      'routes without a declared access',
    ).toEqual([]);
    expect(
      registered.filter((r) => !ROUTES[r.route]).map((r) => r.route),
      'routes missing from the walk',
    ).toEqual([]);
    expect(Object.fromEntries(registered.map((r) => [r.route, r.access]))).toEqual(
      Object.fromEntries(Object.entries(ROUTES).map(([k, v]) => [k, v.access])),
    );
  });

  it('every permission of the table is used by a route or named as not yet routed', () => {
    // desk.savedReplies.shared: checked by the saved-replies service on top of the write route's permission.
    const used = new Set<string>([
      ...Object.values(ROUTES).map((s) => s.access),
      'ticket.read.all',
      'desk.savedReplies.shared',
    ]);
    const notYetRouted: string[] = [];
    expect(Object.keys(PERMISSIONS).filter((p) => !used.has(p) && !notYetRouted.includes(p))).toEqual([]);
  });

  // Every route × every caller: a few hundred requests, so it gets minutes, not the default 30 s.
  it(
    'anonymous → 401 (unless public), denied → 404, allowed → neither 401, 403, 404 nor 5xx',
    { timeout: 240_000 },
    async () => {
      const known = routes.filter((r) => ROUTES[keyOf(r)]);
      const plan = known.flatMap((route) => callers.map((caller) => ({ route, caller })));
      const run = async (items: typeof plan, size = 24) => {
        const results: string[] = [];
        for (let i = 0; i < items.length; i += size) {
          const batch = items.slice(i, i + size);
          const answers = await Promise.all(batch.map(({ route, caller }) => call(route, caller)));
          batch.forEach(({ route, caller }, j) => {
            const { status, code } = answers[j]!;
            const expected = expectedFor(ROUTES[keyOf(route)]!, caller);
            const ok =
              expected === 'public'
                ? status !== 404 && status < 500 && code !== 'UNAUTHENTICATED' && code !== 'SESSION_EXPIRED'
                : expected === 'allowed'
                  ? ![401, 403, 404].includes(status) && status < 500
                  : status === expected;
            if (!ok)
              results.push(`${keyOf(route)} as ${caller.name}: expected ${expected}, got ${status} ${code ?? ''}`);
          });
        }
        return results;
      };
      const failures = [
        ...(await run(plan.filter((p) => !ENDS_SESSIONS.has(keyOf(p.route))))),
        // One at a time: a caller's sign-out-everywhere would end the session of its own call in flight.
        ...(await run(
          plan.filter((p) => ENDS_SESSIONS.has(keyOf(p.route))),
          1,
        )),
      ];
      expect(failures).toEqual([]);
    },
  );
});
