import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import { incidentFor } from '../../test/incident-factory.ts';
import { ZDeskCustomerPanelResponse } from '@wisp/shared';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { TicketChangeModel, TicketModel } from '../tickets/ticket.model.ts';
import { OutboxMessageModel } from '../notifications/outbox.model.ts';
import { anonymousClient, openTicketAs } from '../tickets/ticket-test-kit.ts';
import { SavedViewModel } from './desk.model.ts';
import { staffAs } from './desk-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
let ana: TCustomerDoc;
const DALE = 'dale@da-blue.example';
const MARISOL = 'marisol@da-blue.example';

twoTenantWorld('da', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  ana = await createCustomer(blue);
});

const newTickets = async (n: number) => {
  const portal = await signInAsCustomer(t, t.client('da-blue'), blue, ana);
  const out = [];
  for (let i = 0; i < n; i++) out.push(await openTicketAs(portal, ana, { title: `Bulk ticket ${i}` }));
  return out;
};

describe('/api/desk/views: personal saved views', () => {
  it('a staff member saves a filter under a name and gets it back; a colleague does not see it', async () => {
    const dale = await staffAs(t, blue, DALE);
    const saved = await dale
      .post('/api/desk/views')
      .send({ name: 'My urgent', query: '?view=mine&priority=high&page=3' });
    expect(saved.status).toBe(201);
    expect(saved.body.view).toMatchObject({ name: 'My urgent', query: 'view=mine&priority=high' });
    expect((await dale.get('/api/desk/views').expect(200)).body.views.map((v: { name: string }) => v.name)).toEqual([
      'My urgent',
    ]);
    const marisol = await staffAs(t, blue, MARISOL);
    expect((await marisol.get('/api/desk/views').expect(200)).body.views).toEqual([]);
  });

  it('a query the queue would not accept → 400 naming the parameter; a name used twice → 409', async () => {
    const dale = await staffAs(t, blue, DALE);
    const bad = await dale.post('/api/desk/views').send({ name: 'Odd', query: 'sort=sideways' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.query).toMatch(/^sort:/);
    await dale.post('/api/desk/views').send({ name: 'Twice', query: 'view=open' }).expect(201);
    expect((await dale.post('/api/desk/views').send({ name: 'Twice', query: 'view=waiting' })).status).toBe(409);
  });

  it("deleting removes your own view; a colleague's delete of it changes nothing", async () => {
    const dale = await staffAs(t, blue, DALE);
    const { body } = await dale.post('/api/desk/views').send({ name: 'Temp', query: 'view=open' }).expect(201);
    const marisol = await staffAs(t, blue, MARISOL);
    await marisol.delete(`/api/desk/views/${body.view.id}`).expect(200);
    expect(await SavedViewModel.exists({ _id: body.view.id })).toBeTruthy();
    const green1 = await staffAs(t, green, 'ops@da-green.example');
    await green1.delete(`/api/desk/views/${body.view.id}`).expect(200);
    expect(await SavedViewModel.exists({ _id: body.view.id })).toBeTruthy();
    await dale.delete(`/api/desk/views/${body.view.id}`).expect(200);
    expect(await SavedViewModel.exists({ _id: body.view.id })).toBeFalsy();
  });

  it('customers and anonymous callers cannot reach saved views', async () => {
    const portal = await signInAsCustomer(t, t.client('da-blue'), blue, ana);
    expect((await portal.get('/api/desk/views')).status).toBe(404);
    expect((await anonymousClient(t, 'da-blue').get('/api/desk/views')).status).toBe(401);
  });
});

describe('POST /api/work-orders/bulk', () => {
  it('assigns, sets priority and moves status of many tickets; each move is in its history and mailed', async () => {
    const list = await newTickets(3);
    const dale = await staffAs(t, blue, DALE);
    const res = await dale
      .post('/api/work-orders/bulk')
      .send({ ids: list.map((x) => x.id), assignedTo: MARISOL, priority: 'high', status: 'waiting-on-customer' });
    expect(res.status).toBe(200);
    expect(res.body.updated.sort()).toEqual(list.map((x) => x.id).sort());
    const stored = await TicketModel.find({ _id: { $in: list.map((x) => x.id) } }).lean();
    for (const ticket of stored) {
      expect(ticket).toMatchObject({ assignedTo: MARISOL, priority: 'high', status: 'waiting-on-customer' });
      expect(ticket.statusHistory.map((h) => `${h.from}→${h.to}:${h.by}`)).toEqual([
        `undefined→open:${ana.customerId}`,
        `open→waiting-on-customer:${DALE}`,
      ]);
    }
    const changes = await TicketChangeModel.find({ workOrderId: list[0]!.id }).lean();
    expect(changes.map((c) => [c.field, c.from ?? null, c.to, c.by])).toEqual([
      ['assignee', null, MARISOL, DALE],
      ['priority', 'medium', 'high', DALE],
    ]);
    await t.outbox.drain();
    expect(await OutboxMessageModel.countDocuments({ to: ana.email, kind: 'ticket-status' })).toBeGreaterThanOrEqual(3);
  });

  it('all or nothing: one ticket that cannot take the status → 400 naming it, and no ticket changes', async () => {
    const list = await newTickets(3);
    const dale = await staffAs(t, blue, DALE);
    await dale.post(`/api/work-orders/${list[1]!.id}/status`).send({ status: 'closed' }).expect(200);
    const res = await dale
      .post('/api/work-orders/bulk')
      .send({ ids: list.map((x) => x.id), status: 'resolved', priority: 'low' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.status).toContain(list[1]!.ticketNumber);
    const stored = await TicketModel.find({ _id: { $in: list.map((x) => x.id) } }).lean();
    expect(stored.map((s) => s.status).sort()).toEqual(['closed', 'open', 'open']);
    expect(stored.every((s) => s.priority === 'medium')).toBe(true);
  });

  it('one ticket of another tenant in the set → 404 and nothing changes', async () => {
    const list = await newTickets(1);
    const stranger = await createCustomer(green);
    const greenTicket = await openTicketAs(await signInAsCustomer(t, t.client('da-green'), green, stranger), stranger);
    const dale = await staffAs(t, blue, DALE);
    const res = await dale
      .post('/api/work-orders/bulk')
      .send({ ids: [list[0]!.id, greenTicket.id], priority: 'critical' });
    expect(res.status).toBe(404);
    expect((await TicketModel.findById(list[0]!.id).lean())?.priority).toBe('medium');
    expect((await TicketModel.findById(greenTicket.id).lean())?.priority).toBe('medium');
  });

  it('more than 100 ids, no action, or a malformed id → 400 with a field message', async () => {
    const dale = await staffAs(t, blue, DALE);
    const many = Array.from({ length: 101 }, () => '0123456789abcdef01234567');
    expect(
      (await dale.post('/api/work-orders/bulk').send({ ids: many, priority: 'low' })).body.error.fields.ids,
    ).toMatch(/at most 100/);
    expect((await dale.post('/api/work-orders/bulk').send({ ids: [many[0]] })).body.error.fields.action).toBeTruthy();
    expect((await dale.post('/api/work-orders/bulk').send({ ids: ['nope'], priority: 'low' })).status).toBe(400);
  });

  it('customers → 404, anonymous → 401', async () => {
    const [one] = await newTickets(1);
    const portal = await signInAsCustomer(t, t.client('da-blue'), blue, ana);
    expect((await portal.post('/api/work-orders/bulk').send({ ids: [one!.id], priority: 'low' })).status).toBe(404);
    expect(
      (
        await anonymousClient(t, 'da-blue')
          .post('/api/work-orders/bulk')
          .send({ ids: [one!.id], priority: 'low' })
      ).status,
    ).toBe(401);
  });
});

describe('PATCH /api/work-orders/:id and assign: triage with history', () => {
  it('priority, category and assignee changes each appear in the ticket history with who and when', async () => {
    const [one] = await newTickets(1);
    const dale = await staffAs(t, blue, DALE);
    await dale
      .patch(`/api/work-orders/${one!.id}`)
      .send({ priority: 'critical', category: 'no-connection' })
      .expect(200);
    await dale.post(`/api/work-orders/${one!.id}/assign`).send({ assignedTo: DALE }).expect(200);
    const res = await dale.post(`/api/work-orders/${one!.id}/assign`).send({ assignedTo: null }).expect(200);
    expect(
      res.body.ticket.changes.map((c: { field: string; from: string; to: string; by: string }) => [
        c.field,
        c.from,
        c.to,
        c.by,
      ]),
    ).toEqual([
      ['priority', 'medium', 'critical', DALE],
      ['category', 'slow-speed', 'no-connection', DALE],
      ['assignee', null, DALE, DALE],
      ['assignee', DALE, null, DALE],
    ]);
    expect(res.body.ticket).toMatchObject({ priority: 'critical', category: 'no-connection', assignedTo: null });
  });

  it('an empty change → 400; a customer never sees the change history', async () => {
    const [one] = await newTickets(1);
    const dale = await staffAs(t, blue, DALE);
    expect((await dale.patch(`/api/work-orders/${one!.id}`).send({})).status).toBe(400);
    await dale.patch(`/api/work-orders/${one!.id}`).send({ priority: 'high' }).expect(200);
    const portal = await signInAsCustomer(t, t.client('da-blue'), blue, ana);
    const view = await portal.get(`/api/work-orders/customer/${ana.customerId}/${one!.id}`).expect(200);
    expect(JSON.stringify(view.body)).not.toContain(DALE);
    expect(view.body.ticket.changes).toBeUndefined();
  });
});

describe('GET /api/work-orders/:id/customer: the customer panel', () => {
  it('shows plan, service status, equipment, signal, the active outage at their site, other tickets and portal state', async () => {
    const carla = await createCustomer(blue, { siteId: 'INC-SITE-A', firstName: 'Carla' });
    const carlaPortal = await signInAsCustomer(t, t.client('da-blue'), blue, carla);
    const older = await openTicketAs(carlaPortal, carla, { title: 'Older problem' });
    const current = await openTicketAs(carlaPortal, carla, { title: 'Current problem' });
    const incidentId = await incidentFor(blue);
    const res = await (await staffAs(t, blue, DALE)).get(`/api/work-orders/${current.id}/customer`).expect(200);
    const panel = ZDeskCustomerPanelResponse.strict().parse(res.body).panel;
    expect(panel.customer).toMatchObject({
      customerId: carla.customerId,
      serviceStatus: 'active',
      siteId: 'INC-SITE-A',
    });
    expect(panel.customer.plan).toMatchObject({ planName: 'Plus', downloadMbps: 50 });
    expect(panel.equipment[0]).toMatchObject({ type: 'cpe', model: 'LiteBeam 5AC' });
    expect(panel.network.signalStrength).toBe(-58);
    expect(panel.activeIncidents.map((i) => i.id)).toEqual([incidentId]);
    expect(panel.recentTickets.map((r) => r.id)).toEqual([older.id]);
    expect(panel.portal.enabled).toBe(true);
  });

  it("another tenant's staff and customers → 404", async () => {
    const [one] = await newTickets(1);
    expect(
      (await (await staffAs(t, green, 'ops@da-green.example')).get(`/api/work-orders/${one!.id}/customer`)).status,
    ).toBe(404);
    const portal = await signInAsCustomer(t, t.client('da-blue'), blue, ana);
    expect((await portal.get(`/api/work-orders/${one!.id}/customer`)).status).toBe(404);
  });
});
