import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZDeskQueuePage, type TDeskQueueRow } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { incidentFor } from '../../test/incident-factory.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { TenantModel } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { staffAs } from '../desk/desk-test-kit.ts';
import { TicketModel } from '../tickets/ticket.model.ts';
import { openTicketAs } from '../tickets/ticket-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
let ana: TCustomerDoc;
const MIN = 60_000;
const DALE = 'dale@sla-blue.example';
const ids: Record<string, string> = {};

/** Opens a ticket and moves its creation `minutesAgo` into the past (the clock counts from creation). */
async function ticketOpened(key: string, minutesAgo: number, priority = 'high') {
  const agent = await signInAsCustomer(t, t.client('sla-blue'), blue, ana);
  const { id } = await openTicketAs(agent, ana, { title: key, priority });
  const createdAt = new Date(Date.now() - minutesAgo * MIN);
  await TicketModel.collection.updateOne(
    { _id: new mongoose.Types.ObjectId(id) },
    { $set: { createdAt, 'statusHistory.0.at': createdAt } },
  );
  ids[key] = id;
  return id;
}

/** What the outages branch writes when it links a ticket to an incident (not in this branch's model). */
async function linkToIncident(ticketId: string, incidentId: string, linkedAt: Date, unlinkedAt?: Date) {
  await TicketModel.updateOne(
    { _id: ticketId },
    { $set: { incidentId, incidentLinks: [{ incidentId, linkedAt, ...(unlinkedAt ? { unlinkedAt } : {}) }] } },
    { strict: false },
  );
}

const queue = async (query = '') => {
  const res = await (await staffAs(t, blue, DALE)).get(`/api/work-orders${query}`);
  expect(res.status).toBe(200);
  return ZDeskQueuePage.parse(res.body);
};
const rowOf = async (key: string): Promise<TDeskQueueRow> => {
  const page = await queue(`?q=${encodeURIComponent(key)}`);
  const row = page.items.find((r) => r.title === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
};

twoTenantWorld('sla', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  // Around the clock, so the minutes counted here are wall-clock minutes whatever time the test runs.
  await TenantModel.updateOne({ _id: blue._id }, { $set: { weeklySupportHours: [] } });
  blue = { ...blue, weeklySupportHours: [] } as unknown as TTenantDoc;
  ana = await createCustomer(blue, { firstName: 'Ana', lastName: 'Ruiz', siteId: 'INC-SITE-A' });
  await ticketOpened('Fresh high', 10); // first response due in ~50 of 60 minutes
  await ticketOpened('Overdue high', 95); // ~35 minutes overdue
  await ticketOpened('Low far off', 10, 'low'); // 480 minutes for a low one
  await ticketOpened('Waiting on Ana', 100);
  await ticketOpened('Linked to outage', 100);
  await ticketOpened('Was linked', 100);
  const dale = await staffAs(t, blue, DALE);
  await dale
    .post(`/api/work-orders/${ids['Waiting on Ana']}/status`)
    .send({ status: 'waiting-on-customer' })
    .expect(200);
  const open = await incidentFor(blue);
  await linkToIncident(ids['Linked to outage']!, open, new Date(Date.now() - 90 * MIN));
  const resolved = await incidentFor(blue, { status: 'resolved', resolvedAt: new Date(Date.now() - 30 * MIN) });
  await linkToIncident(ids['Was linked']!, resolved, new Date(Date.now() - 90 * MIN));
});

describe('GET /api/work-orders: the service-level clock on each row', () => {
  it('anonymous → 401', async () => {
    await t.client('sla-blue').get('/api/work-orders?sort=due').expect(401);
  });

  it("another tenant's staff see none of these rows and no breaching count", async () => {
    const res = await (await staffAs(t, green, 'ops@sla-green.example')).get('/api/work-orders?view=breaching');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.views.breaching).toBe(0);
  });

  it('counts the first response down from the ticket’s creation, by its priority’s target', async () => {
    const row = await rowOf('Fresh high');
    expect(row.sla).toMatchObject({ target: 'first-response', paused: false });
    expect(row.sla!.dueInMinutes).toBeGreaterThanOrEqual(48);
    expect(row.sla!.dueInMinutes).toBeLessThanOrEqual(50);
    expect(Date.parse(row.sla!.dueAt!)).toBeGreaterThan(Date.now());
    expect((await rowOf('Low far off')).sla!.dueInMinutes).toBeGreaterThan(400);
  });

  it('goes negative once overdue', async () => {
    const row = await rowOf('Overdue high');
    expect(row.sla!.dueInMinutes).toBeLessThanOrEqual(-34);
    expect(row.sla!.dueAt).toBeNull();
  });

  it('pauses while the ticket waits on the customer', async () => {
    const row = await rowOf('Waiting on Ana');
    expect(row.sla).toMatchObject({ paused: true, dueAt: null });
  });

  it('pauses while linked to an open incident, and counts again after the incident resolved', async () => {
    const linked = await rowOf('Linked to outage');
    // Opened 100 minutes ago, linked 90 minutes ago: 10 minutes counted of 60.
    expect(linked.sla).toMatchObject({ paused: true, dueInMinutes: 50 });
    const was = await rowOf('Was linked');
    // Paused from 90 to 30 minutes ago: about 40 minutes counted.
    expect(was.sla!.paused).toBe(false);
    expect(was.sla!.dueInMinutes).toBeGreaterThanOrEqual(18);
    expect(was.sla!.dueInMinutes).toBeLessThanOrEqual(20);
  });

  it('switches to the resolution target once staff answered, and has no clock once resolved', async () => {
    const id = await ticketOpened('Answered one', 20);
    const dale = await staffAs(t, blue, DALE);
    await dale.post(`/api/work-orders/${id}/replies`).send({ body: 'Looking at it now.' }).expect(201);
    const row = await rowOf('Answered one');
    expect(row.sla!.target).toBe('resolution');
    expect(row.sla!.dueInMinutes).toBeGreaterThan(450); // 8 business hours for a high ticket
    await dale.post(`/api/work-orders/${id}/status`).send({ status: 'resolved' }).expect(200);
    expect((await rowOf('Answered one')).sla).toBeNull();
  });

  it('sort=due puts the most overdue first, paused clocks after running ones', async () => {
    const titles = (await queue('?view=open&sort=due')).items.map((r) => r.title);
    expect(titles.indexOf('Overdue high')).toBe(0);
    expect(titles.indexOf('Was linked')).toBeLessThan(titles.indexOf('Fresh high'));
    expect(titles.indexOf('Fresh high')).toBeLessThan(titles.indexOf('Low far off'));
    expect(titles.indexOf('Low far off')).toBeLessThan(titles.indexOf('Linked to outage'));
    expect(titles.indexOf('Low far off')).toBeLessThan(titles.indexOf('Waiting on Ana'));
  });

  it('view=breaching lists what is overdue or due within the next business hour, with its count', async () => {
    const page = await queue('?view=breaching');
    expect(page.items.map((r) => r.title).sort()).toEqual(['Fresh high', 'Overdue high', 'Was linked']);
    expect(page.views.breaching).toBe(3);
  });

  it('the staff dashboard counts the same tickets as breaching soon', async () => {
    const dashboard = await (await staffAs(t, blue, DALE)).get('/api/staff/dashboard');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.tickets.breachingSoon).toBe(3);
  });

  it("the tenant's own targets move the clock", async () => {
    const admin = await staffAs(t, blue, 'admin@sla-blue.example', 'admin');
    const targets = { firstResponseMinutes: 240, resolutionMinutes: 960 };
    await admin
      .put('/api/settings/service-levels')
      .send({ targets: { low: targets, medium: targets, high: targets, critical: targets } })
      .expect(200);
    expect((await rowOf('Overdue high')).sla!.dueInMinutes).toBeGreaterThan(140);
    expect((await queue('?view=breaching')).items).toEqual([]);
  });
});
