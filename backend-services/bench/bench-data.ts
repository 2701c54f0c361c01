import mongoose from 'mongoose';
import { createCustomer, createTenant } from '../test/factories.ts';
import { TICKET_CATEGORIES, TICKET_STATUSES } from '@wisp/shared/constants';
import { TicketMessageModel, TicketModel } from '../src/tickets/ticket.model.ts';
import { startSession } from '../src/platform/auth/session.service.ts';
import type { TTenantDoc } from '../src/tenants/tenant.model.ts';

export type BenchWorld = {
  tenant: TTenantDoc;
  customerId: string;
  /** The bench customer's newest ticket (the slowest `_id` read on FerretDB: newest rows scan longest). */
  detailTicketId: string;
  customerToken: string;
  staffToken: string;
};

/** Tickets a typical customer has: one page of their list. */
const OWN_TICKETS = 12;

/**
 * One tenant with `workOrders` tickets in all, spread over 50 customers, the benchmarked customer's
 * tickets written last, each ticket with a short public conversation; a customer and a staff session.
 */
export async function seedBenchWorld(workOrders: number): Promise<BenchWorld> {
  const tenant = await createTenant({ slug: 'bench' });
  const customers = [];
  for (let i = 0; i < 50; i++) customers.push(await createCustomer(tenant));
  const me = customers[0]!.customerId;
  const others = customers.slice(1).map((c) => c.customerId);
  const now = Date.now();
  const docs = Array.from({ length: workOrders }, (_, i) => {
    const mine = i >= workOrders - OWN_TICKETS;
    const at = new Date(now - (workOrders - i) * 60_000);
    return {
      tenantId: tenant._id,
      ticketNumber: `TKT-2026-${String(i + 1).padStart(6, '0')}`,
      ticketYear: 2026,
      ticketSeq: i + 1,
      customerId: mine ? me : others[i % others.length]!,
      title: `Connection drops in the evening (${i + 1})`,
      description: 'The link drops for a few minutes every evening around 8 pm.',
      category: TICKET_CATEGORIES[i % TICKET_CATEGORIES.length],
      priority: 'medium',
      status: TICKET_STATUSES[i % TICKET_STATUSES.length],
      source: 'portal',
      siteId: 'SITE-A',
      lastActivityAt: at,
      lastCustomerMessageAt: at,
      createdAt: at,
      updatedAt: at,
    };
  });
  for (let i = 0; i < docs.length; i += 500) await TicketModel.insertMany(docs.slice(i, i + 500));
  const mine = await TicketModel.find({ tenantId: tenant._id, customerId: me }).sort({ ticketSeq: -1 }).lean();
  const newest = mine[0]!;
  await TicketMessageModel.insertMany(
    [0, 1, 2, 3].map((n) => ({
      tenantId: tenant._id,
      workOrderId: newest._id,
      authorType: n % 2 ? 'staff' : 'customer',
      authorId: n % 2 ? 'admin@bench.example' : me,
      authorName: n % 2 ? 'Support' : 'Customer',
      visibility: 'public',
      body: `Message ${n + 1} of the conversation.`,
      createdAt: new Date(now - (4 - n) * 30_000),
    })),
  );
  const policy = { idleMinutes: 60, absoluteHours: 12 };
  const customer = await startSession(
    { kind: 'customer', tenantId: String(tenant._id), uid: `uid-${me}`, customerId: me },
    policy,
  );
  const staff = await startSession(
    {
      kind: 'staff',
      tenantId: String(tenant._id),
      uid: 'staff-admin-bench',
      role: 'admin',
      email: 'admin@bench.example',
    },
    policy,
  );
  return {
    tenant,
    customerId: me,
    detailTicketId: String(newest._id),
    customerToken: customer.token,
    staffToken: staff.token,
  };
}

export async function dropBenchDatabase(): Promise<void> {
  await mongoose.connection.dropDatabase().catch(() => {});
}
