import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { useTestApp } from '../../test/kit.ts';
import { recipientsOf } from '../../test/mail-catcher.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { TenantModel } from '../tenants/tenant.model.ts';
import { OutboxMessageModel } from '../notifications/outbox.model.ts';
import { openTicketAs } from './ticket-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
useTestApp((app) => (t = app));
beforeAll(async () => {
  blue = await createTenant({ slug: 'ntf-blue' });
});

const supportEmail = () => blue.branding.company.supportEmail!.toLowerCase();

describe('ticket emails', () => {
  it('a new ticket emails the support address and confirms to the customer, branded, with a portal link', async () => {
    const alice = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('ntf-blue'), blue, alice);
    const ticket = await openTicketAs(agent, alice, { title: 'Cannot browse anything' });
    await t.outbox.drain();
    const toSupport = await t.mail.waitForMail(
      (m) => recipientsOf(m).includes(supportEmail()) && (m.subject ?? '').includes(ticket.ticketNumber),
    );
    expect(toSupport.subject).toBe(`New ticket ${ticket.ticketNumber}: Cannot browse anything`);
    const toCustomer = await t.mail.waitForMail(
      (m) => recipientsOf(m).includes(alice.email!) && (m.subject ?? '').includes(ticket.ticketNumber),
    );
    expect(toCustomer.html).toContain(blue.branding.colors.primary);
    expect(toCustomer.html).toContain(blue.branding.company.displayName);
    expect(toCustomer.text).toContain(`http://ntf-blue.localhost:5999/modules/customers/portal/tickets/${ticket.id}`);
  });

  it('a staff reply, a status change and resolving each email the customer once; resolving links to the rating', async () => {
    const bob = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('ntf-blue'), blue, bob);
    const staff = await signInAsStaff(t, t.client('ntf-blue'), blue);
    const ticket = await openTicketAs(agent, bob);
    await staff
      .post(`/api/work-orders/${ticket.id}/replies`)
      .send({ body: 'Please power-cycle the radio.' })
      .expect(201);
    await staff.post(`/api/work-orders/${ticket.id}/status`).send({ status: 'waiting-on-customer' }).expect(200);
    await staff.post(`/api/work-orders/${ticket.id}/status`).send({ status: 'resolved' }).expect(200);
    await t.outbox.drain();
    const kinds = (await OutboxMessageModel.find({ to: bob.email }).lean()).map((m) => m.kind).sort();
    // The reply moved the ticket to in-progress; that move is covered by the reply email, not a second one.
    expect(kinds).toEqual(['ticket-created-customer', 'ticket-reply', 'ticket-resolved', 'ticket-status']);
    const resolved = await t.mail.waitForMail(
      (m) => recipientsOf(m).includes(bob.email!) && (m.subject ?? '').includes('resolved'),
    );
    expect(resolved.text).toContain(`/modules/customers/portal/tickets/${ticket.id}#rate`);
    const reply = await t.mail.waitForMail(
      (m) => recipientsOf(m).includes(bob.email!) && (m.subject ?? '').startsWith('New reply'),
    );
    expect(reply.text).toContain('Please power-cycle the radio.');
  });

  it('speaks Spanish to a Spanish-speaking tenant', async () => {
    const es = await createTenant({ slug: 'ntf-es' });
    await TenantModel.updateOne({ _id: es._id }, { $set: { defaultLocale: 'es' } });
    const carla = await createCustomer(es);
    const agent = await signInAsCustomer(t, t.client('ntf-es'), es, carla);
    const ticket = await openTicketAs(agent, carla);
    await t.outbox.drain();
    const mail = await t.mail.waitForMail((m) => recipientsOf(m).includes(carla.email!));
    expect(mail.subject).toBe(`Recibimos su solicitud (${ticket.ticketNumber})`);
  });

  it("uses the customer's preferred language over the tenant's", async () => {
    const pablo = await createCustomer(blue, { preferredLocale: 'es' });
    const agent = await signInAsCustomer(t, t.client('ntf-blue'), blue, pablo);
    const ticket = await openTicketAs(agent, pablo);
    await t.outbox.drain();
    const mail = await t.mail.waitForMail((m) => recipientsOf(m).includes(pablo.email!));
    expect(mail.subject).toBe(`Recibimos su solicitud (${ticket.ticketNumber})`);
    const toSupport = await t.mail.waitForMail(
      (m) => recipientsOf(m).includes(supportEmail()) && (m.subject ?? '').includes(ticket.ticketNumber),
    );
    expect(toSupport.subject).toMatch(/^New ticket/);
  });

  it('SMTP down: nothing is delivered and the message waits; SMTP up: delivered exactly once', async () => {
    const dora = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('ntf-blue'), blue, dora);
    t.mail.refuse();
    try {
      const ticket = await openTicketAs(agent, dora);
      await t.outbox.drain();
      const isConfirmation = (m: { subject?: string }) =>
        (m.subject ?? '').includes(ticket.ticketNumber) && (m.subject ?? '').startsWith('We received');
      expect(t.mail.messages.filter(isConfirmation)).toHaveLength(0);
      const pending = await OutboxMessageModel.findOne({ dedupeKey: `ticket-created-customer:${ticket.id}` }).lean();
      expect(pending).toMatchObject({ status: 'pending', attempts: 1 });

      t.mail.accept();
      await OutboxMessageModel.updateMany({ status: 'pending' }, { $set: { nextAttemptAt: new Date() } });
      await t.outbox.drain();
      await t.outbox.drain();
      await t.mail.waitForMail(isConfirmation);
      expect(t.mail.messages.filter(isConfirmation)).toHaveLength(1);
      expect(
        await OutboxMessageModel.findOne({ dedupeKey: `ticket-created-customer:${ticket.id}` }).lean(),
      ).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      t.mail.accept();
    }
  });
});
