import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { incidentFor } from '../../test/incident-factory.ts';
import { browser } from '../../test/portal-accounts.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import { TicketModel } from '../tickets/ticket.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { startOfTenantDay } from '../support/contact/support-hours.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('dash', (w) => ({ t, blue, green } = w));

const HOUR = 3_600_000;
let seq = 0;
/** A ticket as the desk would hold it, written directly so its age can be chosen. */
async function ticket(tenant: TTenantDoc, customerId: string, fields: Record<string, unknown> = {}) {
  const createdAt = (fields.createdAt as Date | undefined) ?? new Date();
  const n = ++seq;
  await TicketModel.collection.insertOne({
    tenantId: tenant._id,
    ticketNumber: `TKT-2026-${String(n).padStart(4, '0')}`,
    ticketYear: 2026,
    ticketSeq: n,
    customerId,
    title: 'Slow internet',
    description: 'Every evening.',
    category: 'slow-speed',
    priority: 'medium',
    status: 'open',
    source: 'portal',
    statusHistory: [],
    lastActivityAt: createdAt,
    createdAt,
    updatedAt: createdAt,
    ...fields,
  });
}

const dashboard = (agent = browser(t, 'dash-blue')) => agent.get('/api/staff/dashboard');

beforeAll(async () => {
  const atTower = await createCustomer(blue, { siteId: 'INC-SITE-A' });
  const elsewhere = await createCustomer(blue, { siteId: 'QUIET-SITE' });
  await incidentFor(blue); // active outage at INC-SITE-A
  await incidentFor(blue, { affectedSiteIds: ['QUIET-SITE'], status: 'resolved', resolvedAt: new Date() });
  const today = startOfTenantDay(new Date(), blue.timezone);
  const longAgo = new Date(today.getTime() - 50 * HOUR);
  await ticket(blue, elsewhere.customerId, { createdAt: longAgo, assignedTo: 'dale@dash-blue.example' });
  await ticket(blue, elsewhere.customerId, {
    createdAt: new Date(today.getTime() - HOUR),
    status: 'waiting-on-customer',
    assignedTo: 'dale@dash-blue.example',
  });
  await ticket(blue, atTower.customerId, { createdAt: new Date(today.getTime() + 60_000), status: 'in-progress' });
  await ticket(blue, atTower.customerId, { createdAt: new Date(today.getTime() + 120_000) });
  // Not open: never counted.
  await ticket(blue, atTower.customerId, { createdAt: new Date(longAgo.getTime() - HOUR), status: 'resolved' });
  await ticket(blue, atTower.customerId, { createdAt: new Date(), status: 'closed' });
  // Another tenant's open tickets: never counted.
  const greenCustomer = await createCustomer(green, { siteId: 'INC-SITE-A' });
  await ticket(green, greenCustomer.customerId, { createdAt: new Date(longAgo.getTime() - 10 * HOUR) });
});

describe('GET /api/staff/dashboard', () => {
  it('anonymous → 401', async () => {
    expect((await dashboard()).status).toBe(401);
  });

  it('a customer → 404', async () => {
    const agent = await signInAsCustomer(t, browser(t, 'dash-blue'), blue, await createCustomer(blue));
    expect((await dashboard(agent)).status).toBe(404);
  });

  it("another tenant's staff: their session does not count here (401); on their own tenant they see only its tickets", async () => {
    const greenStaff = await signInAsStaff(t, browser(t, 'dash-green'), green);
    expect((await greenStaff.get('/api/staff/dashboard')).body.tickets.open).toBe(1);
    const onBlue = await signInAsStaff(t, browser(t, 'dash-blue'), green);
    expect((await dashboard(onBlue)).status).toBe(401);
  });

  it("staff and admins see today's numbers over the tenant's open tickets", async () => {
    for (const role of ['staff', 'admin'] as const) {
      const res = await dashboard(await signInAsStaff(t, browser(t, 'dash-blue'), blue, role));
      expect(res.status).toBe(200);
      // "Breaching soon" depends on the clock and support hours: it must be the desk's own count.
      const desk = await (
        await signInAsStaff(t, browser(t, 'dash-blue'), blue, role)
      ).get('/api/work-orders?view=breaching');
      expect(res.body.tickets).toEqual({
        open: 4,
        unassigned: 2,
        waitingOnCustomer: 1,
        newToday: 2,
        atIncidentSites: 2,
        breachingSoon: desk.body.views.breaching,
      });
      expect(res.body.activeIncidents).toBe(1);
      expect(res.body.oldestOpen).toMatchObject({ ticketNumber: 'TKT-2026-0001' });
      expect(res.body.oldestOpen.ageMinutes).toBeGreaterThanOrEqual(50 * 60);
    }
  });

  it('"new today" starts at midnight in the tenant\'s timezone, not the server\'s', async () => {
    const farEast = await createTenant({ slug: 'dash-tokyo', timezone: 'Asia/Tokyo' });
    const c = await createCustomer(farEast);
    const tokyoMidnight = startOfTenantDay(new Date(), 'Asia/Tokyo');
    await ticket(farEast, c.customerId, { createdAt: new Date(tokyoMidnight.getTime() - 60_000) });
    await ticket(farEast, c.customerId, { createdAt: new Date(tokyoMidnight.getTime() + 60_000) });
    const res = await dashboard(await signInAsStaff(t, browser(t, 'dash-tokyo'), farEast));
    expect(res.body.tickets).toMatchObject({ open: 2, newToday: 1 });
  });

  it('a tenant without open tickets: zeros and no oldest ticket', async () => {
    const empty = await createTenant({ slug: 'dash-empty' });
    const res = await dashboard(await signInAsStaff(t, browser(t, 'dash-empty'), empty));
    expect(res.body.tickets).toEqual({
      open: 0,
      unassigned: 0,
      waitingOnCustomer: 0,
      newToday: 0,
      atIncidentSites: 0,
      breachingSoon: 0,
    });
    expect(res.body.oldestOpen).toBeNull();
  });
});
