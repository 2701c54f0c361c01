import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { ZCustomerTicket, ZCustomerTicketPage } from '@wisp/shared';
import { TicketModel } from './ticket.model.ts';
import { aTicket, anonymousClient, call, customerPath, openTicketAs, pngBytes } from './ticket-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
let alice: TCustomerDoc;
let bob: TCustomerDoc;
let aliceTicket: { id: string; ticketNumber: string };
let aliceFileId: string;
const DAY = 24 * 60 * 60 * 1000;

twoTenantWorld('ct', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  alice = await createCustomer(blue);
  bob = await createCustomer(blue);
  const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, alice);
  const res = await agent
    .post(customerPath(alice))
    .field('title', 'Router keeps rebooting')
    .field('description', 'The router reboots every few minutes since the storm.')
    .field('category', 'equipment-failure')
    .attach('files', await pngBytes(), 'router.png');
  expect(res.status).toBe(201);
  aliceTicket = res.body.ticket;
  aliceFileId = res.body.ticket.attachments[0].id;
});

const ENDPOINTS: { method: 'GET' | 'POST'; rest: () => string; body?: object }[] = [
  { method: 'GET', rest: () => '' },
  { method: 'POST', rest: () => '', body: aTicket() },
  { method: 'GET', rest: () => `/${aliceTicket.id}` },
  { method: 'POST', rest: () => `/${aliceTicket.id}/comments`, body: { body: 'Any news?' } },
  { method: 'POST', rest: () => `/${aliceTicket.id}/upload` },
  { method: 'POST', rest: () => `/${aliceTicket.id}/close` },
  { method: 'POST', rest: () => `/${aliceTicket.id}/reopen` },
  { method: 'POST', rest: () => `/${aliceTicket.id}/rating`, body: { rating: 5 } },
  { method: 'POST', rest: () => `/${aliceTicket.id}/read` },
  { method: 'GET', rest: () => `/${aliceTicket.id}/attachments/${aliceFileId}` },
  { method: 'GET', rest: () => '/events' },
];

describe.each(ENDPOINTS)('$method /api/work-orders/customer/:customerId$rest', ({ method, rest, body }) => {
  it('anonymous → 401', async () => {
    const res = await call(anonymousClient(t, 'ct-blue'), method, customerPath(alice, rest()), body);
    expect(res.status).toBe(401);
  });

  it('staff of another tenant → 404', async () => {
    const agent = await signInAsStaff(t, t.client('ct-green'), green);
    const res = await call(agent, method, customerPath(alice, rest()), body);
    expect(res.status).toBe(404);
  });

  it("another customer of the same tenant asking for this customer's tickets → 404", async () => {
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, bob);
    const res = await call(agent, method, customerPath(alice, rest()), body);
    expect(res.status).toBe(404);
  });
});

describe("a customer cannot reach another customer's ticket through their own id", () => {
  const bobPaths = () =>
    [
      ['GET', `/${aliceTicket.id}`],
      ['POST', `/${aliceTicket.id}/comments`, { body: 'I can see this?' }],
      ['POST', `/${aliceTicket.id}/close`],
      ['POST', `/${aliceTicket.id}/reopen`],
      ['POST', `/${aliceTicket.id}/rating`, { rating: 1 }],
      ['POST', `/${aliceTicket.id}/read`],
      ['GET', `/${aliceTicket.id}/attachments/${aliceFileId}`],
    ] as const;

  it("when bob uses alice's ticket id under his own customer id, every endpoint answers 404", async () => {
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, bob);
    for (const [method, rest, body] of bobPaths()) {
      const res = await call(agent, method, customerPath(bob, rest), body);
      expect(res.status, `${method} ${rest}`).toBe(404);
    }
    const upload = await agent
      .post(customerPath(bob, `/${aliceTicket.id}/upload`))
      .attach('files', await pngBytes(), 'x.png');
    expect(upload.status).toBe(404);
    const detail = await TicketModel.findById(aliceTicket.id).lean();
    expect(detail?.status).toBe('open');
  });

  it("bob's list never contains alice's tickets", async () => {
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, bob);
    const res = await agent.get(customerPath(bob));
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(aliceTicket.id);
  });

  it('staff of the same tenant may use the customer view', async () => {
    const agent = await signInAsStaff(t, t.client('ct-blue'), blue);
    const res = await agent.get(customerPath(alice, `/${aliceTicket.id}`));
    expect(res.status).toBe(200);
    expect(res.body.ticket.ticketNumber).toBe(aliceTicket.ticketNumber);
  });
});

describe('response contract', () => {
  it('detail and list match the shared customer schemas exactly (no extra fields)', async () => {
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, alice);
    const detail = await agent.get(customerPath(alice, `/${aliceTicket.id}`));
    expect(() => ZCustomerTicket.strict().parse(detail.body.ticket)).not.toThrow();
    const list = await agent.get(customerPath(alice));
    expect(() => ZCustomerTicketPage.strict().parse(list.body)).not.toThrow();
  });
});

describe('POST /api/work-orders/customer/:customerId (create)', () => {
  it('opens a ticket with a TKT number, status open, source portal and a plain diagnostics summary', async () => {
    const carol = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, carol);
    const res = await agent.post(customerPath(carol)).send(aTicket({ priority: 'high' }));
    expect(res.status).toBe(201);
    const ticket = res.body.ticket;
    expect(ticket.ticketNumber).toMatch(/^TKT-\d{4}-\d{4,}$/);
    expect(ticket).toMatchObject({
      status: 'open',
      priority: 'high',
      source: 'portal',
      canClose: true,
      canRate: false,
      canReopen: false,
    });
    expect(ticket.diagnostics).toEqual({ equipmentLastOnlineAt: expect.any(String), signalQuality: 'good' });
    const raw = JSON.stringify(res.body);
    expect(raw).not.toContain(carol.networkInfo!.ipAddress!);
    expect(raw).not.toContain(carol.equipment[0]!.serialNumber!);
    expect(raw).not.toContain('statusHistory":[{"from":null,"to":"open","by"');
  });

  it('freezes the CPE facts into the ticket for staff', async () => {
    const carol = await createCustomer(blue, {
      networkInfo: { signalStrength: -79, lastOnline: new Date('2026-11-24T10:00:00Z'), ipAddress: '100.64.9.9' },
    });
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, carol);
    const ticket = await openTicketAs(agent, carol);
    const stored = await TicketModel.findById(ticket.id).lean();
    expect(stored?.diagnostics).toMatchObject({
      signalStrength: -79,
      ipAddress: '100.64.9.9',
      cpe: { make: 'Ubiquiti', model: 'LiteBeam 5AC' },
    });
    const view = await agent.get(customerPath(carol, `/${ticket.id}`));
    expect(view.body.ticket.diagnostics).toEqual({
      equipmentLastOnlineAt: '2026-11-24T10:00:00.000Z',
      signalQuality: 'poor',
    });
  });

  it('when a customer chooses critical priority, answers 400 naming fields.priority and creates nothing', async () => {
    const carol = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, carol);
    const res = await agent.post(customerPath(carol)).send(aTicket({ priority: 'critical' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.priority).toBeTruthy();
    expect(await TicketModel.countDocuments({ customerId: carol.customerId })).toBe(0);
  });

  it('names each invalid field', async () => {
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, alice);
    const res = await agent.post(customerPath(alice)).send({ title: 'x', category: 'weather' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['category', 'description', 'title']);
  });
});

describe('GET /api/work-orders/customer/:customerId (list)', () => {
  it('lists newest activity first, filters by status and status group, and paginates', async () => {
    const dave = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, dave);
    const first = await openTicketAs(agent, dave, { title: 'First problem here' });
    const second = await openTicketAs(agent, dave, { title: 'Second problem here' });
    const third = await openTicketAs(agent, dave, { title: 'Third problem here' });
    await agent.post(customerPath(dave, `/${first.id}/comments`)).send({ body: 'Still broken' });
    await agent.post(customerPath(dave, `/${second.id}/close`)).send({});

    const all = await agent.get(customerPath(dave));
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual([second.id, first.id, third.id]);
    expect(all.body.total).toBe(3);

    const closed = await agent.get(customerPath(dave, '?group=closed'));
    expect(closed.body.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
    const open = await agent.get(customerPath(dave, '?group=open'));
    expect(open.body.total).toBe(2);
    const exactlyClosed = await agent.get(customerPath(dave, '?status=closed'));
    expect(exactlyClosed.body.total).toBe(1);

    const page2 = await agent.get(customerPath(dave, '?page=2&pageSize=2'));
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([third.id]);
  });

  it('rejects an unknown status filter with 400 fields.status', async () => {
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, alice);
    const res = await agent.get(customerPath(alice, '?status=deleted'));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.status).toBeTruthy();
  });

  it('counts unread staff replies until the customer marks the ticket read', async () => {
    const erin = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, erin);
    const staff = await signInAsStaff(t, t.client('ct-blue'), blue);
    const ticket = await openTicketAs(agent, erin);
    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'We are on it.' }).expect(201);
    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'Technician booked.' }).expect(201);

    const before = await agent.get(customerPath(erin));
    expect(before.body.items[0]).toMatchObject({ id: ticket.id, unreadStaffReplies: 2, hasUnreadStaffReply: true });
    expect(before.body.unreadTickets).toBe(1);

    await agent
      .post(customerPath(erin, `/${ticket.id}/read`))
      .send({})
      .expect(204);
    const after = await agent.get(customerPath(erin));
    expect(after.body.items[0]).toMatchObject({ unreadStaffReplies: 0, hasUnreadStaffReply: false });
    expect(after.body.unreadTickets).toBe(0);
  });
});

describe('comments, close, reopen and rating', () => {
  async function resolvedTicketOf(customer: TCustomerDoc) {
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, customer);
    const staff = await signInAsStaff(t, t.client('ct-blue'), blue);
    const ticket = await openTicketAs(agent, customer);
    await staff.post(`/api/work-orders/${ticket.id}/status`).send({ status: 'resolved' }).expect(200);
    return { agent, staff, ticket };
  }

  it('a comment appears in the public conversation and moves a ticket waiting on the customer back to open', async () => {
    const frank = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, frank);
    const staff = await signInAsStaff(t, t.client('ct-blue'), blue);
    const ticket = await openTicketAs(agent, frank);
    await staff.post(`/api/work-orders/${ticket.id}/status`).send({ status: 'waiting-on-customer' }).expect(200);
    const res = await agent
      .post(customerPath(frank, `/${ticket.id}/comments`))
      .send({ body: 'Here is the info you asked for.' });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({
      authorType: 'customer',
      authorName: `${frank.firstName} ${frank.lastName}`,
      body: 'Here is the info you asked for.',
    });
    const detail = await agent.get(customerPath(frank, `/${ticket.id}`));
    expect(detail.body.ticket.status).toBe('open');
    expect(detail.body.ticket.statusHistory.map((h: { to: string }) => h.to)).toEqual([
      'open',
      'waiting-on-customer',
      'open',
    ]);
  });

  it('a customer closes their own ticket; a closed ticket takes no comments', async () => {
    const gina = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, gina);
    const ticket = await openTicketAs(agent, gina);
    const res = await agent.post(customerPath(gina, `/${ticket.id}/close`)).send({});
    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({ status: 'closed', canReopen: true, canComment: false });
    expect(res.body.ticket.closedAt).toBeTruthy();
    const comment = await agent.post(customerPath(gina, `/${ticket.id}/comments`)).send({ body: 'one more thing' });
    expect(comment.status).toBe(409);
  });

  it('a resolved ticket is listed with the open ones (not under Closed) until the customer closes it', async () => {
    const rosa = await createCustomer(blue);
    const { agent, ticket } = await resolvedTicketOf(rosa);
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);
    expect(ids(await agent.get(customerPath(rosa, '?group=open')))).toEqual([ticket.id]);
    expect(ids(await agent.get(customerPath(rosa, '?group=closed')))).toEqual([]);
    await agent
      .post(customerPath(rosa, `/${ticket.id}/close`))
      .send({})
      .expect(200);
    expect(ids(await agent.get(customerPath(rosa, '?group=open')))).toEqual([]);
    expect(ids(await agent.get(customerPath(rosa, '?group=closed')))).toEqual([ticket.id]);
  });

  it('reopens a resolved ticket within 14 days', async () => {
    const hank = await createCustomer(blue);
    const { agent, ticket } = await resolvedTicketOf(hank);
    await TicketModel.updateOne({ _id: ticket.id }, { $set: { resolvedAt: new Date(Date.now() - 13 * DAY) } });
    const res = await agent.post(customerPath(hank, `/${ticket.id}/reopen`)).send({});
    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({ status: 'open', resolvedAt: null });
  });

  it('refuses to reopen a ticket resolved more than 14 days ago (409) and leaves it resolved', async () => {
    const ivy = await createCustomer(blue);
    const { agent, ticket } = await resolvedTicketOf(ivy);
    await TicketModel.updateOne({ _id: ticket.id }, { $set: { resolvedAt: new Date(Date.now() - 15 * DAY) } });
    const detail = await agent.get(customerPath(ivy, `/${ticket.id}`));
    expect(detail.body.ticket.canReopen).toBe(false);
    const res = await agent.post(customerPath(ivy, `/${ticket.id}/reopen`)).send({});
    expect(res.status).toBe(409);
    expect((await TicketModel.findById(ticket.id).lean())?.status).toBe('resolved');
  });

  it('refuses to reopen a ticket that is still open (409)', async () => {
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, alice);
    const ticket = await openTicketAs(agent, alice);
    expect((await agent.post(customerPath(alice, `/${ticket.id}/reopen`)).send({})).status).toBe(409);
  });

  it('refuses a rating while the ticket is not resolved (409)', async () => {
    const agent = await signInAsCustomer(t, t.client('ct-blue'), blue, alice);
    const ticket = await openTicketAs(agent, alice);
    const res = await agent.post(customerPath(alice, `/${ticket.id}/rating`)).send({ rating: 5 });
    expect(res.status).toBe(409);
    expect((await TicketModel.findById(ticket.id).lean())?.satisfaction?.rating).toBeUndefined();
  });

  it('rates a resolved ticket once, 1–5 with a comment; a second rating is refused', async () => {
    const jack = await createCustomer(blue);
    const { agent, ticket } = await resolvedTicketOf(jack);
    const bad = await agent.post(customerPath(jack, `/${ticket.id}/rating`)).send({ rating: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.rating).toBeTruthy();
    const res = await agent
      .post(customerPath(jack, `/${ticket.id}/rating`))
      .send({ rating: 4, comment: 'Quick fix, thanks' });
    expect(res.status).toBe(200);
    expect(res.body.ticket.satisfaction).toMatchObject({ rating: 4, comment: 'Quick fix, thanks' });
    expect(res.body.ticket.canRate).toBe(false);
    const again = await agent.post(customerPath(jack, `/${ticket.id}/rating`)).send({ rating: 1 });
    expect(again.status).toBe(409);
    expect((await TicketModel.findById(ticket.id).lean())?.satisfaction?.rating).toBe(4);
  });

  it('ten concurrent ratings of one ticket: exactly one is accepted', async () => {
    const lena = await createCustomer(blue);
    const { agent, ticket } = await resolvedTicketOf(lena);
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((rating) =>
        agent.post(customerPath(lena, `/${ticket.id}/rating`)).send({ rating }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it('staff cannot rate on behalf of the customer (404)', async () => {
    const kim = await createCustomer(blue);
    const { staff, ticket } = await resolvedTicketOf(kim);
    expect((await staff.post(customerPath(kim, `/${ticket.id}/rating`)).send({ rating: 5 })).status).toBe(404);
  });
});
