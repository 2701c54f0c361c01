import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { anonymousClient, customerPath, openCustomerStream, openTicketAs } from '../tickets/ticket-test-kit.ts';
import { openStaffStream, staffAs } from './desk-test-kit.ts';
import { presenceSettings, sweepExpired } from './presence.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
let ana: TCustomerDoc;
const DALE = 'dale@dl-blue.example';
const MARISOL = 'marisol@dl-blue.example';
type Ev = { event: string; data: unknown };
const is =
  (type: string, more: Record<string, unknown> = {}) =>
  (e: Ev) =>
    e.event === type && Object.entries(more).every(([k, v]) => (e.data as Record<string, unknown>)[k] === v);

twoTenantWorld('dl', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  ana = await createCustomer(blue);
});
const portal = () => signInAsCustomer(t, t.client('dl-blue'), blue, ana);

describe('GET /api/work-orders/events: the staff event stream', () => {
  it('staff hear new tickets, changes, customer messages, note ids and status moves of their tenant only', async () => {
    const stream = await openStaffStream(t, blue, DALE);
    const other = await openStaffStream(t, green, 'ops@dl-green.example');
    try {
      const ticket = await openTicketAs(await portal(), ana);
      await stream.waitFor(is('ticket.created', { ticketId: ticket.id, ticketNumber: ticket.ticketNumber }));
      const marisol = await staffAs(t, blue, MARISOL);
      await marisol.post(`/api/work-orders/${ticket.id}/assign`).send({ assignedTo: MARISOL }).expect(200);
      await stream.waitFor(is('ticket.changed', { ticketId: ticket.id }));
      await (
        await portal()
      )
        .post(customerPath(ana, `/${ticket.id}/comments`))
        .send({ body: 'Lights are red.' })
        .expect(201);
      const message = await stream.waitFor(is('ticket.message', { ticketId: ticket.id }));
      expect(message.data).toMatchObject({ customerId: ana.customerId, message: { body: 'Lights are red.' } });
      const note = await marisol
        .post(`/api/work-orders/${ticket.id}/notes`)
        .send({ body: 'SECRET-NOTE-1' })
        .expect(201);
      await stream.waitFor(is('ticket.note', { ticketId: ticket.id, messageId: note.body.message.id }));
      await marisol.post(`/api/work-orders/${ticket.id}/status`).send({ status: 'resolved' }).expect(200);
      await stream.waitFor(is('ticket.status', { ticketId: ticket.id, status: 'resolved' }));
      expect(stream.raw()).not.toContain('SECRET-NOTE-1');
      expect(other.raw()).not.toContain(ticket.id);
    } finally {
      stream.close();
      other.close();
    }
  });

  it('customers cannot open it (404), anonymous → 401', async () => {
    expect((await (await portal()).get('/api/work-orders/events')).status).toBe(404);
    expect((await anonymousClient(t, 'dl-blue').get('/api/work-orders/events')).status).toBe(401);
  });
});

describe('POST /api/work-orders/:id/presence', () => {
  it('two staff on one ticket see each other viewing, then typing; the stream tells the desk', async () => {
    const ticket = await openTicketAs(await portal(), ana);
    const stream = await openStaffStream(t, blue, DALE);
    try {
      const dale = await staffAs(t, blue, DALE);
      const marisol = await staffAs(t, blue, MARISOL);
      await dale.post(`/api/work-orders/${ticket.id}/presence`).send({ state: 'viewing' }).expect(200);
      const seen = await marisol.post(`/api/work-orders/${ticket.id}/presence`).send({ state: 'typing' }).expect(200);
      expect(seen.body.viewers).toEqual([{ email: DALE, state: 'viewing' }]);
      const back = await dale.post(`/api/work-orders/${ticket.id}/presence`).send({ state: 'viewing' }).expect(200);
      expect(back.body.viewers).toEqual([{ email: MARISOL, state: 'typing' }]);
      await stream.waitFor(is('presence', { ticketId: ticket.id, email: MARISOL, state: 'typing' }));
      await marisol.post(`/api/work-orders/${ticket.id}/presence`).send({ state: 'gone' }).expect(200);
      await stream.waitFor(is('presence', { ticketId: ticket.id, email: MARISOL, state: 'gone' }));
    } finally {
      stream.close();
    }
  });

  it('a viewer whose heartbeat stops is dropped and the desk is told', async () => {
    const ticket = await openTicketAs(await portal(), ana);
    const stream = await openStaffStream(t, blue, DALE);
    const ttl = presenceSettings.ttlMs;
    try {
      presenceSettings.ttlMs = 50;
      await (
        await staffAs(t, blue, MARISOL)
      )
        .post(`/api/work-orders/${ticket.id}/presence`)
        .send({ state: 'viewing' })
        .expect(200);
      await new Promise((r) => setTimeout(r, 80));
      sweepExpired();
      await stream.waitFor(is('presence', { ticketId: ticket.id, email: MARISOL, state: 'gone' }));
      const now = await (
        await staffAs(t, blue, DALE)
      )
        .post(`/api/work-orders/${ticket.id}/presence`)
        .send({ state: 'viewing' });
      expect(now.body.viewers).toEqual([]);
    } finally {
      presenceSettings.ttlMs = ttl;
      stream.close();
    }
  });

  it("presence and notes never reach the customer's stream; another tenant's staff get 404", async () => {
    const ticket = await openTicketAs(await portal(), ana);
    const customerStream = await openCustomerStream(t, blue, ana);
    try {
      const dale = await staffAs(t, blue, DALE);
      await dale.post(`/api/work-orders/${ticket.id}/presence`).send({ state: 'typing' }).expect(200);
      await dale.post(`/api/work-orders/${ticket.id}/notes`).send({ body: 'MARKER-NOTE-42' }).expect(201);
      await dale.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'Public answer' }).expect(201);
      await customerStream.waitFor((e) => e.event === 'ticket.message');
      expect(customerStream.raw()).not.toContain('MARKER-NOTE-42');
      expect(customerStream.raw()).not.toContain('presence');
      expect(customerStream.raw()).not.toContain(DALE);
      const stranger = await staffAs(t, green, 'ops@dl-green.example');
      expect((await stranger.post(`/api/work-orders/${ticket.id}/presence`).send({ state: 'viewing' })).status).toBe(
        404,
      );
      expect(
        (await (await portal()).post(`/api/work-orders/${ticket.id}/presence`).send({ state: 'viewing' })).status,
      ).toBe(404);
    } finally {
      customerStream.close();
    }
  });
});
