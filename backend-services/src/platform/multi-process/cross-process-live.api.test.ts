import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { startBackendProcess, type BackendProcess } from '../../../test/backend-process.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../../test/sessions.ts';
import { openStaffStream, staffAs } from '../../desk/desk-test-kit.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { openCustomerStream, openTicketAs } from '../../tickets/ticket-test-kit.ts';

/**
 * Two backend processes on one database and one Redis: this test's app (process 1) and a real
 * `server.ts` (process 2), sharing nothing in memory.
 */
const redisUrl = inject('redisUrl');
let t: TestApp;
let second: BackendProcess;
let blue: TTenantDoc;

beforeAll(async () => {
  if (!redisUrl)
    throw new Error('redis-server is not installed (scripts/test.sh installs it: apt-get install -y redis-server)');
  t = await startTestApp({ REDIS_URL: redisUrl });
  second = await startBackendProcess({
    MONGODB_URI: t.config.MONGODB_URI,
    SMTP_URL: t.mail.url,
    UPLOAD_DIR: path.resolve(t.config.UPLOAD_DIR),
    REDIS_URL: redisUrl,
  });
  blue = await createTenant({ slug: 'xp-blue' });
});
afterAll(async () => {
  await second?.stop();
  await t?.close();
});

const isMessage = (body: string) => (e: { event: string; data: unknown }) =>
  e.event === 'ticket.message' && (e.data as { message: { body: string } }).message.body === body;

describe('live updates across backend processes (Redis)', () => {
  it('a staff reply posted through process 2 reaches the customer stream open on process 1', async () => {
    const c = await createCustomer(blue);
    const ticket = await openTicketAs(await signInAsCustomer(t, t.client('xp-blue'), blue, c), c);
    const stream = await openCustomerStream(t, blue, c);
    try {
      const staff = await signInAsStaff(t, second.client('xp-blue'), blue);
      await staff
        .post(`/api/work-orders/${ticket.id}/replies`)
        .send({ body: 'A technician is on the way.' })
        .expect(201);
      const got = await stream.waitFor(isMessage('A technician is on the way.'));
      expect(got.data).toMatchObject({ ticketId: ticket.id, message: { authorType: 'staff' } });
      await stream.waitFor((e) => e.event === 'ticket.status');
    } finally {
      stream.close();
    }
  });

  it('a stream that reconnects with Last-Event-ID gets the replies it missed, from the database, and no internal note', async () => {
    const c = await createCustomer(blue);
    const ticket = await openTicketAs(await signInAsCustomer(t, t.client('xp-blue'), blue, c), c);
    const staff = await signInAsStaff(t, second.client('xp-blue'), blue);
    const first = await openCustomerStream(t, blue, c);
    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'First answer.' }).expect(201);
    await first.waitFor(isMessage('First answer.'));
    const lastId = first.lastEventId?.();
    first.close();
    expect(lastId).toMatch(/^\d+$/);
    // While the page is away: two replies and an internal note, through the other process.
    await new Promise((r) => setTimeout(r, 1_100));
    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'Missed one.' }).expect(201);
    await staff.post(`/api/work-orders/${ticket.id}/notes`).send({ body: 'Internal: tower 4 again.' }).expect(201);
    await staff.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'Missed two.' }).expect(201);
    const back = await openCustomerStream(t, blue, c, { lastEventId: lastId });
    try {
      await back.waitFor(isMessage('Missed one.'));
      await back.waitFor(isMessage('Missed two.'));
      expect(back.raw()).not.toContain('tower 4');
    } finally {
      back.close();
    }
  });

  it('a desk stream that reconnects with Last-Event-ID gets what changed meanwhile on the other process: new ticket, reply, note', async () => {
    const c = await createCustomer(blue);
    const customer = await signInAsCustomer(t, second.client('xp-blue'), blue, c);
    const staff = await signInAsStaff(t, second.client('xp-blue'), blue);
    const first = await openStaffStream(t, blue, 'dale@xp-blue.example');
    const before = await openTicketAs(customer, c, { title: 'Seen live' });
    await first.waitFor((e) => e.event === 'ticket.created' && (e.data as { ticketId: string }).ticketId === before.id);
    const lastId = first.lastEventId?.();
    first.close();
    expect(lastId).toMatch(/^\d+$/);
    // While the desk page is away, through process 2: a new ticket, a reply and an internal note.
    await new Promise((r) => setTimeout(r, 1_100));
    const missed = await openTicketAs(customer, c, { title: 'Filed while away' });
    await staff.post(`/api/work-orders/${before.id}/replies`).send({ body: 'On it.' }).expect(201);
    const note = await staff.post(`/api/work-orders/${before.id}/notes`).send({ body: 'Tower 4 again.' }).expect(201);
    const back = await openStaffStream(t, blue, 'dale@xp-blue.example', { lastEventId: lastId });
    try {
      const about = (type: string, ticketId: string) => (e: { event: string; data: unknown }) =>
        e.event === type && (e.data as { ticketId: string }).ticketId === ticketId;
      await back.waitFor(about('ticket.created', missed.id));
      await back.waitFor(about('ticket.message', before.id));
      const replayedNote = await back.waitFor(about('ticket.note', before.id));
      expect(replayedNote.data).toMatchObject({ messageId: note.body.message.id });
      // The note's text never travels on the stream, replayed or live.
      expect(back.raw()).not.toContain('Tower 4 again');
    } finally {
      back.close();
    }
  });

  it('a desk stream without Last-Event-ID (a fresh page) gets no replay', async () => {
    const c = await createCustomer(blue);
    const old = await openTicketAs(await signInAsCustomer(t, t.client('xp-blue'), blue, c), c, { title: 'Old news' });
    const fresh = await openStaffStream(t, blue, 'dale@xp-blue.example');
    try {
      await new Promise((r) => setTimeout(r, 500));
      expect(JSON.stringify(fresh.events)).not.toContain(old.id);
    } finally {
      fresh.close();
    }
  });

  it('desk presence crosses processes: a heartbeat on process 2 is seen by a colleague asking process 1', async () => {
    const c = await createCustomer(blue);
    const ticket = await openTicketAs(await signInAsCustomer(t, t.client('xp-blue'), blue, c), c);
    const dale = await staffAs(t, blue, 'dale@xp-blue.example');
    const marisol = await signInAsStaff(t, second.client('xp-blue'), blue);
    await marisol.post(`/api/work-orders/${ticket.id}/presence`).send({ state: 'typing' }).expect(200);
    const deadline = Date.now() + 5_000;
    let viewers: unknown[] = [];
    while (Date.now() < deadline) {
      viewers = (await dale.post(`/api/work-orders/${ticket.id}/presence`).send({ state: 'viewing' }).expect(200)).body
        .viewers as unknown[];
      if (viewers.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(viewers).toEqual([{ email: `staff@xp-blue.example`, state: 'typing' }]);
  });
});
