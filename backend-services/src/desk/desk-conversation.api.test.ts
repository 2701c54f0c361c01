import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { TicketMessageModel, TicketModel } from '../tickets/ticket.model.ts';
import { OutboxMessageModel } from '../notifications/outbox.model.ts';
import { customerPath, openTicketAs, pngBytes } from '../tickets/ticket-test-kit.ts';
import { SavedReplyModel } from './desk.model.ts';
import { staffAs } from './desk-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
let ana: TCustomerDoc;
const DALE = 'dale@dc-blue.example';
const MARISOL = 'marisol@dc-blue.example';
const ADMIN = 'owner@dc-blue.example';

twoTenantWorld('dc', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  ana = await createCustomer(blue, { firstName: 'Ana', lastName: 'Gómez' });
});
const portal = () => signInAsCustomer(t, t.client('dc-blue'), blue, ana);
const aTicket = async () => openTicketAs(await portal(), ana);

describe('collision: a reply or note carries the last message its composer saw', () => {
  it('when newer messages arrived, answers 409 with them and stores nothing; with confirm it sends', async () => {
    const ticket = await aTicket();
    const dale = await staffAs(t, blue, DALE);
    const first = await dale.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'Checking now.' }).expect(201);
    const seen = first.body.message.id;
    await (
      await portal()
    )
      .post(customerPath(ana, `/${ticket.id}/comments`))
      .send({ body: 'It just came back!' })
      .expect(201);
    await (
      await staffAs(t, blue, MARISOL)
    )
      .post(`/api/work-orders/${ticket.id}/notes`)
      .send({ body: 'Tower reboot at 10:02.' })
      .expect(201);

    const clash = await dale
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: 'We will send a technician.', lastSeenMessageId: seen });
    expect(clash.status).toBe(409);
    expect(clash.body.error.details.newMessages.map((m: { body: string }) => m.body)).toEqual([
      'It just came back!',
      'Tower reboot at 10:02.',
    ]);
    expect(await TicketMessageModel.countDocuments({ workOrderId: ticket.id, body: /technician/ })).toBe(0);

    const noteClash = await dale
      .post(`/api/work-orders/${ticket.id}/notes`)
      .send({ body: 'Maybe a truck roll.', lastSeenMessageId: seen });
    expect(noteClash.status).toBe(409);

    await dale
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: 'We will send a technician.', lastSeenMessageId: seen, confirm: true })
      .expect(201);
  });

  it('your own messages since are no collision; an id that is not on the ticket → 400', async () => {
    const ticket = await aTicket();
    const dale = await staffAs(t, blue, DALE);
    const a = await dale.post(`/api/work-orders/${ticket.id}/notes`).send({ body: 'First note' }).expect(201);
    await dale.post(`/api/work-orders/${ticket.id}/notes`).send({ body: 'Second note' }).expect(201);
    await dale
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: 'Hello!', lastSeenMessageId: a.body.message.id })
      .expect(201);
    const bad = await dale
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: 'Hello!', lastSeenMessageId: '0123456789abcdef01234567' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.lastSeenMessageId).toBeTruthy();
  });
});

describe('/api/desk/saved-replies', () => {
  it('admins share a reply with the tenant; staff may only save personal ones (403 naming scope)', async () => {
    const admin = await staffAs(t, blue, ADMIN, 'admin');
    const shared = await admin
      .post('/api/desk/saved-replies')
      .send({ title: 'Reboot steps', body: 'Hi {{customer.firstName}}, please reboot.', scope: 'tenant' });
    expect(shared.status).toBe(201);
    const dale = await staffAs(t, blue, DALE);
    const refused = await dale
      .post('/api/desk/saved-replies')
      .send({ title: 'Mine for all', body: 'Hello there', scope: 'tenant' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.fields.scope).toBeTruthy();
    await dale
      .post('/api/desk/saved-replies')
      .send({ title: 'Dale sign-off', body: 'Cheers, Dale', scope: 'personal' })
      .expect(201);

    const titles = async (agent: typeof dale) =>
      (await agent.get('/api/desk/saved-replies').expect(200)).body.replies.map((r: { title: string }) => r.title);
    expect(await titles(dale)).toEqual(['Dale sign-off', 'Reboot steps']);
    expect(await titles(await staffAs(t, blue, MARISOL))).toEqual(['Reboot steps']);
    expect(await titles(await staffAs(t, green, 'ops@dc-green.example'))).toEqual([]);
    expect((await dale.delete(`/api/desk/saved-replies/${shared.body.reply.id}`)).status).toBe(403);
    await admin.delete(`/api/desk/saved-replies/${shared.body.reply.id}`).expect(200);
    expect(await SavedReplyModel.exists({ _id: shared.body.reply.id })).toBeFalsy();
  });

  it('an unknown variable → 400 naming it, at save and at send; nothing is stored or sent', async () => {
    const dale = await staffAs(t, blue, DALE);
    const save = await dale
      .post('/api/desk/saved-replies')
      .send({ title: 'Broken', body: 'Hi {{customer.nickname}}!', scope: 'personal' });
    expect(save.status).toBe(400);
    expect(save.body.error.fields.body).toContain('{{customer.nickname}}');
    const ticket = await aTicket();
    const send = await dale
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: 'Dear {{customer.first_name}},' });
    expect(send.status).toBe(400);
    expect(send.body.error.fields.body).toContain('{{customer.first_name}}');
    expect(await TicketMessageModel.countDocuments({ workOrderId: ticket.id })).toBe(0);
  });

  it('variables are filled on the server at send; a saved reply can also set the status', async () => {
    const dale = await staffAs(t, blue, DALE);
    const saved = await dale.post('/api/desk/saved-replies').send({
      title: 'Need a photo',
      body: 'Hi {{customer.firstName}}, about {{ticket.number}}: please send a photo of the lights. {{portal.url}}',
      scope: 'personal',
      setStatus: 'waiting-on-customer',
    });
    const ticket = await aTicket();
    const res = await dale
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: saved.body.reply.body, savedReplyId: saved.body.reply.id });
    expect(res.status).toBe(201);
    expect(res.body.message.body).toBe(
      `Hi Ana, about ${ticket.ticketNumber}: please send a photo of the lights. http://dc-blue.localhost:5999/modules/customers/portal`,
    );
    const stored = await TicketModel.findById(ticket.id).lean();
    expect(stored?.status).toBe('waiting-on-customer');
    await t.outbox.drain();
    const mail = await t.mail.waitForMail(
      (m) => m.subject?.includes(ticket.ticketNumber) === true && m.text?.includes('photo of the lights') === true,
    );
    expect(mail.text).toContain('Hi Ana');
  });

  it("someone else's personal reply cannot be used → 400", async () => {
    const marisol = await staffAs(t, blue, MARISOL);
    const hers = await marisol
      .post('/api/desk/saved-replies')
      .send({ title: 'Private', body: 'Private text', scope: 'personal', setStatus: 'resolved' });
    const ticket = await aTicket();
    const res = await (
      await staffAs(t, blue, DALE)
    )
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: 'Hello', savedReplyId: hers.body.reply.id });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.savedReplyId).toBeTruthy();
    expect((await TicketModel.findById(ticket.id).lean())?.status).toBe('open');
  });
});

describe('staff attachments on replies and notes', () => {
  it('a reply file reaches the customer; a note file never does (not listed, download 404)', async () => {
    const ticket = await aTicket();
    const dale = await staffAs(t, blue, DALE);
    const reply = await dale
      .post(`/api/work-orders/${ticket.id}/replies`)
      .field('body', 'Here is the speed test.')
      .attach('files', await pngBytes(), 'speedtest.png');
    expect(reply.status).toBe(201);
    const note = await dale
      .post(`/api/work-orders/${ticket.id}/notes`)
      .field('body', 'Internal AP screenshot.')
      .attach('files', await pngBytes(), 'ap-internal.png');
    expect(note.status).toBe(201);
    expect(note.body.message.attachments[0]).toMatchObject({ visibility: 'internal', hasThumbnail: true });
    const customer = await portal();
    const view = await customer.get(customerPath(ana, `/${ticket.id}`)).expect(200);
    expect(JSON.stringify(view.body)).toContain('speedtest.png');
    expect(JSON.stringify(view.body)).not.toContain('ap-internal');
    const internalId = note.body.message.attachments[0].id;
    expect((await customer.get(customerPath(ana, `/${ticket.id}/attachments/${internalId}`))).status).toBe(404);
    expect((await dale.get(`/api/work-orders/${ticket.id}/attachments/${internalId}?thumb=1`)).status).toBe(200);
  });

  it('the same content checks as the customers: a disguised file → 400 and no note is stored', async () => {
    const ticket = await aTicket();
    const res = await (
      await staffAs(t, blue, DALE)
    )
      .post(`/api/work-orders/${ticket.id}/notes`)
      .field('body', 'See attached.')
      .attach('files', Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png');
    expect(res.status).toBe(400);
    expect(await TicketMessageModel.countDocuments({ workOrderId: ticket.id })).toBe(0);
  });
});

describe('staff are told of customer messages', () => {
  it('the assignee gets one email per customer message, even when the request is retried', async () => {
    const ticket = await aTicket();
    await (
      await staffAs(t, blue, DALE)
    )
      .post(`/api/work-orders/${ticket.id}/assign`)
      .send({ assignedTo: DALE })
      .expect(200);
    const customer = await portal();
    const send = () =>
      customer
        .post(customerPath(ana, `/${ticket.id}/comments`))
        .set('Idempotency-Key', `retry-${ticket.id}`)
        .send({ body: 'The light is blinking red.' });
    await send().expect(201);
    await send().expect(201);
    await t.outbox.drain();
    const mails = await OutboxMessageModel.find({ to: DALE, kind: 'ticket-customer-message-staff' }).lean();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(ticket.ticketNumber);
    expect(mails[0]!.text).toContain('The light is blinking red.');
    expect(mails[0]!.text).toContain(`/modules/maintain/${ticket.id}`);
  });

  it("while unassigned, the tenant's support address is told", async () => {
    const ticket = await aTicket();
    await (
      await portal()
    )
      .post(customerPath(ana, `/${ticket.id}/comments`))
      .send({ body: 'Hello, anyone?' })
      .expect(201);
    await t.outbox.drain();
    const support = blue.branding.company.supportEmail!;
    const mails = await OutboxMessageModel.find({ to: support, kind: 'ticket-customer-message-staff' }).lean();
    expect(mails.some((m) => m.text.includes('Hello, anyone?'))).toBe(true);
  });

  it('staff replies and notes tell no staff member by email', async () => {
    const ticket = await aTicket();
    const dale = await staffAs(t, blue, DALE);
    await dale.post(`/api/work-orders/${ticket.id}/assign`).send({ assignedTo: MARISOL }).expect(200);
    await dale.post(`/api/work-orders/${ticket.id}/replies`).send({ body: 'On it' }).expect(201);
    await dale.post(`/api/work-orders/${ticket.id}/notes`).send({ body: 'Note' }).expect(201);
    await t.outbox.drain();
    expect(await OutboxMessageModel.countDocuments({ to: MARISOL })).toBe(0);
  });
});

describe('create on behalf of a customer (phone intake)', () => {
  it("the ticket appears in the customer's portal list and they are emailed", async () => {
    const dale = await staffAs(t, blue, DALE);
    const res = await dale.post('/api/work-orders').send({
      customerId: ana.customerId,
      title: 'Phoned in: no signal',
      description: 'Customer phoned: no signal since the storm.',
      category: 'no-connection',
      priority: 'high',
    });
    expect(res.status).toBe(201);
    const list = await (await portal()).get(customerPath(ana)).expect(200);
    expect(list.body.items.map((i: { title: string }) => i.title)).toContain('Phoned in: no signal');
    await t.outbox.drain();
    const mail = await OutboxMessageModel.findOne({
      to: ana.email,
      kind: 'ticket-created-customer',
      subject: new RegExp(res.body.ticket.ticketNumber),
    }).lean();
    expect(mail).toBeTruthy();
  });
});
