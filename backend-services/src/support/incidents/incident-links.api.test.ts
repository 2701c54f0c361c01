import { describe, expect, it } from 'vitest';
import type { Agent } from 'supertest';
import { ZDeliveryReport, ZIncidentTicketsResponse, ZIncidentUpdateResponse } from '@wisp/shared';
import type { TestApp } from '../../../test/harness.ts';
import { twoTenantWorld } from '../../../test/kit.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../../test/sessions.ts';
import { incidentFor } from '../../../test/incident-factory.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import { OutboxMessageModel } from '../../notifications/outbox.model.ts';
import { TicketMessageModel, TicketModel } from '../../tickets/ticket.model.ts';
import { anonymousClient, customerPath, openTicketAs } from '../../tickets/ticket-test-kit.ts';
import { IncidentTicketLinkModel } from './incident-link.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('olink', (w) => ({ t, blue, green } = w));

/**
 * A tenant of its own with an open outage at `site` (declared now, or by `declare()` once the
 * tickets filed before it exist), a staff member, and helpers to file tickets there.
 */
async function outageWorld(slug: string, site = 'TOWER-1', declareNow = true) {
  const tenant = await createTenant({ slug });
  const declare = () => incidentFor(tenant, { affectedSiteIds: [site], title: 'North tower down' });
  const incidentId: string = declareNow ? await declare() : '';
  const staff = await signInAsStaff(t, t.client(slug), tenant);
  const customerAt = async (siteId = site, fields: Record<string, unknown> = {}) => {
    const customer = await createCustomer(tenant, { siteId, ...fields });
    const agent = await signInAsCustomer(t, t.client(slug), tenant, customer);
    return { customer, agent };
  };
  return { tenant, incidentId, staff, customerAt, declare };
}

/** A ticket filed before the outage was declared (so it did not link itself). */
async function ticketBefore(tenant: TTenantDoc, customer: TCustomerDoc, category = 'no-connection') {
  const agent = await signInAsCustomer(t, t.client(tenant.slug), tenant, customer);
  return openTicketAs(agent, customer, { category });
}

const ticketsOf = async (staff: Agent, incidentId: string) =>
  ZIncidentTicketsResponse.parse((await staff.get(`/api/support/incidents/${incidentId}/tickets`).expect(200)).body);

describe('GET /api/support/incidents/:id/tickets', () => {
  it('anonymous → 401', async () => {
    const id = await incidentFor(blue);
    expect((await t.client('olink-blue').get(`/api/support/incidents/${id}/tickets`)).status).toBe(401);
  });

  it('another tenant → 404', async () => {
    const id = await incidentFor(blue);
    const staff = await signInAsStaff(t, t.client('olink-green'), green);
    expect((await staff.get(`/api/support/incidents/${id}/tickets`)).status).toBe(404);
  });

  it('counts the open tickets in connectivity categories at the affected sites that no incident holds', async () => {
    const tenant = await createTenant({ slug: 'olink-count' });
    const at = await createCustomer(tenant, { siteId: 'TOWER-1' });
    const elsewhere = await createCustomer(tenant, { siteId: 'TOWER-9' });
    const down = await ticketBefore(tenant, at, 'no-connection');
    const slow = await ticketBefore(tenant, at, 'slow-speed');
    await ticketBefore(tenant, at, 'billing-issue');
    await ticketBefore(tenant, elsewhere, 'no-connection');
    const closed = await ticketBefore(tenant, at, 'intermittent');
    await TicketModel.updateOne({ _id: closed.id }, { $set: { status: 'closed' } });
    const incidentId = await incidentFor(tenant, { affectedSiteIds: ['TOWER-1'] });
    const staff = await signInAsStaff(t, t.client('olink-count'), tenant);
    const body = await ticketsOf(staff, incidentId);
    expect(body.candidateCount).toBe(2);
    expect(body.candidates.map((c) => c.id).sort()).toEqual([down.id, slow.id].sort());
    expect(body.linked).toEqual([]);
  });
});

describe('POST /api/support/incidents/:id/links', () => {
  it('anonymous → 401', async () => {
    const id = await incidentFor(blue);
    const res = await anonymousClient(t, 'olink-blue').post(`/api/support/incidents/${id}/links`).send({ all: true });
    expect(res.status).toBe(401);
  });

  it('another tenant → 404, for the incident and for a ticket of another tenant', async () => {
    const id = await incidentFor(blue);
    const greenStaff = await signInAsStaff(t, t.client('olink-green'), green);
    expect((await greenStaff.post(`/api/support/incidents/${id}/links`).send({ all: true })).status).toBe(404);
    const greenTicket = await ticketBefore(green, await createCustomer(green));
    const blueStaff = await signInAsStaff(t, t.client('olink-blue'), blue);
    const res = await blueStaff.post(`/api/support/incidents/${id}/links`).send({ ticketIds: [greenTicket.id] });
    expect(res.status).toBe(404);
  });

  it('links all candidates; the tickets carry incidentId and incidentLinks; the desk count drops to 0', async () => {
    const w = await outageWorld('olink-all', 'TOWER-1', false);
    const a = await w.customerAt();
    const b = await w.customerAt();
    const ta = await ticketBefore(w.tenant, a.customer);
    const tb = await ticketBefore(w.tenant, b.customer, 'intermittent');
    w.incidentId = await w.declare();
    const before = await ticketsOf(w.staff, w.incidentId);
    expect(before.candidateCount).toBe(2);
    const res = await w.staff.post(`/api/support/incidents/${w.incidentId}/links`).send({ all: true }).expect(200);
    expect(res.body).toEqual({ linked: 2, skipped: 0 });
    const stored = await TicketModel.findById(ta.id).lean();
    expect(stored!.incidentId).toBe(w.incidentId);
    expect(stored!.incidentLinks).toHaveLength(1);
    expect(stored!.incidentLinks[0]!.incidentId).toBe(w.incidentId);
    expect(stored!.incidentLinks[0]!.linkedAt).toBeInstanceOf(Date);
    const after = await ticketsOf(w.staff, w.incidentId);
    expect(after.candidateCount).toBe(0);
    expect(after.linked.map((l) => l.id).sort()).toEqual([ta.id, tb.id].sort());
  });

  it('links a chosen set only', async () => {
    const w = await outageWorld('olink-chosen', 'TOWER-1', false);
    const a = await w.customerAt();
    const ta = await ticketBefore(w.tenant, a.customer);
    const tb = await ticketBefore(w.tenant, a.customer, 'slow-speed');
    w.incidentId = await w.declare();
    const res = await w.staff.post(`/api/support/incidents/${w.incidentId}/links`).send({ ticketIds: [tb.id] });
    expect(res.body).toEqual({ linked: 1, skipped: 0 });
    const after = await ticketsOf(w.staff, w.incidentId);
    expect(after.linked.map((l) => l.id)).toEqual([tb.id]);
    expect(after.candidates.map((c) => c.id)).toEqual([ta.id]);
  });

  it('parallel link requests (to this and to another incident) → each ticket linked exactly once', async () => {
    const w = await outageWorld('olink-race', 'TOWER-1', false);
    const tickets = [];
    for (let i = 0; i < 4; i++) tickets.push(await ticketBefore(w.tenant, (await w.customerAt()).customer));
    w.incidentId = await w.declare();
    const second = await incidentFor(w.tenant, { affectedSiteIds: ['TOWER-1'], title: 'Second outage' });
    const other = await signInAsStaff(t, t.client('olink-race'), w.tenant, 'admin');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? other : w.staff)
          .post(`/api/support/incidents/${i % 3 === 0 ? second : w.incidentId}/links`)
          .send({ all: true }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(answers.reduce((n, r) => n + (r.body as { linked: number }).linked, 0)).toBe(4);
    for (const ticket of tickets) {
      const links = await IncidentTicketLinkModel.find({ ticketId: ticket.id }).lean();
      expect(links).toHaveLength(1);
      const stored = await TicketModel.findById(ticket.id).lean();
      expect(stored!.incidentId).toBe(String(links[0]!.incidentId));
      expect(stored!.incidentLinks).toHaveLength(1);
    }
  });

  it('a resolved incident takes no links → 409', async () => {
    const tenant = await createTenant({ slug: 'olink-resolved' });
    const id = await incidentFor(tenant, { status: 'resolved', resolvedAt: new Date() });
    const staff = await signInAsStaff(t, t.client('olink-resolved'), tenant);
    expect((await staff.post(`/api/support/incidents/${id}/links`).send({ all: true })).status).toBe(409);
  });
});

describe('the outage-aware intake links the ticket itself', () => {
  it('a customer at an affected site filing in a connectivity category → linked; billing or another site → not', async () => {
    const w = await outageWorld('olink-intake');
    const a = await w.customerAt();
    const down = await openTicketAs(a.agent, a.customer, { category: 'no-connection' });
    const billing = await openTicketAs(a.agent, a.customer, { category: 'billing-issue' });
    const far = await w.customerAt('TOWER-9');
    const farTicket = await openTicketAs(far.agent, far.customer, { category: 'no-connection' });
    expect((await TicketModel.findById(down.id).lean())!.incidentId).toBe(w.incidentId);
    expect((await TicketModel.findById(billing.id).lean())!.incidentId).toBeUndefined();
    expect((await TicketModel.findById(farTicket.id).lean())!.incidentId).toBeUndefined();
  });

  it('the customer never sees the incident link (no incidentId, incidentLinks or link facts in their view)', async () => {
    const w = await outageWorld('olink-view');
    const a = await w.customerAt();
    const ticket = await openTicketAs(a.agent, a.customer, { category: 'no-connection' });
    const view = await a.agent.get(customerPath(a.customer, `/${ticket.id}`)).expect(200);
    const text = JSON.stringify(view.body);
    expect(text).not.toContain('incidentId');
    expect(text).not.toContain('incidentLinks');
    expect(text).not.toContain('linkedAt');
    expect(text).not.toContain(w.incidentId);
    const list = await a.agent.get(customerPath(a.customer)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(w.incidentId);
  });
});

describe('POST /api/support/incidents/:id/updates — one update to everyone', () => {
  it('posts one public reply on every linked ticket and mails each affected customer once (filer + subscriber → one mail)', async () => {
    const w = await outageWorld('olink-update');
    const a = await w.customerAt();
    const b = await w.customerAt();
    const subscriberOnly = await w.customerAt();
    const ta1 = await openTicketAs(a.agent, a.customer, { category: 'no-connection' });
    const ta2 = await openTicketAs(a.agent, a.customer, { category: 'intermittent' });
    const tb = await openTicketAs(b.agent, b.customer, { category: 'slow-speed' });
    for (const c of [a, subscriberOnly])
      await c.agent.post(`/api/customer-portal/support/incidents/${w.incidentId}/subscribe`).send({}).expect(200);
    const res = await w.staff
      .post(`/api/support/incidents/${w.incidentId}/updates`)
      .send({ status: 'identified', message: 'A power supply failed; a crew is on the way.' })
      .expect(201);
    const body = ZIncidentUpdateResponse.parse(res.body);
    expect(body.delivered).toEqual({ replies: 3, emails: 3 });
    expect(body.incident.linkedTicketCount).toBe(3);
    for (const ticket of [ta1, ta2, tb]) {
      const replies = await TicketMessageModel.find({ workOrderId: ticket.id, authorType: 'staff' }).lean();
      expect(replies).toHaveLength(1);
      expect(replies[0]!.visibility).toBe('public');
      expect(replies[0]!.body).toContain('A power supply failed; a crew is on the way.');
    }
    const customerView = await a.agent.get(customerPath(a.customer, `/${ta1.id}`)).expect(200);
    expect(JSON.stringify(customerView.body)).toContain('A power supply failed');
    const mails = await OutboxMessageModel.find({ kind: 'incident-update', tenantId: w.tenant._id }).lean();
    expect(mails.map((m) => m.to).sort()).toEqual(
      [a.customer.email, b.customer.email, subscriberOnly.customer.email].sort(),
    );
    await t.outbox.drain();
    const report = ZDeliveryReport.parse(
      (await w.staff.get(`/api/support/incidents/${w.incidentId}/updates/${body.updateIndex}/delivery`).expect(200))
        .body,
    );
    expect(report.replies).toBe(3);
    expect(report.tickets.map((r) => r.ticketId).sort()).toEqual([ta1.id, ta2.id, tb.id].sort());
    expect(report.tickets.every((r) => r.replied && r.email === 'sent')).toBe(true);
    expect(report.emails).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it('delivering the same update again posts and sends nothing twice', async () => {
    const w = await outageWorld('olink-again');
    const a = await w.customerAt();
    const ticket = await openTicketAs(a.agent, a.customer, { category: 'no-connection' });
    const res = await w.staff
      .post(`/api/support/incidents/${w.incidentId}/updates`)
      .send({ status: 'monitoring', message: 'Power back, watching it.' })
      .expect(201);
    const again = await Promise.all(
      [0, 1, 2].map(() =>
        w.staff.post(`/api/support/incidents/${w.incidentId}/updates/${res.body.updateIndex}/deliver`).send({}),
      ),
    );
    expect(again.map((r) => r.body)).toEqual(Array(3).fill({ replies: 0, emails: 0 }));
    expect(await TicketMessageModel.countDocuments({ workOrderId: ticket.id, authorType: 'staff' })).toBe(1);
    expect(await OutboxMessageModel.countDocuments({ kind: 'incident-update', to: a.customer.email })).toBe(1);
  });

  it('the delivery report of another tenant’s incident → 404', async () => {
    const id = await incidentFor(blue);
    const staff = await signInAsStaff(t, t.client('olink-green'), green);
    expect((await staff.get(`/api/support/incidents/${id}/updates/0/delivery`)).status).toBe(404);
    expect((await staff.post(`/api/support/incidents/${id}/updates/0/deliver`).send({})).status).toBe(404);
  });
});

describe('resolving the incident resolves its linked tickets; reopening unlinks', () => {
  it('a resolving update resolves every linked ticket through the status history, with the resolution reply', async () => {
    const w = await outageWorld('olink-resolve');
    const a = await w.customerAt();
    const b = await w.customerAt();
    const ta = await openTicketAs(a.agent, a.customer, { category: 'no-connection' });
    const tb = await openTicketAs(b.agent, b.customer, { category: 'intermittent' });
    const unrelated = await openTicketAs(a.agent, a.customer, { category: 'billing-issue' });
    await w.staff
      .post(`/api/support/incidents/${w.incidentId}/updates`)
      .send({ status: 'resolved', message: 'The tower is back up. Restart your router if needed.' })
      .expect(201);
    for (const id of [ta.id, tb.id]) {
      const stored = (await TicketModel.findById(id).lean())!;
      expect(stored.status).toBe('resolved');
      expect(stored.statusHistory.map((h) => h.to)).toEqual(['open', 'resolved']);
      expect(stored.resolvedAt).toBeInstanceOf(Date);
      const reply = await TicketMessageModel.findOne({ workOrderId: id, authorType: 'staff' }).lean();
      expect(reply!.body).toContain('The tower is back up.');
    }
    expect((await TicketModel.findById(unrelated.id).lean())!.status).toBe('open');
  });

  it('a customer reopening a linked ticket unlinks it (unlinkedAt set) and puts it back in the queue as open', async () => {
    const w = await outageWorld('olink-reopen');
    const a = await w.customerAt();
    const ticket = await openTicketAs(a.agent, a.customer, { category: 'no-connection' });
    await w.staff
      .post(`/api/support/incidents/${w.incidentId}/updates`)
      .send({ status: 'resolved', message: 'Fixed.' })
      .expect(201);
    await a.agent
      .post(customerPath(a.customer, `/${ticket.id}/reopen`))
      .send({})
      .expect(200);
    const stored = (await TicketModel.findById(ticket.id).lean())!;
    expect(stored.status).toBe('open');
    expect(stored.incidentId).toBeUndefined();
    expect(stored.incidentLinks).toHaveLength(1);
    expect(stored.incidentLinks[0]!.unlinkedAt).toBeInstanceOf(Date);
    const after = await ticketsOf(w.staff, w.incidentId);
    expect(after.linked).toEqual([]);
    const queue = await w.staff.get('/api/work-orders?view=open').expect(200);
    expect(JSON.stringify(queue.body)).toContain(ticket.id);
  });
});
