import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { ZStaffMessageResponse, ZStaffTicket, ZDeskQueuePage, ZDeskQueueRow, ZStaffTicketResponse } from '@wisp/shared';
import { TicketModel } from './ticket.model.ts';
import { anonymousClient, call, openTicketAs, pngBytes } from './ticket-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
let alice: TCustomerDoc;
let ticket: { id: string; ticketNumber: string };
let fileId: string;

twoTenantWorld('st', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  alice = await createCustomer(blue);
  const customer = await signInAsCustomer(t, t.client('st-blue'), blue, alice);
  const res = await customer
    .post(`/api/work-orders/customer/${alice.customerId}`)
    .field('title', 'No connection at all')
    .field('description', 'Nothing works since this morning, lights are off.')
    .field('category', 'no-connection')
    .attach('files', await pngBytes(), 'lights.png');
  ticket = res.body.ticket;
  fileId = res.body.ticket.attachments[0].id;
});

const ENDPOINTS: { method: 'GET' | 'POST'; rest: () => string; body?: () => object }[] = [
  { method: 'GET', rest: () => '' },
  {
    method: 'POST',
    rest: () => '',
    body: () => ({
      customerId: alice.customerId,
      title: 'Phoned in: slow',
      description: 'Customer phoned about slow speeds.',
      category: 'slow-speed',
    }),
  },
  { method: 'GET', rest: () => `/${ticket.id}` },
  { method: 'POST', rest: () => `/${ticket.id}/replies`, body: () => ({ body: 'Hello' }) },
  { method: 'POST', rest: () => `/${ticket.id}/notes`, body: () => ({ body: 'Note' }) },
  { method: 'POST', rest: () => `/${ticket.id}/status`, body: () => ({ status: 'in-progress' }) },
  { method: 'POST', rest: () => `/${ticket.id}/assign`, body: () => ({ assignedTo: 'tech@example.test' }) },
  { method: 'GET', rest: () => `/${ticket.id}/attachments/${fileId}` },
];

describe.each(ENDPOINTS)('$method /api/work-orders$rest', ({ method, rest, body }) => {
  it('anonymous → 401', async () => {
    const res = await call(anonymousClient(t, 'st-blue'), method, `/api/work-orders${rest()}`, body?.());
    expect(res.status).toBe(401);
  });

  it('staff of another tenant → 404 (and nothing changes)', async () => {
    const agent = await signInAsStaff(t, t.client('st-green'), green);
    const res = await call(agent, method, `/api/work-orders${rest()}`, body?.());
    if (rest() === '') {
      // The collection routes exist for green staff, but show and accept nothing of blue's.
      if (method === 'GET') expect(res.body.items).toEqual([]);
      else expect(res.status).toBe(404);
    } else expect(res.status).toBe(404);
    const stored = await TicketModel.findById(ticket.id).lean();
    expect(stored?.assignedTo).toBeUndefined();
  });

  it('a customer → 404', async () => {
    const agent = await signInAsCustomer(t, t.client('st-blue'), blue, alice);
    expect((await call(agent, method, `/api/work-orders${rest()}`, body?.())).status).toBe(404);
  });
});

describe('staff work on tickets', () => {
  it('create on behalf of a phoned-in customer: source staff, critical allowed, assignee kept', async () => {
    const staff = await signInAsStaff(t, t.client('st-blue'), blue);
    const res = await staff.post('/api/work-orders').send({
      customerId: alice.customerId,
      title: 'Tower outage reported',
      description: 'Customer phoned: whole area is down.',
      category: 'no-connection',
      priority: 'critical',
      assignedTo: 'noc@blue.example',
    });
    expect(res.status).toBe(201);
    expect(res.body.ticket).toMatchObject({
      source: 'staff',
      priority: 'critical',
      status: 'open',
      assignedTo: 'noc@blue.example',
      customerId: alice.customerId,
    });
    expect(res.body.ticket.diagnostics).toMatchObject({
      ipAddress: alice.networkInfo!.ipAddress,
      cpe: { serialNumber: alice.equipment[0]!.serialNumber },
    });
  });

  it('create for a customer of another tenant → 404', async () => {
    const greenCustomer = await createCustomer(green);
    const staff = await signInAsStaff(t, t.client('st-blue'), blue);
    const res = await staff.post('/api/work-orders').send({
      customerId: greenCustomer.customerId,
      title: 'Cross tenant attempt',
      description: 'Should never be created here.',
      category: 'other',
    });
    expect(res.status).toBe(404);
    expect(await TicketModel.countDocuments({ customerId: greenCustomer.customerId })).toBe(0);
  });

  it('the first public reply sets firstResponseAt and moves an open ticket to in-progress; later replies and notes do not change it', async () => {
    const staff = await signInAsStaff(t, t.client('st-blue'), blue);
    const customer = await signInAsCustomer(t, t.client('st-blue'), blue, alice);
    const own = await openTicketAs(customer, alice);
    await staff.post(`/api/work-orders/${own.id}/notes`).send({ body: 'Checked the AP logs.' }).expect(201);
    expect((await TicketModel.findById(own.id).lean())?.firstResponseAt).toBeUndefined();

    await staff.post(`/api/work-orders/${own.id}/replies`).send({ body: 'Looking into it now.' }).expect(201);
    const first = await TicketModel.findById(own.id).lean();
    expect(first?.firstResponseAt).toBeInstanceOf(Date);
    expect(first?.status).toBe('in-progress');

    await new Promise((r) => setTimeout(r, 20));
    await staff.post(`/api/work-orders/${own.id}/replies`).send({ body: 'Still looking.' }).expect(201);
    const later = await TicketModel.findById(own.id).lean();
    expect(later?.firstResponseAt?.getTime()).toBe(first?.firstResponseAt?.getTime());
  });

  it('a customer comment does not set firstResponseAt', async () => {
    const customer = await signInAsCustomer(t, t.client('st-blue'), blue, alice);
    const own = await openTicketAs(customer, alice);
    await customer
      .post(`/api/work-orders/customer/${alice.customerId}/${own.id}/comments`)
      .send({ body: 'Hello?' })
      .expect(201);
    expect((await TicketModel.findById(own.id).lean())?.firstResponseAt).toBeUndefined();
  });

  it('status changes go through one function that records from/to/by/at and sets resolvedAt/closedAt', async () => {
    const staff = await signInAsStaff(t, t.client('st-blue'), blue);
    const customer = await signInAsCustomer(t, t.client('st-blue'), blue, alice);
    const own = await openTicketAs(customer, alice);
    await staff.post(`/api/work-orders/${own.id}/status`).send({ status: 'resolved' }).expect(200);
    const res = await staff.post(`/api/work-orders/${own.id}/status`).send({ status: 'closed' });
    expect(res.status).toBe(200);
    expect(
      res.body.ticket.statusHistory.map((h: { from: string | null; to: string; by: string }) => [h.from, h.to, h.by]),
    ).toEqual([
      [null, 'open', alice.customerId],
      ['open', 'resolved', 'staff@st-blue.example'],
      ['resolved', 'closed', 'staff@st-blue.example'],
    ]);
    expect(res.body.ticket.resolvedAt).toBeTruthy();
    expect(res.body.ticket.closedAt).toBeTruthy();
  });

  it('refuses an impossible transition (closed → resolved) with 409', async () => {
    const staff = await signInAsStaff(t, t.client('st-blue'), blue);
    const customer = await signInAsCustomer(t, t.client('st-blue'), blue, alice);
    const own = await openTicketAs(customer, alice);
    await staff.post(`/api/work-orders/${own.id}/status`).send({ status: 'closed' }).expect(200);
    const res = await staff.post(`/api/work-orders/${own.id}/status`).send({ status: 'resolved' });
    expect(res.status).toBe(409);
    expect((await TicketModel.findById(own.id).lean())?.status).toBe('closed');
  });

  it('ten staff moving one ticket at once: every accepted move is in the history, as one unbroken chain', async () => {
    const staff = await signInAsStaff(t, t.client('st-blue'), blue);
    const customer = await signInAsCustomer(t, t.client('st-blue'), blue, alice);
    const own = await openTicketAs(customer, alice);
    const targets = [
      'in-progress',
      'waiting-on-customer',
      'resolved',
      'closed',
      'in-progress',
      'resolved',
      'closed',
      'waiting-on-customer',
      'in-progress',
      'resolved',
    ];
    const results = await Promise.all(
      targets.map((status) => staff.post(`/api/work-orders/${own.id}/status`).send({ status })),
    );
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const stored = (await TicketModel.findById(own.id).lean())!;
    // No accepted move is lost: every history a 200 answer showed is a prefix of the stored one…
    const key = (h: { from?: string | null; to: string; at: string | Date }) =>
      `${h.from ?? ''}>${h.to}@${new Date(h.at).toISOString()}`;
    const storedKeys = stored.statusHistory.map(key);
    for (const r of results.filter((res) => res.status === 200)) {
      const shown = (r.body.ticket.statusHistory as { from: string | null; to: string; at: string }[]).map(key);
      expect(storedKeys.slice(0, shown.length)).toEqual(shown);
    }
    // …and the history is one unbroken chain ending at the current status.
    for (let i = 1; i < stored.statusHistory.length; i++) {
      expect(stored.statusHistory[i]!.from).toBe(stored.statusHistory[i - 1]!.to);
    }
    expect(stored.status).toBe(stored.statusHistory.at(-1)!.to);
  });

  it('assigns and unassigns', async () => {
    const staff = await signInAsStaff(t, t.client('st-blue'), blue);
    const res = await staff.post(`/api/work-orders/${ticket.id}/assign`).send({ assignedTo: 'dale@blue.example' });
    expect(res.body.ticket.assignedTo).toBe('dale@blue.example');
    const cleared = await staff.post(`/api/work-orders/${ticket.id}/assign`).send({ assignedTo: null });
    expect(cleared.body.ticket.assignedTo).toBeNull();
  });

  it('detail shows everything: internal notes, raw diagnostics, author ids', async () => {
    const staff = await signInAsStaff(t, t.client('st-blue'), blue);
    await staff.post(`/api/work-orders/${ticket.id}/notes`).send({ body: 'Customer owes two months.' }).expect(201);
    const res = await staff.get(`/api/work-orders/${ticket.id}`);
    expect(
      res.body.ticket.messages.some(
        (m: { visibility: string; body: string }) =>
          m.visibility === 'internal' && m.body === 'Customer owes two months.',
      ),
    ).toBe(true);
    expect(res.body.ticket.diagnostics.ipAddress).toBe(alice.networkInfo!.ipAddress);
  });
});

describe('GET /api/work-orders filters', () => {
  it('filters by status, priority, category, assignee, customer and title text', async () => {
    const tenant = await createTenant({ slug: 'st-filters' });
    const c1 = await createCustomer(tenant);
    const c2 = await createCustomer(tenant);
    const staff = await signInAsStaff(t, t.client('st-filters'), tenant);
    const make = async (customerId: string, title: string, extra: object = {}) =>
      (
        await staff
          .post('/api/work-orders')
          .send({ customerId, title, description: 'Details about the problem here.', category: 'slow-speed', ...extra })
      ).body.ticket.id as string;
    const a = await make(c1.customerId, 'Slow (evenings) only', { priority: 'high' });
    const b = await make(c2.customerId, 'Dish fell off roof', { category: 'equipment-failure', assignedTo: 'dale' });
    const c = await make(c2.customerId, 'Bill charged twice', { category: 'billing-issue' });
    await staff.post(`/api/work-orders/${c}/status`).send({ status: 'resolved' }).expect(200);

    const ids = async (q: string) =>
      ((await staff.get(`/api/work-orders?${q}`)).body.items as { id: string }[]).map((i) => i.id).sort();
    expect(await ids('priority=high')).toEqual([a]);
    expect(await ids('category=equipment-failure')).toEqual([b]);
    expect(await ids('assignedTo=dale')).toEqual([b]);
    expect(await ids(`customerId=${c2.customerId}`)).toEqual([b, c].sort());
    expect(await ids('status=resolved')).toEqual([c]);
    expect(await ids('group=open')).toEqual([a, b].sort());
    expect(await ids('q=dish')).toEqual([b]);
    // Regex metacharacters are matched literally, not interpreted.
    expect(await ids(`q=${encodeURIComponent('(evenings)')}`)).toEqual([a]);
    expect(await ids(`q=${encodeURIComponent('.*')}`)).toEqual([]);
    const bad = await staff.get('/api/work-orders?priority=urgent');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.priority).toBeTruthy();
  });
});

describe('staff response contract', () => {
  it('list, detail, reply, note, status and assign match the shared staff schemas exactly (no extra fields)', async () => {
    const staff = await signInAsStaff(t, t.client('st-blue'), blue);
    const list = await staff.get('/api/work-orders').expect(200);
    expect(() => ZDeskQueuePage.strict().parse(list.body)).not.toThrow();
    expect(() => ZDeskQueueRow.strict().parse(list.body.items[0])).not.toThrow();
    const reply = await staff
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: 'Contract reply.' })
      .expect(201);
    const note = await staff.post(`/api/work-orders/${ticket.id}/notes`).send({ body: 'Contract note.' }).expect(201);
    for (const m of [reply.body, note.body]) expect(() => ZStaffMessageResponse.strict().parse(m)).not.toThrow();
    for (const res of [
      await staff.get(`/api/work-orders/${ticket.id}`).expect(200),
      await staff
        .post(`/api/work-orders/${ticket.id}/assign`)
        .send({ assignedTo: 'contract@blue.example' })
        .expect(200),
    ]) {
      expect(() => ZStaffTicketResponse.strict().parse(res.body)).not.toThrow();
      expect(() => ZStaffTicket.strict().parse(res.body.ticket)).not.toThrow();
    }
  });
});
