import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZDeskQueuePage } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { incidentFor } from '../../test/incident-factory.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { staffAs } from '../desk/desk-test-kit.ts';
import { TicketModel } from './ticket.model.ts';
import { customerPath, openTicketAs } from './ticket-test-kit.ts';
import { statusMovesSettled } from './ticket-status.service.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
let ana: TCustomerDoc;
let bob: TCustomerDoc;
const DAY = 24 * 3600 * 1000;
const DALE = 'dale@q-blue.example';
const MARISOL = 'marisol@q-blue.example';
type Row = { id: string; ticketNumber: string; title: string; unread: boolean; customerName: string | null };
const ids = (body: { items: Row[] }) => body.items.map((r) => r.title);
const tickets: Record<string, { id: string; ticketNumber: string }> = {};

twoTenantWorld('q', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  ana = await createCustomer(blue, {
    firstName: 'Ana',
    lastName: 'Gómez',
    siteId: 'INC-SITE-A',
    primaryPhone: '+14025550101',
  });
  bob = await createCustomer(blue, {
    firstName: 'Bob',
    lastName: 'Lind',
    siteId: 'SITE-B',
    primaryPhone: '+14025550202',
  });
  const anaPortal = await signInAsCustomer(t, t.client('q-blue'), blue, ana);
  const bobPortal = await signInAsCustomer(t, t.client('q-blue'), blue, bob);
  const dale = await staffAs(t, blue, DALE);
  // Opened one after another, so "newest" and "oldest" have a defined order.
  const open = async (key: string, agent: typeof anaPortal, who: TCustomerDoc, extra: Record<string, unknown> = {}) => {
    tickets[key] = await openTicketAs(agent, who, { title: key, ...extra });
    await new Promise((r) => setTimeout(r, 15));
  };
  await open('Ana slow evenings', anaPortal, ana, { priority: 'low' });
  await open('Ana router lights off', anaPortal, ana, { category: 'no-connection', priority: 'high' });
  await open('Bob billing question', bobPortal, bob, { category: 'billing-issue' });
  await open('Bob waiting on photos', bobPortal, bob);
  await open('Bob resolved last week', bobPortal, bob);
  await open('Bob resolved long ago', bobPortal, bob);
  const id = (k: string) => tickets[k]!.id;
  await dale
    .post(`/api/work-orders/${id('Ana router lights off')}/assign`)
    .send({ assignedTo: DALE })
    .expect(200);
  await dale
    .post(`/api/work-orders/${id('Bob billing question')}/assign`)
    .send({ assignedTo: MARISOL })
    .expect(200);
  await dale
    .post(`/api/work-orders/${id('Bob waiting on photos')}/status`)
    .send({ status: 'waiting-on-customer' })
    .expect(200);
  await dale
    .post(`/api/work-orders/${id('Bob resolved last week')}/status`)
    .send({ status: 'resolved' })
    .expect(200);
  await dale
    .post(`/api/work-orders/${id('Bob resolved long ago')}/status`)
    .send({ status: 'resolved' })
    .expect(200);
  // Back-date: one resolved 20 days ago, one ticket opened 10 days ago.
  await TicketModel.collection.updateOne(
    { _id: new mongoose.Types.ObjectId(id('Bob resolved long ago')) },
    { $set: { resolvedAt: new Date(Date.now() - 20 * DAY), createdAt: new Date(Date.now() - 25 * DAY) } },
  );
  await TicketModel.collection.updateOne(
    { _id: new mongoose.Types.ObjectId(id('Ana slow evenings')) },
    { $set: { createdAt: new Date(Date.now() - 10 * DAY) } },
  );
});

const queue = async (query = '', email = DALE) => {
  const res = await (await staffAs(t, blue, email)).get(`/api/work-orders${query}`);
  expect(res.status).toBe(200);
  return ZDeskQueuePage.parse(res.body);
};

describe('GET /api/work-orders: the queue', () => {
  it('answers the built-in views with their counts in the same answer, counted for the person asking', async () => {
    // breaching: the high one nobody answered yet (60 minutes) and the low one opened ten days ago.
    expect((await queue()).views).toEqual({ mine: 1, unassigned: 2, waiting: 1, open: 4, resolved: 1, breaching: 2 });
    expect((await queue('', MARISOL)).views.mine).toBe(1);
  });

  it('each view lists what its name says', async () => {
    expect(ids(await queue('?view=mine'))).toEqual(['Ana router lights off']);
    expect(ids(await queue('?view=unassigned')).sort()).toEqual(['Ana slow evenings', 'Bob waiting on photos']);
    expect(ids(await queue('?view=waiting'))).toEqual(['Bob waiting on photos']);
    expect(ids(await queue('?view=resolved'))).toEqual(['Bob resolved last week']);
    expect((await queue('?view=open')).total).toBe(4);
  });

  it('filters by status, priority, category, assignee (a person, me, nobody), site and age', async () => {
    expect(ids(await queue('?status=waiting-on-customer'))).toEqual(['Bob waiting on photos']);
    expect(ids(await queue('?priority=high'))).toEqual(['Ana router lights off']);
    expect(ids(await queue('?category=billing-issue'))).toEqual(['Bob billing question']);
    expect(ids(await queue(`?assignee=${MARISOL}`))).toEqual(['Bob billing question']);
    expect(ids(await queue('?assignee=me'))).toEqual(['Ana router lights off']);
    expect(ids(await queue('?view=open&assignee=none')).sort()).toEqual(['Ana slow evenings', 'Bob waiting on photos']);
    expect(ids(await queue('?view=open&site=INC-SITE-A')).sort()).toEqual([
      'Ana router lights off',
      'Ana slow evenings',
    ]);
    expect(ids(await queue('?age=7d')).sort()).toEqual(['Ana slow evenings', 'Bob resolved long ago']);
  });

  it('supports the dashboard links: created=today, incident=active, sort=oldest', async () => {
    expect(ids(await queue('?view=open&created=today')).sort()).toEqual([
      'Ana router lights off',
      'Bob billing question',
      'Bob waiting on photos',
    ]);
    expect(ids(await queue('?view=open&incident=active'))).toEqual([]);
    await incidentFor(blue);
    expect(ids(await queue('?view=open&incident=active')).sort()).toEqual([
      'Ana router lights off',
      'Ana slow evenings',
    ]);
    expect(ids(await queue('?view=open&sort=oldest'))[0]).toBe('Ana slow evenings');
  });

  it('sorts by newest, by priority (most urgent first) and by last customer message', async () => {
    expect(ids(await queue('?view=open'))[0]).toBe('Bob waiting on photos');
    expect(ids(await queue('?view=open&sort=priority'))).toEqual([
      'Ana router lights off',
      'Bob billing question',
      'Bob waiting on photos',
      'Ana slow evenings',
    ]);
    const portal = await signInAsCustomer(t, t.client('q-blue'), blue, ana);
    await portal
      .post(customerPath(ana, `/${tickets['Ana slow evenings']!.id}/comments`))
      .send({ body: 'Still slow tonight.' });
    expect(ids(await queue('?view=open&sort=customer'))[0]).toBe('Ana slow evenings');
  });

  it('searches ticket number, title, customer name, customer ID and phone in any format', async () => {
    const number = tickets['Bob billing question']!.ticketNumber;
    expect(ids(await queue(`?q=${number}`))).toEqual(['Bob billing question']);
    expect(ids(await queue('?q=ROUTER'))).toEqual(['Ana router lights off']);
    expect(ids(await queue('?view=open&q=ana%20g%C3%B3mez')).sort()).toEqual([
      'Ana router lights off',
      'Ana slow evenings',
    ]);
    expect((await queue(`?q=${bob.customerId}`)).total).toBe(4);
    expect((await queue(`?q=${encodeURIComponent('(402) 555-0202')}`)).total).toBe(4);
    expect((await queue('?q=402.555.0101')).total).toBe(2);
    expect((await queue('?q=.*')).total).toBe(0);
  });

  it('rows carry number, customer, site, assignee, activity; a new customer message is unread until this staff member opens it', async () => {
    const page = await queue(`?q=${encodeURIComponent('Ana slow evenings')}`);
    expect(page.items[0]).toMatchObject({
      customerName: 'Ana Gómez',
      siteId: 'INC-SITE-A',
      unread: true,
      assignedTo: null,
    });
    const dale = await staffAs(t, blue, DALE);
    await dale.get(`/api/work-orders/${tickets['Ana slow evenings']!.id}`).expect(200);
    expect((await queue(`?q=${encodeURIComponent('Ana slow evenings')}`)).items[0]!.unread).toBe(false);
    expect((await queue(`?q=${encodeURIComponent('Ana slow evenings')}`, MARISOL)).items[0]!.unread).toBe(true);
    const portal = await signInAsCustomer(t, t.client('q-blue'), blue, ana);
    await portal.post(customerPath(ana, `/${tickets['Ana slow evenings']!.id}/comments`)).send({ body: 'Any news?' });
    expect((await queue(`?q=${encodeURIComponent('Ana slow evenings')}`)).items[0]!.unread).toBe(true);
  });

  it('shows who else has a ticket open on its row, but not yourself', async () => {
    const id = tickets['Bob billing question']!.id;
    await (
      await staffAs(t, blue, MARISOL)
    )
      .post(`/api/work-orders/${id}/presence`)
      .send({ state: 'typing' })
      .expect(200);
    const row = (await queue(`?q=${encodeURIComponent('Bob billing')}`)).items[0]!;
    expect(row.viewers).toEqual([{ email: MARISOL, state: 'typing' }]);
    expect((await queue(`?q=${encodeURIComponent('Bob billing')}`, MARISOL)).items[0]!.viewers).toEqual([]);
  });

  it('rejects an unknown view, sort or age with a field message', async () => {
    const res = await (await staffAs(t, blue, DALE)).get('/api/work-orders?view=everything&sort=sideways');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['view', 'sort']));
  });

  it("another tenant's staff see an empty queue and zero counts", async () => {
    const res = await (await staffAs(t, green, 'ops@q-green.example')).get('/api/work-orders?q=Ana').expect(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.views).toEqual({ mine: 0, unassigned: 0, waiting: 0, open: 0, resolved: 0, breaching: 0 });
  });

  it('answers a page with its counts in at most three database reads (two rounds), four with a search', async () => {
    const reads: string[] = [];
    const agent = await staffAs(t, blue, DALE);
    // Status moves of the set-up are re-checked in the background for a few seconds: not the queue's reads.
    await statusMovesSettled();
    const recorder = mongoose.get('debug') as unknown as ((...args: unknown[]) => void) | false;
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      if (typeof recorder === 'function') recorder(collection, method, ...args);
      if (['workorders', 'customers', 'ticketstaffreads', 'incidents'].includes(collection))
        reads.push(`${collection}.${method}`);
    });
    try {
      await agent.get('/api/work-orders?view=open').expect(200);
      expect(reads.sort()).toEqual(['customers.find', 'ticketstaffreads.find', 'workorders.find']);
      reads.length = 0;
      await agent.get('/api/work-orders?view=open&q=ana').expect(200);
      expect(reads).toHaveLength(4);
    } finally {
      mongoose.set('debug', recorder);
    }
  });
});
