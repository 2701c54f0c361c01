import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { staffAs } from '../desk/desk-test-kit.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import { OutboxMessageModel } from '../notifications/outbox.model.ts';
import { TicketAttachmentModel, TicketMessageModel, TicketModel } from './ticket.model.ts';
import { aTicket, customerPath, openTicketAs } from './ticket-test-kit.ts';
import { statusMovesSettled } from './ticket-status.service.ts';

/**
 * On FerretDB every read but one by `_id` scans a whole collection (all tenants), so the number of
 * reads a hot request makes is what a customer waits for. These pin the reads of the customer's hot
 * paths, as the queue's test pins the desk's.
 */
let t: TestApp;
let blue: TTenantDoc;
let alice: TCustomerDoc;
twoTenantWorld('rt', (w) => ({ t, blue } = w));
beforeAll(async () => {
  alice = await createCustomer(blue);
});

const WATCHED = [TicketModel, TicketMessageModel, TicketAttachmentModel, CustomerModel].map(
  (m) => m.collection.collectionName,
);
const outbox = OutboxMessageModel.collection.collectionName;
type Command = { op: string; filter: unknown };

/**
 * The commands the app sends to the ticket and customer collections while `run` runs, and its
 * inserts into the outbox (whose worker polls on its own meanwhile).
 */
type DebugHook = (collection: string, method: string, ...args: unknown[]) => void;
async function commandsDuring(run: () => Promise<unknown>): Promise<Command[]> {
  // A status move of the set-up is re-checked in the background for a few seconds: not this request's reads.
  await statusMovesSettled();
  const seen: Command[] = [];
  // The harness's query-shape recorder (index coverage) keeps hearing every command meanwhile.
  const recorder = mongoose.get('debug') as unknown as DebugHook | false;
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    if (typeof recorder === 'function') recorder(collection, method, ...args);
    const watched = WATCHED.includes(collection) || (collection === outbox && method.startsWith('insert'));
    if (watched) seen.push({ op: `${collection}.${method}`, filter: args[0] });
  });
  try {
    await run();
  } finally {
    mongoose.set('debug', recorder);
  }
  return seen;
}

const ops = (commands: Command[]) => commands.map((c) => c.op).sort();
const tickets = TicketModel.collection.collectionName;
const messages = TicketMessageModel.collection.collectionName;
const attachments = TicketAttachmentModel.collection.collectionName;

describe('the customer ticket list', () => {
  it('gives the page, the total and the unread count from ONE read of the tickets, and reads no customer record', async () => {
    const agent = await signInAsCustomer(t, t.client('rt-blue'), blue, alice);
    for (const title of ['First problem', 'Second problem', 'Third problem'])
      await openTicketAs(agent, alice, { title });
    let body: { total: number; items: { title: string }[]; unreadTickets: number } | undefined;
    const commands = await commandsDuring(async () => {
      body = (await agent.get(`${customerPath(alice)}?pageSize=2`).expect(200)).body;
    });
    expect(body).toMatchObject({ total: 3, unreadTickets: 0 });
    expect(body!.items.map((i) => i.title)).toEqual(['Third problem', 'Second problem']);
    expect(ops(commands)).toEqual([`${tickets}.find`]);
  });

  it('reads the messages only of page tickets with an unread staff reply', async () => {
    const carol = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('rt-blue'), blue, carol);
    const answered = await openTicketAs(agent, carol, { title: 'Answered' });
    await openTicketAs(agent, carol, { title: 'Not answered' });
    const staff = await staffAs(t, blue, 'dale@rt-blue.example');
    await staff.post(`/api/work-orders/${answered.id}/replies`).send({ body: 'On it.' }).expect(201);
    let body: { items: { title: string; unreadStaffReplies: number }[]; unreadTickets: number } | undefined;
    const commands = await commandsDuring(async () => {
      body = (await agent.get(customerPath(carol)).expect(200)).body;
    });
    expect(body!.unreadTickets).toBe(1);
    expect(body!.items.find((i) => i.title === 'Answered')?.unreadStaffReplies).toBe(1);
    expect(ops(commands)).toEqual([`${messages}.find`, `${tickets}.find`]);
  });
});

describe('opening a ticket', () => {
  it('answers 201 from what it inserted: the ticket, its messages and files are not read back; both emails go in one insert', async () => {
    const dora = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('rt-blue'), blue, dora);
    await openTicketAs(agent, dora); // the tenant's numbering is known from here on
    let ticket:
      { id: string; ticketNumber: string; status: string; messages: unknown[]; attachments: unknown[] } | undefined;
    const commands = await commandsDuring(async () => {
      ticket = (
        await agent
          .post(customerPath(dora))
          .send(aTicket({ title: 'Second one' }))
          .expect(201)
      ).body.ticket;
    });
    expect(ticket).toMatchObject({ status: 'open', messages: [], attachments: [] });
    expect(ticket!.ticketNumber).toMatch(/^TKT-\d{4}-\d{4,}$/);
    const afterInsert = ops(commands);
    const readBack = commands.filter(
      (c) => c.op === `${tickets}.findOne` && JSON.stringify(c.filter).includes(ticket!.id),
    );
    expect(readBack).toEqual([]);
    expect(afterInsert).not.toContain(`${messages}.find`);
    expect(afterInsert).not.toContain(`${attachments}.find`);
    expect(afterInsert.filter((op) => op.startsWith(outbox))).toEqual([`${outbox}.insertMany`]);
    const keys = ['support', 'customer'].map((who) => `ticket-created-${who}:${ticket!.id}`);
    expect(await OutboxMessageModel.countDocuments({ tenantId: blue._id, dedupeKey: { $in: keys } })).toBe(2);
  });
});

describe("a ticket's detail", () => {
  it('reads the ticket by `_id` alone (tenant and owner checked in code), then its messages and files', async () => {
    const erin = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('rt-blue'), blue, erin);
    const opened = await openTicketAs(agent, erin);
    const commands = await commandsDuring(() => agent.get(customerPath(erin, `/${opened.id}`)).expect(200));
    expect(ops(commands)).toEqual([`${attachments}.find`, `${messages}.find`, `${tickets}.findOne`]);
    const ticketRead = commands.find((c) => c.op === `${tickets}.findOne`)!;
    expect(Object.keys(ticketRead.filter as object)).toEqual(['_id']);
  });
});
