import { describe, expect, it } from 'vitest';
import { ZViewAsStarted } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff, TEST_CSRF } from '../../test/sessions.ts';
import { browser } from '../../test/portal-accounts.ts';
import { aTicket, customerPath, openTicketAs } from '../tickets/ticket-test-kit.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';
import { startSession } from '../platform/auth/session.service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../platform/auth/session-cookie.ts';
import { VIEW_AS_COOKIE } from '../platform/auth/view-as-session.ts';
import { SessionModel } from '../platform/auth/session.model.ts';
import { TicketMessageModel } from '../tickets/ticket.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { createApp } from '../app.ts';
import { createLogger } from '../platform/http/logger.ts';
import { registeredRoutes } from '../platform/access/route-walk.ts';
import { isReadOnlyPermission, reachOf, type Permission } from '../platform/access/permissions.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('viewas', (w) => ({ t, blue, green } = w));

const policy = () => ({ idleMinutes: t.config.SESSION_IDLE_MINUTES, absoluteHours: t.config.SESSION_ABSOLUTE_HOURS });

/** A staff session's cookie token, so a test can send exactly the cookies a browser would. */
async function staffToken(tenant = blue, role: 'staff' | 'admin' = 'staff') {
  const { token } = await startSession(
    {
      kind: 'staff',
      tenantId: String(tenant._id),
      uid: `staff-${role}-${tenant.slug}`,
      role,
      email: `${role}@${tenant.slug}.example`,
    },
    policy(),
  );
  return token;
}

/** A client that sends these cookies (and a CSRF token) and nothing else. */
function withCookies(cookies: Record<string, string>, slug = 'viewas-blue') {
  const all = { [CSRF_COOKIE]: TEST_CSRF, ...cookies };
  return {
    get: (path: string) =>
      t
        .client(slug)
        .get(path)
        .set(
          'Cookie',
          Object.entries(all)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
        ),
    post: (path: string, body: object = {}) =>
      t
        .client(slug)
        .post(path)
        .set(
          'Cookie',
          Object.entries(all)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
        )
        .set('X-CSRF-Token', TEST_CSRF)
        .send(body),
  };
}

const viewCookieOf = (res: { headers: Record<string, unknown> }) => {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((c) => c.startsWith(`${VIEW_AS_COOKIE}=`));
  return cookie?.split(';')[0]!.split('=')[1] ?? null;
};

/** Staff open a view as `customerId`; answers both cookies. */
async function startView(customerId: string) {
  const session = await staffToken();
  const res = await withCookies({ [SESSION_COOKIE]: session }).post(`/api/customers/${customerId}/view-as`);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const view = viewCookieOf(res)!;
  expect(view).toBeTruthy();
  return {
    session,
    view,
    body: ZViewAsStarted.strict().parse(res.body),
    both: withCookies({ [SESSION_COOKIE]: session, [VIEW_AS_COOKIE]: view }),
  };
}

describe('POST /api/customers/:customerId/view-as', () => {
  it("anonymous → 401; a customer → 404; another tenant's staff → 404", async () => {
    const c = await createCustomer(blue);
    expect((await browser(t, 'viewas-blue').post(`/api/customers/${c.customerId}/view-as`).send({})).status).toBe(401);
    const cust = await signInAsCustomer(t, t.client('viewas-blue'), blue, c);
    expect((await cust.post(`/api/customers/${c.customerId}/view-as`).send({})).status).toBe(404);
    const other = await signInAsStaff(t, t.client('viewas-green'), green);
    expect((await other.post(`/api/customers/${c.customerId}/view-as`).send({})).status).toBe(404);
  });

  it('staff see the portal as the customer: their profile, service and tickets, with who is looking', async () => {
    const c = await createCustomer(blue, { firstName: 'Maria', lastName: 'Hansen' });
    const ticket = await openTicketAs(await signInAsCustomer(t, t.client('viewas-blue'), blue, c), c);
    const { both, body } = await startView(c.customerId);
    expect(body).toMatchObject({ customerId: c.customerId, name: 'Maria Hansen' });
    expect((await both.get('/api/session')).body.actor).toEqual({
      kind: 'customer',
      customerId: c.customerId,
      viewAs: { name: 'Maria Hansen', staffEmail: 'staff@viewas-blue.example' },
    });
    expect((await both.get('/api/customer-portal/auth/me')).body.customer.customerId).toBe(c.customerId);
    expect((await both.get('/api/customer-portal/service')).status).toBe(200);
    const tickets = await both.get(customerPath(c));
    expect(tickets.status).toBe(200);
    expect(JSON.stringify(tickets.body)).toContain(ticket.ticketNumber);
    expect((await both.get(customerPath(c, `/${ticket.id}`))).status).toBe(200);
  });

  it('each view is recorded in the audit log with the staff member and the customer', async () => {
    const c = await createCustomer(blue);
    await startView(c.customerId);
    const rows = await AuditEntryModel.find({
      tenantId: blue._id,
      action: 'customer.viewAs',
      'target.id': c.customerId,
    }).lean();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor?.email).toBe('staff@viewas-blue.example');
  });

  it('every write is refused by the backend with 403 READ_ONLY, and nothing is written', async () => {
    const c = await createCustomer(blue);
    const ticket = await openTicketAs(await signInAsCustomer(t, t.client('viewas-blue'), blue, c), c);
    const { both } = await startView(c.customerId);
    const messagesBefore = await TicketMessageModel.countDocuments({ workOrderId: ticket.id });
    const writes: [string, object][] = [
      [customerPath(c, `/${ticket.id}/comments`), { body: 'Hello from staff?' }],
      [customerPath(c), aTicket()],
      [customerPath(c, `/${ticket.id}/close`), {}],
      [customerPath(c, `/${ticket.id}/rating`), { rating: 1 }],
      [customerPath(c, `/${ticket.id}/read`), {}],
      ['/api/customer-portal/auth/logout-everywhere', {}],
    ];
    for (const [path, body] of writes) {
      const res = await both.post(path, body);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 403, 'READ_ONLY']);
    }
    expect(await TicketMessageModel.countDocuments({ workOrderId: ticket.id })).toBe(messagesBefore);
  });

  it('the staff session stays intact: without the view cookie the same browser is staff again', async () => {
    const c = await createCustomer(blue);
    const { session } = await startView(c.customerId);
    const staffOnly = withCookies({ [SESSION_COOKIE]: session });
    expect((await staffOnly.get('/api/session')).body.actor).toMatchObject({ kind: 'staff' });
    expect((await staffOnly.get(`/api/customers/${c.customerId}`)).status).toBe(200);
  });

  it('a view token is no session of its own: as the session cookie it signs nobody in', async () => {
    const c = await createCustomer(blue);
    const { view } = await startView(c.customerId);
    expect((await withCookies({ [SESSION_COOKIE]: view }).get('/api/session')).body.actor).toBeNull();
    expect((await withCookies({ [VIEW_AS_COOKIE]: view }).get('/api/customer-portal/auth/me')).status).toBe(401);
  });

  it("a view opened by one staff session does nothing beside another staff member's session", async () => {
    const c = await createCustomer(blue);
    const { view } = await startView(c.customerId);
    const other = withCookies({ [SESSION_COOKIE]: await staffToken(blue, 'admin'), [VIEW_AS_COOKIE]: view });
    const res = await other.get('/api/session');
    expect(res.body.actor).toMatchObject({ kind: 'staff', role: 'admin' });
    expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`${VIEW_AS_COOKIE}=;`));
  });

  it('a customer session beside a view cookie stays that customer', async () => {
    const [c, other] = [await createCustomer(blue), await createCustomer(blue)];
    const { view } = await startView(other.customerId);
    const { token } = await startSession(
      { kind: 'customer', tenantId: String(blue._id), uid: `uid-${c.customerId}`, customerId: c.customerId },
      policy(),
    );
    const res = await withCookies({ [SESSION_COOKIE]: token, [VIEW_AS_COOKIE]: view }).get('/api/session');
    expect(res.body.actor).toEqual({ kind: 'customer', customerId: c.customerId });
  });

  it('signing the staff member out ends the view', async () => {
    const c = await createCustomer(blue);
    const { session, both } = await startView(c.customerId);
    await withCookies({ [SESSION_COOKIE]: session })
      .post('/api/staff/auth/logout')
      .expect((r) => expect(r.status).toBeLessThan(300));
    expect((await both.get('/api/customer-portal/auth/me')).status).toBe(401);
  });

  it('signing out in the portal during a view ends the view only; the staff member stays signed in', async () => {
    const c = await createCustomer(blue);
    const { session, both } = await startView(c.customerId);
    const res = await both.post('/api/customer-portal/auth/logout');
    expect(res.status).toBe(204);
    expect(String(res.headers['set-cookie'])).not.toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect((await both.get('/api/session')).body.actor).toMatchObject({ kind: 'staff' });
    expect((await withCookies({ [SESSION_COOKIE]: session }).get('/api/session')).body.actor).toMatchObject({
      kind: 'staff',
    });
  });
});

describe('POST /api/customers/view-as/end', () => {
  it('anonymous → 401; a customer → 404', async () => {
    const c = await createCustomer(blue);
    expect((await browser(t, 'viewas-blue').post('/api/customers/view-as/end').send({})).status).toBe(401);
    const cust = await signInAsCustomer(t, t.client('viewas-blue'), blue, c);
    expect((await cust.post('/api/customers/view-as/end').send({})).status).toBe(404);
  });

  it("ends the staff session's view and says which customer page to go back to", async () => {
    const c = await createCustomer(blue);
    const { session, both } = await startView(c.customerId);
    const res = await withCookies({ [SESSION_COOKIE]: session }).post('/api/customers/view-as/end');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ customerId: c.customerId });
    expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`${VIEW_AS_COOKIE}=;`));
    expect((await both.get('/api/session')).body.actor).toMatchObject({ kind: 'staff' });
    expect(
      await SessionModel.countDocuments({ 'viewAs.staffSessionId': { $exists: true }, customerId: c.customerId }),
    ).toBe(0);
  });

  it('opening a second view replaces the first', async () => {
    const [a, b] = [await createCustomer(blue), await createCustomer(blue)];
    const { session, view } = await startView(a.customerId);
    const second = await withCookies({ [SESSION_COOKIE]: session }).post(`/api/customers/${b.customerId}/view-as`);
    expect(second.status).toBe(201);
    expect(
      (await withCookies({ [SESSION_COOKIE]: session, [VIEW_AS_COOKIE]: view }).get('/api/session')).body.actor.kind,
    ).toBe('staff');
    const newView = viewCookieOf(second)!;
    expect(
      (await withCookies({ [SESSION_COOKIE]: session, [VIEW_AS_COOKIE]: newView }).get('/api/session')).body.actor
        .customerId,
    ).toBe(b.customerId);
  });
});

describe('the read-only rule, walked over every route', () => {
  it('every route a customer may call with a permission not marked as a read answers 403 READ_ONLY in a view', async () => {
    const c = await createCustomer(blue);
    const ticket = await openTicketAs(await signInAsCustomer(t, t.client('viewas-blue'), blue, c), c);
    const { both } = await startView(c.customerId);
    const routes = registeredRoutes(createApp({ config: t.config, logger: createLogger('silent'), auth: t.auth }));
    const writes = routes.filter(
      (r) =>
        r.access !== null &&
        r.access !== 'public' &&
        reachOf(r.access as Permission, 'customer') &&
        !isReadOnlyPermission(r.access as Permission),
    );
    expect(writes.length).toBeGreaterThan(5);
    const refused: string[] = [];
    for (const r of writes) {
      const path = r.path
        .replace(':customerId', c.customerId)
        .replace(':attachmentId', '0123456789abcdef01234567')
        .replace(':id', r.path.includes('/incidents/') ? '0123456789abcdef01234567' : ticket.id);
      const res = r.method === 'GET' ? await both.get(path) : await both.post(path, {});
      if (res.status !== 403 || res.body.error?.code !== 'READ_ONLY')
        refused.push(`${r.method} ${r.path}: ${res.status}`);
    }
    expect(refused).toEqual([]);
  });
});
