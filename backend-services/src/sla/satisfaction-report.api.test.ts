import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZSatisfactionReport } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { staffAs } from '../desk/desk-test-kit.ts';
import { TicketModel } from '../tickets/ticket.model.ts';
import { anonymousClient, openTicketAs } from '../tickets/ticket-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
let ana: TCustomerDoc;
const PATH = '/api/reports/satisfaction';
const ids: Record<string, { id: string; ticketNumber: string }> = {};

/** A resolved ticket rated at `ratedAt` (set directly: the rating route stamps the current time). */
async function rated(
  tenant: TTenantDoc,
  customer: TCustomerDoc,
  title: string,
  rating: number,
  ratedAt: string,
  extra: { comment?: string; assignedTo?: string } = {},
) {
  const agent = await signInAsCustomer(t, t.client(tenant.slug), tenant, customer);
  const ticket = await openTicketAs(agent, customer, { title });
  await TicketModel.collection.updateOne(
    { _id: new mongoose.Types.ObjectId(ticket.id) },
    {
      $set: {
        status: 'resolved',
        resolvedAt: new Date(ratedAt),
        satisfaction: { rating, ratedAt: new Date(ratedAt), ...(extra.comment ? { comment: extra.comment } : {}) },
        ...(extra.assignedTo ? { assignedTo: extra.assignedTo } : {}),
      },
    },
  );
  ids[title] = ticket;
}

const report = async (query: string, tenant = blue) => {
  const res = await (await staffAs(t, tenant, `dale@${tenant.slug}.example`)).get(`${PATH}${query}`);
  expect(res.status).toBe(200);
  return ZSatisfactionReport.parse(res.body);
};

twoTenantWorld('csat', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  ana = await createCustomer(blue);
  const gus = await createCustomer(green);
  // blue is in America/Chicago: UTC-6 from Nov 1 (DST ends that day), so the tenant's days end at 06:00Z.
  await rated(blue, ana, 'Great fix', 5, '2026-11-10T15:00:00Z', { assignedTo: 'dale@csat-blue.example' });
  await rated(blue, ana, 'Fine in the end', 4, '2026-11-12T15:00:00Z', { assignedTo: 'dale@csat-blue.example' });
  await rated(blue, ana, 'Slow answer', 2, '2026-11-20T15:00:00Z', {
    assignedTo: 'marisol@csat-blue.example',
    comment: 'Took three days to hear back.',
  });
  await rated(blue, ana, 'Nobody came', 1, '2026-11-25T15:00:00Z');
  // Nov 30 23:30 in Chicago is already Dec 1 in UTC: it belongs to November.
  await rated(blue, ana, 'Late on the last day', 3, '2026-12-01T05:30:00Z');
  // Dec 1 00:30 in Chicago (06:30Z): December.
  await rated(blue, ana, 'First of December', 1, '2026-12-01T06:30:00Z', { comment: 'Still down.' });
  await rated(green, gus, 'Other tenant', 1, '2026-11-15T15:00:00Z', { comment: 'Green is unhappy.' });
});

describe(`GET ${PATH}`, () => {
  it('anonymous → 401', async () => {
    await anonymousClient(t, 'csat-blue').get(`${PATH}?from=2026-11-01&to=2026-11-30`).expect(401);
  });

  it("another tenant's staff session → 401 here; on its own host it never counts this tenant's ratings", async () => {
    const agent = await staffAs(t, green, 'dale@csat-green.example');
    expect((await agent.get(PATH).set('X-Forwarded-Host', 'csat-blue.localhost')).status).toBe(401);
    const own = await report('?from=2026-11-01&to=2026-11-30', green);
    expect(own.count).toBe(1);
    expect(own.lowRatings.map((r) => r.title)).toEqual(['Other tenant']);
  });

  it('a customer session → 404', async () => {
    const portal = await signInAsCustomer(t, t.client('csat-blue'), blue, ana);
    await portal.get(`${PATH}?from=2026-11-01&to=2026-11-30`).expect(404);
  });

  it('averages, distributes 1–5 and splits per assignee over the chosen days, on the tenant’s calendar', async () => {
    const r = await report('?from=2026-11-01&to=2026-11-30');
    expect(r.period).toEqual({ from: '2026-11-01', to: '2026-11-30', timezone: blue.timezone });
    expect(r.count).toBe(5);
    expect(r.average).toBe(3); // (5 + 4 + 2 + 1 + 3) / 5
    expect(r.distribution).toEqual([
      { rating: 1, count: 1 },
      { rating: 2, count: 1 },
      { rating: 3, count: 1 },
      { rating: 4, count: 1 },
      { rating: 5, count: 1 },
    ]);
    expect(r.byAssignee).toEqual([
      { assignee: null, count: 2, average: 2 },
      { assignee: 'dale@csat-blue.example', count: 2, average: 4.5 },
      { assignee: 'marisol@csat-blue.example', count: 1, average: 2 },
    ]);
  });

  it('lists the low ratings (2 or less) newest first, with their comments and tickets', async () => {
    const r = await report('?from=2026-11-01&to=2026-11-30');
    expect(r.lowRatings).toEqual([
      expect.objectContaining({ title: 'Nobody came', rating: 1, comment: null, ticketId: ids['Nobody came']!.id }),
      expect.objectContaining({
        title: 'Slow answer',
        rating: 2,
        comment: 'Took three days to hear back.',
        ticketId: ids['Slow answer']!.id,
        ticketNumber: ids['Slow answer']!.ticketNumber,
        assignee: 'marisol@csat-blue.example',
      }),
    ]);
  });

  it('both days are included and the bounds are the tenant’s midnights, not UTC’s', async () => {
    expect((await report('?from=2026-12-01&to=2026-12-01')).lowRatings.map((r) => r.title)).toEqual([
      'First of December',
    ]);
    expect((await report('?from=2026-11-30&to=2026-11-30')).count).toBe(1);
    expect((await report('?from=2026-11-10&to=2026-11-12')).count).toBe(2);
  });

  it('without dates it covers the last 30 days up to today on the tenant’s calendar; with only a start, 30 days from it', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: blue.timezone }).format(new Date());
    const r = await report('');
    expect(r.period.to).toBe(today);
    expect((Date.parse(r.period.to) - Date.parse(r.period.from)) / 86_400_000).toBe(29);
    expect((await report('?from=2026-11-01')).period).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect((await report('?to=2026-03-01')).period).toMatchObject({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('an empty period has no average and zero counts', async () => {
    const r = await report('?from=2025-01-01&to=2025-01-31');
    expect(r).toMatchObject({ count: 0, average: null, byAssignee: [], lowRatings: [] });
    expect(r.distribution.every((d) => d.count === 0)).toBe(true);
  });

  it('rejects a start after the end, a malformed date and more than a year, field by field', async () => {
    const agent = await staffAs(t, blue, 'dale@csat-blue.example');
    const backwards = await agent.get(`${PATH}?from=2026-12-01&to=2026-11-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toHaveProperty('from');
    expect((await agent.get(`${PATH}?from=yesterday`)).body.error.fields).toHaveProperty('from');
    expect((await agent.get(`${PATH}?from=2024-01-01&to=2026-01-01`)).body.error.fields).toHaveProperty('to');
  });
});
