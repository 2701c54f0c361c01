import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../../test/sessions.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { aTicket, customerPath, openTicketAs } from '../../tickets/ticket-test-kit.ts';
import { TicketMessageModel, WorkOrderModel } from '../../tickets/work-order.model.ts';
import { IncidentModel } from '../../support/incidents/incident.model.ts';

let t: TestApp;
let other: Awaited<ReturnType<TestApp['anotherInstance']>>;
let blue: TTenantDoc;
beforeAll(async () => {
  t = await startTestApp();
  other = await t.anotherInstance();
  blue = await createTenant({ slug: 'idem-blue' });
});
afterAll(() => t.close());

let n = 0;
const newKey = () => `retry-key-${Date.now()}-${++n}`;

describe('Idempotency-Key', () => {
  it('a ticket sent twice with the same key → one ticket, the same 201 body both times', async () => {
    const c = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('idem-blue'), blue, c);
    const key = newKey();
    const first = await agent.post(customerPath(c)).set('Idempotency-Key', key).send(aTicket());
    const retry = await agent.post(customerPath(c)).set('Idempotency-Key', key).send(aTicket());
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await WorkOrderModel.countDocuments({ tenantId: blue._id, customerId: c.customerId })).toBe(1);
  });

  it('the same key sent at once to two backend processes → one ticket, the same body for all', async () => {
    const c = await createCustomer(blue);
    const agents = [
      await signInAsCustomer(t, t.client('idem-blue'), blue, c),
      await signInAsCustomer(t, other.client('idem-blue'), blue, c),
    ];
    const key = newKey();
    const answers = await Promise.all(
      [0, 1, 2, 3].map((i) => agents[i % 2]!.post(customerPath(c)).set('Idempotency-Key', key).send(aTicket())),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    for (const r of answers) expect(r.body).toEqual(answers[0]!.body);
    expect(await WorkOrderModel.countDocuments({ tenantId: blue._id, customerId: c.customerId })).toBe(1);
  });

  it('a comment, a staff reply and a note retried in parallel with their keys are each stored once', async () => {
    const c = await createCustomer(blue);
    const customer = await signInAsCustomer(t, t.client('idem-blue'), blue, c);
    const ticket = await openTicketAs(customer, c);
    const staff = [
      await signInAsStaff(t, t.client('idem-blue'), blue),
      await signInAsStaff(t, other.client('idem-blue'), blue),
    ];
    const twice = (send: (i: number) => Promise<{ status: number; body: unknown }>) => Promise.all([send(0), send(1)]);
    const commentKey = newKey();
    const comments = await twice(() =>
      customer
        .post(customerPath(c, `/${ticket.id}/comments`))
        .set('Idempotency-Key', commentKey)
        .send({ body: 'Still down.' }),
    );
    const replyKey = newKey();
    const replies = await twice((i) =>
      staff[i]!.post(`/api/work-orders/${ticket.id}/replies`).set('Idempotency-Key', replyKey).send({ body: 'On it.' }),
    );
    const noteKey = newKey();
    const notes = await twice((i) =>
      staff[i]!.post(`/api/work-orders/${ticket.id}/notes`).set('Idempotency-Key', noteKey).send({ body: 'Check AP.' }),
    );
    for (const pair of [comments, replies, notes]) {
      expect(pair.map((r) => r.status)).toEqual([201, 201]);
      expect(pair[1]!.body).toEqual(pair[0]!.body);
    }
    const bodies = (await TicketMessageModel.find({ workOrderId: ticket.id }).lean()).map((m) => m.body).sort();
    expect(bodies).toEqual(['Check AP.', 'On it.', 'Still down.']);
  });

  it('an incident created twice with one key exists once', async () => {
    const staff = await signInAsStaff(t, t.client('idem-blue'), blue, 'admin');
    const key = newKey();
    const incident = {
      title: 'Tower 3 outage',
      message: 'Power failure at the tower site.',
      affectedAreas: ['North'],
    };
    const answers = await Promise.all(
      [0, 1].map(() => staff.post('/api/support/incidents').set('Idempotency-Key', key).send(incident)),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(await IncidentModel.countDocuments({ tenantId: blue._id, title: 'Tower 3 outage' })).toBe(1);
  });

  it('keys are per actor: another customer with the same key creates their own ticket', async () => {
    const [a, b] = [await createCustomer(blue), await createCustomer(blue)];
    const key = newKey();
    for (const c of [a, b]) {
      const agent = await signInAsCustomer(t, t.client('idem-blue'), blue, c);
      const res = await agent.post(customerPath(c)).set('Idempotency-Key', key).send(aTicket());
      expect(res.status).toBe(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    }
  });

  it('after a refused request (400) the same key may be used again: nothing was created the first time', async () => {
    const c = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('idem-blue'), blue, c);
    const key = newKey();
    const bad = await agent
      .post(customerPath(c))
      .set('Idempotency-Key', key)
      .send(aTicket({ title: '' }));
    expect(bad.status).toBe(400);
    const good = await agent.post(customerPath(c)).set('Idempotency-Key', key).send(aTicket());
    expect(good.status).toBe(201);
  });
});
