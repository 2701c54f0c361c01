import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { useTestApp } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import { TicketMessageModel, TicketModel } from '../tickets/ticket.model.ts';
import { seedDemoTickets } from './demo-tickets.ts';

let t: TestApp;
useTestApp((app) => (t = app));

describe('seedDemoTickets', () => {
  it('creates ~10 tickets in every status with conversations and internal notes, and is idempotent', async () => {
    const tenant = await createTenant({ slug: 'seed-tix' });
    const customers = [await createCustomer(tenant), await createCustomer(tenant), await createCustomer(tenant)];
    await seedDemoTickets(
      tenant,
      customers.map((c) => c.customerId),
    );
    await seedDemoTickets(
      tenant,
      customers.map((c) => c.customerId),
    );
    const tickets = await TicketModel.find({ tenantId: tenant._id }).lean();
    expect(tickets).toHaveLength(10);
    expect(new Set(tickets.map((w) => w.status))).toEqual(new Set(TICKET_STATUSES));
    expect(new Set(tickets.map((w) => w.ticketNumber)).size).toBe(10);
    expect(await TicketMessageModel.countDocuments({ tenantId: tenant._id, visibility: 'internal' })).toBeGreaterThan(
      0,
    );
    const old = tickets.find((w) => w.seedKey === 'demo:closed-old')!;
    expect(Date.now() - old.createdAt.getTime()).toBeGreaterThan(39 * 24 * 3600 * 1000);
    const oldMessage = await TicketMessageModel.findOne({ workOrderId: old._id }).lean();
    expect(Date.now() - oldMessage!.createdAt.getTime()).toBeGreaterThan(30 * 24 * 3600 * 1000);

    // The seeded data reads correctly through the customer API: history ends in the stored status.
    const agent = await signInAsCustomer(t, t.client('seed-tix'), tenant, customers[0]!);
    const list = await agent.get(`/api/work-orders/customer/${customers[0]!.customerId}`);
    expect(list.body.total).toBeGreaterThan(2);
    for (const item of list.body.items as { id: string; status: string }[]) {
      const detail = await agent.get(`/api/work-orders/customer/${customers[0]!.customerId}/${item.id}`);
      expect(detail.body.ticket.statusHistory.at(-1).to).toBe(item.status);
      expect(detail.text).not.toContain('PoE injector');
    }
  });
});
