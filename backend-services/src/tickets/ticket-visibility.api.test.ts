import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { useTestApp } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { OutboxMessageModel } from '../notifications/outbox.model.ts';
import { endSession } from '../platform/auth/session.service.ts';
import { customerPath, openCustomerStream, openTicketAs, pngBytes } from './ticket-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
let alice: TCustomerDoc;
useTestApp((app) => (t = app), { TICKET_EVENTS_HEARTBEAT_SECONDS: '1' });
beforeAll(async () => {
  blue = await createTenant({ slug: 'vis-blue' });
  alice = await createCustomer(blue);
});

const SECRET = 'INTERNAL-ONLY: customer disputes bill, do not waive fee';
const SECRET_FILE = 'secret-tower-photo.png';

describe('internal notes never reach the customer', () => {
  it('is absent from every customer response body, the live stream and every email', async () => {
    const customer = await signInAsCustomer(t, t.client('vis-blue'), blue, alice);
    const staff = await signInAsStaff(t, t.client('vis-blue'), blue);
    const stream = await openCustomerStream(t, blue, alice);
    const bodies: string[] = [];
    const keep = <T extends { text: string; status: number }>(res: T) => {
      bodies.push(res.text);
      return res;
    };

    const ticket = await openTicketAs(customer, alice);
    const note = await staff
      .post(`/api/work-orders/${ticket.id}/notes`)
      .field('body', SECRET)
      .attach('files', await pngBytes(), SECRET_FILE);
    expect(note.status).toBe(201);
    // The staff side sees it, so the scan below is looking for text that really exists.
    expect((await staff.get(`/api/work-orders/${ticket.id}`)).text).toContain(SECRET);

    await staff
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: 'Public answer for the customer.' })
      .expect(201);
    await staff.post(`/api/work-orders/${ticket.id}/status`).send({ status: 'waiting-on-customer' }).expect(200);
    await stream.waitFor(
      (e) => e.event === 'ticket.status' && (e.data as { status: string }).status === 'waiting-on-customer',
    );

    keep(await customer.get(customerPath(alice)));
    keep(await customer.get(customerPath(alice, '?group=open')));
    keep(await customer.get(customerPath(alice, `/${ticket.id}`)));
    keep(
      await customer.post(customerPath(alice, `/${ticket.id}/comments`)).send({ body: 'Thanks, here is more info.' }),
    );
    keep(
      await customer.post(customerPath(alice, `/${ticket.id}/upload`)).attach('files', await pngBytes(), 'mine.png'),
    );
    keep(await customer.post(customerPath(alice, `/${ticket.id}/close`)).send({}));
    keep(await customer.post(customerPath(alice, `/${ticket.id}/reopen`)).send({}));
    keep(await customer.post(customerPath(alice, `/${ticket.id}/read`)).send({}));
    await staff.post(`/api/work-orders/${ticket.id}/status`).send({ status: 'resolved' }).expect(200);
    keep(await customer.post(customerPath(alice, `/${ticket.id}/rating`)).send({ rating: 5 }));
    // Staff writing in the customer's view get the customer view back, too.
    await customer
      .post(customerPath(alice, `/${ticket.id}/reopen`))
      .send({})
      .expect(200);
    keep(
      await staff.post(customerPath(alice, `/${ticket.id}/comments`)).send({ body: 'Reply from the customer view.' }),
    );

    expect(bodies.length).toBe(10);
    for (const body of bodies) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(SECRET_FILE);
      expect(body).not.toContain('internal');
    }
    const detail = await customer.get(customerPath(alice, `/${ticket.id}`));
    expect(detail.body.ticket.messages.map((m: { body: string }) => m.body)).toEqual([
      'Public answer for the customer.',
      'Thanks, here is more info.',
      'Reply from the customer view.',
    ]);

    await stream.waitFor(
      (e) =>
        e.event === 'ticket.message' &&
        (e.data as { message: { body: string } }).message.body === 'Reply from the customer view.',
    );
    stream.close();
    expect(stream.raw()).not.toContain(SECRET);
    expect(stream.raw()).not.toContain(SECRET_FILE);

    const emails = await OutboxMessageModel.find({}).lean();
    expect(emails.length).toBeGreaterThan(0);
    for (const e of emails) expect(`${e.subject}${e.html}${e.text}`).not.toContain('do not waive fee');
  });

  it('an internal note alone produces no live event and no email', async () => {
    const bob = await createCustomer(blue);
    const customer = await signInAsCustomer(t, t.client('vis-blue'), blue, bob);
    const staff = await signInAsStaff(t, t.client('vis-blue'), blue);
    const ticket = await openTicketAs(customer, bob);
    const stream = await openCustomerStream(t, blue, bob);
    await stream.waitFor((e) => e.event === 'unread');
    const emailsBefore = await OutboxMessageModel.countDocuments({});
    await staff.post(`/api/work-orders/${ticket.id}/notes`).send({ body: SECRET }).expect(201);
    // A public reply afterwards proves the stream is live: its event arrives, the note's never did.
    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'Public follow-up.' }).expect(201);
    await stream.waitFor((e) => e.event === 'ticket.message');
    stream.close();
    const messageEvents = stream.events.filter((e) => e.event === 'ticket.message');
    expect(messageEvents.map((e) => (e.data as { message: { body: string } }).message.body)).toEqual([
      'Public follow-up.',
    ]);
    expect(stream.raw()).not.toContain(SECRET);
    expect(await OutboxMessageModel.countDocuments({ kind: 'ticket-reply' })).toBeGreaterThan(0);
    expect(await OutboxMessageModel.countDocuments({})).toBe(emailsBefore + 1);
  });
});

describe('GET /api/work-orders/customer/:customerId/events', () => {
  it('streams with the headers a proxy needs, then public messages, status changes and the unread count', async () => {
    const carol = await createCustomer(blue);
    const customer = await signInAsCustomer(t, t.client('vis-blue'), blue, carol);
    const staff = await signInAsStaff(t, t.client('vis-blue'), blue);
    const ticket = await openTicketAs(customer, carol);
    const stream = await openCustomerStream(t, blue, carol);
    expect(stream.headers['content-type']).toContain('text/event-stream');
    expect(stream.headers['cache-control']).toContain('no-cache');
    expect(stream.headers['x-accel-buffering']).toBe('no');
    expect((await stream.waitFor((e) => e.event === 'unread')).data).toEqual({ type: 'unread', unreadTickets: 0 });

    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'We see the outage.' }).expect(201);
    const msg = await stream.waitFor((e) => e.event === 'ticket.message');
    expect(msg.data).toMatchObject({
      ticketId: ticket.id,
      message: { authorType: 'staff', body: 'We see the outage.' },
    });
    expect(JSON.stringify(msg.data)).not.toContain('staff@vis-blue.example');
    await stream.waitFor((e) => e.event === 'ticket.status' && (e.data as { status: string }).status === 'in-progress');
    await stream.waitFor((e) => e.event === 'unread' && (e.data as { unreadTickets: number }).unreadTickets === 1);
    stream.close();
  });

  it("does not deliver another customer's events", async () => {
    const dave = await createCustomer(blue);
    const erin = await createCustomer(blue);
    const daveAgent = await signInAsCustomer(t, t.client('vis-blue'), blue, dave);
    const staff = await signInAsStaff(t, t.client('vis-blue'), blue);
    const erinStream = await openCustomerStream(t, blue, erin);
    const daveStream = await openCustomerStream(t, blue, dave);
    const ticket = await openTicketAs(daveAgent, dave);
    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'For Dave only.' }).expect(201);
    await daveStream.waitFor((e) => e.event === 'ticket.message');
    erinStream.close();
    daveStream.close();
    expect(erinStream.raw()).not.toContain('For Dave only.');
  });

  it('sends heartbeat comments and ends the stream once the session is signed out', async () => {
    const fay = await createCustomer(blue);
    const stream = await openCustomerStream(t, blue, fay);
    await stream.waitFor((e) => e.event === 'unread');
    for (let i = 0; i < 60 && !stream.raw().includes(': heartbeat'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(stream.raw()).toContain(': heartbeat');
    await endSession(stream.sessionId);
    await stream.ended;
    expect(stream.events.at(-1)).toEqual({ event: 'session.ended', data: { type: 'session.ended' } });
  });
});
