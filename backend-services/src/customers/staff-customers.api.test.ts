import { describe, expect, it } from 'vitest';
import { ZCustomerDetail, ZCustomerListResponse } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import { browser, createPortalCustomer } from '../../test/portal-accounts.ts';
import { openTicketAs } from '../tickets/ticket-test-kit.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { CustomerModel } from './customer.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('custs', (w) => ({ t, blue, green } = w));

const staff = (role: 'staff' | 'admin' = 'staff') => signInAsStaff(t, t.client('custs-blue'), blue, role);
const greenStaff = () => signInAsStaff(t, t.client('custs-green'), green);
let n = 0;
const uniqueId = (prefix = 'L') => `${prefix}-${Date.now().toString(36)}-${++n}`;

async function list(query: Record<string, string | number>) {
  const res = await (await staff()).get('/api/customers').query(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ZCustomerListResponse.strict().parse(res.body);
}

describe('GET /api/customers', () => {
  it("anonymous → 401; a customer → 404; another tenant's staff never sees this tenant's customers", async () => {
    const maria = await createCustomer(blue, { firstName: 'Maria', lastName: 'Tenantcheck' });
    expect((await browser(t, 'custs-blue').get('/api/customers')).status).toBe(401);
    const customer = await signInAsCustomer(t, t.client('custs-blue'), blue, maria);
    expect((await customer.get('/api/customers')).status).toBe(404);
    const theirs = await (await greenStaff()).get('/api/customers').query({ q: 'Tenantcheck' });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    expect((await list({ q: 'Tenantcheck' })).items.map((r) => r.customerId)).toEqual([maria.customerId]);
  });

  it.each(['(402) 555-2007', '+14025552007', '402.555.2007', '4025552007', '402 555 2007'])(
    'finds a customer by the phone typed as %s',
    async (typed) => {
      const id = uniqueId('PH');
      await CustomerModel.deleteMany({ tenantId: blue._id, primaryPhone: '+14025552007' });
      await createCustomer(blue, {
        customerId: id,
        firstName: 'Maria',
        lastName: 'Hansen',
        primaryPhone: '+14025552007',
      });
      await createCustomer(blue, { primaryPhone: '+14025552008' });
      const page = await list({ q: typed });
      expect(page.items.map((r) => r.customerId)).toEqual([id]);
    },
  );

  it('finds a customer by a second phone, by part of a number, by name words, customer ID and email', async () => {
    const id = uniqueId('FIND');
    await createCustomer(blue, {
      customerId: id,
      firstName: 'Rosa',
      lastName: 'Quintanilla',
      email: 'rosa.q@findme.example',
      additionalPhones: ['+13085550199'],
    });
    for (const q of ['(308) 555-0199', '5550199', 'rosa quint', 'QUINTANILLA', id.toLowerCase(), 'rosa.q@findme']) {
      expect(
        (await list({ q })).items.map((r) => r.customerId),
        q,
      ).toEqual([id]);
    }
  });

  it('search input with regex characters is taken literally', async () => {
    const res = await (await staff()).get('/api/customers').query({ q: '.*(' });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('each row shows name, ID, phone, email, service status, portal state and last sign-in', async () => {
    const c = await createPortalCustomer(t, blue, { firstName: 'Row', lastName: 'Shape' });
    const signedIn = new Date('2026-11-30T10:00:00Z');
    await CustomerModel.updateOne({ _id: c._id }, { $set: { 'portalAccess.lastLoginAt': signedIn } });
    const [row] = (await list({ q: c.customerId })).items;
    expect(row).toEqual({
      customerId: c.customerId,
      name: 'Row Shape',
      primaryPhone: c.primaryPhone,
      email: c.email,
      serviceStatus: 'active',
      portalState: 'active',
      lastSignInAt: signedIn.toISOString(),
    });
  });

  it('filters by portal state, each state derived from the customer and portal account', async () => {
    const tag = `State${Date.now().toString(36)}`;
    const make = (overrides: Record<string, unknown>) => createCustomer(blue, { lastName: tag, ...overrides });
    const none = await make({});
    const invited = await make({
      portalAccess: { enabled: true, accessCode: 'h', accessCodeExpires: new Date(Date.now() + 3_600_000) },
    });
    const expired = await make({
      portalAccess: { enabled: true, accessCode: 'h2', accessCodeExpires: new Date(Date.now() - 1000) },
    });
    const active = await createPortalCustomer(t, blue, { lastName: tag });
    const pending = await createPortalCustomer(t, blue, { lastName: tag }, { status: 'pending' });
    const locked = await createPortalCustomer(t, blue, { lastName: tag }, { status: 'locked' });
    const disabled = await createPortalCustomer(t, blue, { lastName: tag }, { enabled: false });
    const expected = {
      none: [none, expired],
      invited: [invited],
      active: [active],
      pending: [pending],
      locked: [locked],
      disabled: [disabled],
    };
    for (const [portalState, customers] of Object.entries(expected)) {
      const page = await list({ q: tag, portalState });
      expect(page.items.map((r) => r.customerId).sort(), portalState).toEqual(
        customers.map((c) => c.customerId).sort(),
      );
      expect(page.total).toBe(customers.length);
    }
  });

  it('filters by service status', async () => {
    const tag = `Svc${Date.now().toString(36)}`;
    const suspended = await createCustomer(blue, { lastName: tag, serviceStatus: 'suspended' });
    await createCustomer(blue, { lastName: tag, serviceStatus: 'active' });
    const page = await list({ q: tag, serviceStatus: 'suspended' });
    expect(page.items.map((r) => r.customerId)).toEqual([suspended.customerId]);
  });

  it('sorts by last then first name, either way, and pages with the total of all matches', async () => {
    const tag = `Page${Date.now().toString(36)}`;
    const names = ['Zed Adams', 'amy Baker', 'Bob baker', 'Cy Cole', 'Di Dunn'];
    for (const full of names) {
      const [firstName, lastName] = full.split(' ');
      await createCustomer(blue, { firstName, lastName: `${lastName}${tag}` });
    }
    const first = await list({ q: tag, pageSize: 2, page: 1 });
    const second = await list({ q: tag, pageSize: 2, page: 2 });
    const third = await list({ q: tag, pageSize: 2, page: 3 });
    expect(first.total).toBe(5);
    expect([...first.items, ...second.items, ...third.items].map((r) => r.name.split(' ')[0])).toEqual([
      'Zed',
      'amy',
      'Bob',
      'Cy',
      'Di',
    ]);
    expect((await list({ q: tag, sort: '-name', pageSize: 1 })).items[0]!.name).toMatch(/^Di /);
  });

  it('a page size over 100 → 400 naming pageSize; an unknown portal state → 400', async () => {
    const agent = await staff();
    const big = await agent.get('/api/customers').query({ pageSize: 101 });
    expect(big.status).toBe(400);
    expect(big.body.error.fields).toHaveProperty('pageSize');
    expect((await agent.get('/api/customers').query({ portalState: 'sleeping' })).status).toBe(400);
  });
});

describe('GET /api/customers/:customerId', () => {
  it("anonymous → 401; another tenant's staff → 404; a customer (even themself) → 404", async () => {
    const c = await createCustomer(blue);
    expect((await browser(t, 'custs-blue').get(`/api/customers/${c.customerId}`)).status).toBe(401);
    expect((await (await greenStaff()).get(`/api/customers/${c.customerId}`)).status).toBe(404);
    const self = await signInAsCustomer(t, t.client('custs-blue'), blue, c);
    expect((await self.get(`/api/customers/${c.customerId}`)).status).toBe(404);
  });

  it('shows plan, status, equipment with signal and last online, installations, their tickets and the portal account', async () => {
    const c = await createCustomer(blue, {
      installations: [
        { date: new Date('2025-04-02'), type: 'install', technicianFirstName: 'Dale', internalNotes: 'Roof mount' },
      ],
      networkInfo: { signalStrength: -71, lastOnline: new Date('2026-12-01T08:00:00Z'), ipAddress: '100.64.0.9' },
    });
    const ticket = await openTicketAs(await signInAsCustomer(t, t.client('custs-blue'), blue, c), c, {
      title: 'No internet since the storm',
    });
    const res = await (await staff()).get(`/api/customers/${c.customerId}`);
    expect(res.status).toBe(200);
    const detail = ZCustomerDetail.strict().parse(res.body);
    expect(detail.servicePlan).toEqual({ planName: 'Plus', downloadMbps: 50, uploadMbps: 10, monthlyFee: 69.99 });
    expect(detail.equipment[0]).toMatchObject({ type: 'cpe', model: 'LiteBeam 5AC' });
    expect(detail.network).toEqual({
      signalStrength: -71,
      signalQuality: 'fair',
      lastOnline: '2026-12-01T08:00:00.000Z',
      ipAddress: '100.64.0.9',
    });
    expect(detail.installations).toEqual([
      expect.objectContaining({ type: 'install', technicianFirstName: 'Dale', internalNotes: 'Roof mount' }),
    ]);
    expect(detail.tickets).toEqual([
      expect.objectContaining({
        id: ticket.id,
        ticketNumber: ticket.ticketNumber,
        title: 'No internet since the storm',
        status: 'open',
      }),
    ]);
    expect(detail.portal).toMatchObject({ state: 'none', enabled: true, hasAccount: false, locked: false });
    expect(JSON.stringify(res.body)).not.toMatch(/firebaseUid|accessCode/);
  });

  it("never shows another customer's tickets", async () => {
    const [a, b] = [await createCustomer(blue), await createCustomer(blue)];
    await openTicketAs(await signInAsCustomer(t, t.client('custs-blue'), blue, b), b);
    const res = await (await staff()).get(`/api/customers/${a.customerId}`);
    expect(res.body.tickets).toEqual([]);
  });
});

const aCustomer = (overrides: Record<string, unknown> = {}) => ({
  customerId: uniqueId('NEW'),
  firstName: 'Maria',
  lastName: 'Hansen',
  email: 'Maria.Hansen@Example.com',
  phones: ['(402) 555-2007', '402.555.1999'],
  serviceAddress: { street: '12 Prairie Rd', city: 'Lincoln', state: 'NE', postalCode: '68508', country: 'US' },
  siteId: 'SITE-NORTH',
  servicePlan: { planName: 'Plus', downloadMbps: 50, uploadMbps: 10, monthlyFee: 69.99 },
  ...overrides,
});

describe('POST /api/customers', () => {
  it("anonymous → 401; a customer → 404; another tenant's staff creates in their own tenant only", async () => {
    const c = await createCustomer(blue);
    expect((await browser(t, 'custs-blue').post('/api/customers').send(aCustomer())).status).toBe(401);
    const cust = await signInAsCustomer(t, t.client('custs-blue'), blue, c);
    expect((await cust.post('/api/customers').send(aCustomer())).status).toBe(404);
    const input = aCustomer();
    expect((await (await greenStaff()).post('/api/customers').send(input)).status).toBe(201);
    expect(await CustomerModel.countDocuments({ tenantId: blue._id, customerId: input.customerId })).toBe(0);
  });

  it('creates the customer with phones normalised to E.164 and the email lower-cased, and records it', async () => {
    const input = aCustomer();
    const res = await (await staff('admin')).post('/api/customers').send(input);
    expect(res.status).toBe(201);
    expect(res.body.customer).toMatchObject({
      customerId: input.customerId,
      name: 'Maria Hansen',
      email: 'maria.hansen@example.com',
      phones: ['+14025552007', '+14025551999'],
      siteId: 'SITE-NORTH',
      serviceAddress: input.serviceAddress,
    });
    const audit = await AuditEntryModel.findOne({
      tenantId: blue._id,
      action: 'customer.create',
      'target.id': input.customerId,
    }).lean();
    expect(audit?.actor?.role).toBe('admin');
    expect((await list({ q: '(402) 555-1999' })).items.map((r) => r.customerId)).toContain(input.customerId);
  });

  it('a customer ID already used in this tenant → 409 naming customerId; another tenant may use it', async () => {
    const existing = await createCustomer(blue);
    const res = await (await staff()).post('/api/customers').send(aCustomer({ customerId: existing.customerId }));
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toHaveProperty('customerId');
    expect(
      (await (await greenStaff()).post('/api/customers').send(aCustomer({ customerId: existing.customerId }))).status,
    ).toBe(201);
  });

  it('two creates of the same customer ID at once: exactly one is created', async () => {
    const input = aCustomer();
    const agents = await Promise.all([staff(), staff(), staff(), staff()]);
    const answers = await Promise.all(agents.map((a) => a.post('/api/customers').send(input)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await CustomerModel.countDocuments({ tenantId: blue._id, customerId: input.customerId })).toBe(1);
  });

  it('bad input → 400 with a message per field, and nothing is written', async () => {
    const input = aCustomer({ firstName: '', email: 'not-an-email', customerId: 'has space' });
    const res = await (await staff()).post('/api/customers').send(input);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['customerId', 'email', 'firstName']);
    const badPhone = aCustomer({ phones: ['(402) 555-2007', '12'] });
    const phone = await (await staff()).post('/api/customers').send(badPhone);
    expect(phone.status).toBe(400);
    expect(phone.body.error.fields).toEqual({ 'phones.1': expect.stringContaining('phone number') });
    expect(await CustomerModel.countDocuments({ customerId: badPhone.customerId })).toBe(0);
  });
});

describe('PATCH /api/customers/:customerId', () => {
  it("anonymous → 401; another tenant's staff → 404; a customer → 404", async () => {
    const c = await createCustomer(blue);
    const change = { siteId: 'X' };
    expect((await browser(t, 'custs-blue').patch(`/api/customers/${c.customerId}`).send(change)).status).toBe(401);
    expect((await (await greenStaff()).patch(`/api/customers/${c.customerId}`).send(change)).status).toBe(404);
    const self = await signInAsCustomer(t, t.client('custs-blue'), blue, c);
    expect((await self.patch(`/api/customers/${c.customerId}`).send(change)).status).toBe(404);
    expect((await CustomerModel.findById(c._id).lean())?.siteId).toBe('SITE-A');
  });

  it('changes only the fields sent; an empty email clears it; the change is recorded', async () => {
    const c = await createCustomer(blue);
    const res = await (
      await staff()
    )
      .patch(`/api/customers/${c.customerId}`)
      .send({ lastName: 'Hansen-Berg', email: '', phones: ['+1 402 555 7777'] });
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({
      lastName: 'Hansen-Berg',
      email: null,
      phones: ['+14025557777'],
      firstName: 'Test',
    });
    expect(res.body.customer.servicePlan).toEqual(c.servicePlan);
    const audit = await AuditEntryModel.findOne({ action: 'customer.update', 'target.id': c.customerId }).lean();
    expect(audit?.summary).toContain('lastName');
  });

  it('the customer ID can change while the customer has no tickets and no portal account, not after', async () => {
    const c = await createCustomer(blue);
    const renamed = uniqueId('REN');
    expect((await (await staff()).patch(`/api/customers/${c.customerId}`).send({ customerId: renamed })).status).toBe(
      200,
    );
    const withAccount = await createPortalCustomer(t, blue);
    const refused = await (
      await staff()
    )
      .patch(`/api/customers/${withAccount.customerId}`)
      .send({ customerId: uniqueId() });
    expect(refused.status).toBe(409);
    expect(refused.body.error.fields).toHaveProperty('customerId');
  });

  it('changing to a customer ID another customer has → 409, and nothing changes', async () => {
    const [a, b] = [await createCustomer(blue), await createCustomer(blue)];
    const res = await (
      await staff()
    )
      .patch(`/api/customers/${a.customerId}`)
      .send({ customerId: b.customerId, siteId: 'NEW' });
    expect(res.status).toBe(409);
    expect((await CustomerModel.findById(a._id).lean())?.siteId).toBe('SITE-A');
  });

  it('an empty change → 400', async () => {
    const c = await createCustomer(blue);
    expect((await (await staff()).patch(`/api/customers/${c.customerId}`).send({})).status).toBe(400);
  });
});
