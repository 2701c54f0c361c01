import { describe, expect, it } from 'vitest';
import type { Agent } from 'supertest';
import type { TestApp } from '../../test/harness.ts';
import { twoProcessWorld, type SecondProcess } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { OutboxMessageModel } from '../notifications/outbox.model.ts';
import { customerPath, openTicketAs } from './ticket-test-kit.ts';
import { TicketMessageModel, TicketModel } from './ticket.model.ts';

let t: TestApp;
let other: SecondProcess;
let blue: TTenantDoc;
twoProcessWorld('race-blue', (w) => ({ t, other, blue } = w));

/** The same staff member (or customer) signed in on both backend processes. */
async function staffOnBoth(): Promise<Agent[]> {
  return [await signInAsStaff(t, t.client('race-blue'), blue), await signInAsStaff(t, other.client('race-blue'), blue)];
}
async function customerOnBoth(c: TCustomerDoc): Promise<Agent[]> {
  return [
    await signInAsCustomer(t, t.client('race-blue'), blue, c),
    await signInAsCustomer(t, other.client('race-blue'), blue, c),
  ];
}

const statusHistoryOf = async (id: string) =>
  ((await TicketModel.findById(id).lean())?.statusHistory ?? []).map((h) => `${h.from}→${h.to}`);

describe('messages at the same moment (two backend processes)', () => {
  it('4 staff replies at once on an open ticket → 4×201, 4 messages, 4 reply emails, one move to in-progress', async () => {
    const c = await createCustomer(blue);
    const ticket = await openTicketAs(await signInAsCustomer(t, t.client('race-blue'), blue, c), c);
    const staff = await staffOnBoth();
    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        staff[i % 2]!.post(`/api/work-orders/${ticket.id}/replies`).send({ body: `Reply number ${i}` }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(await TicketMessageModel.countDocuments({ workOrderId: ticket.id, visibility: 'public' })).toBe(4);
    // A move undone by a concurrent write on FerretDB is put back within seconds (ticket-status.service.ts).
    await expect
      .poll(() => statusHistoryOf(ticket.id), { timeout: 5_000 })
      .toEqual(['undefined→open', 'open→in-progress']);
    await t.outbox.drain();
    const kinds = (await OutboxMessageModel.find({ to: c.email }).lean()).map((m) => m.kind).sort();
    expect(kinds).toEqual(['ticket-created-customer', 'ticket-reply', 'ticket-reply', 'ticket-reply', 'ticket-reply']);
  });

  it('4 customer comments at once on a ticket waiting on them → 4×201, 4 messages, one move back to open, no status email', async () => {
    const c = await createCustomer(blue);
    const [first] = await customerOnBoth(c);
    const ticket = await openTicketAs(first!, c);
    const [staff] = await staffOnBoth();
    await staff!.post(`/api/work-orders/${ticket.id}/status`).send({ status: 'waiting-on-customer' }).expect(200);
    const customer = await customerOnBoth(c);
    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        customer[i % 2]!.post(customerPath(c, `/${ticket.id}/comments`)).send({ body: `Still down, note ${i}` }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(await TicketMessageModel.countDocuments({ workOrderId: ticket.id })).toBe(4);
    // A move undone by a concurrent write on FerretDB is put back within seconds (ticket-status.service.ts).
    await expect
      .poll(() => statusHistoryOf(ticket.id), { timeout: 5_000 })
      .toEqual(['undefined→open', 'open→waiting-on-customer', 'waiting-on-customer→open']);
    await t.outbox.drain();
    const kinds = (await OutboxMessageModel.find({ to: c.email }).lean()).map((m) => m.kind).sort();
    expect(kinds).toEqual(['ticket-created-customer', 'ticket-status']);
  });
});
