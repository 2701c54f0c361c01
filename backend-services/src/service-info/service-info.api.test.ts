import { describe, expect, it } from 'vitest';
import { ZServiceInfo, ZCustomerServiceStatus } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { IncidentModel } from '../support/incidents/incident.model.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import { signalQualityOf } from '../customers/signal-quality.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
const now = Date.now();

twoTenantWorld('svc', (w) => ({ t, blue, green } = w));

const SECRET_NOTE = 'INTERNAL-ONLY gate code 4471, customer asked about a discount';

async function customerWithHistory(tenant: TTenantDoc, extra: Record<string, unknown> = {}) {
  return createCustomer(tenant, {
    installations: [
      {
        date: new Date(now - 400 * 86_400_000),
        type: 'installation',
        technicianFirstName: 'Dale',
        customerNotes: 'Radio on the south gable.',
        internalNotes: SECRET_NOTE,
      },
      {
        date: new Date(now - 30 * 86_400_000),
        type: 'repair',
        technicianFirstName: 'Marisol',
        customerNotes: 'Re-aimed the radio.',
        internalNotes: SECRET_NOTE,
      },
    ],
    equipment: [
      {
        type: 'cpe',
        make: 'Ubiquiti',
        model: 'LiteBeam 5AC',
        serialNumber: 'SN-OWN-1',
        macAddress: '24:5A:4C:00:00:01',
        firmware: '8.7.11',
        installedAt: new Date(now - 400 * 86_400_000),
      },
      {
        type: 'router',
        make: 'TP-Link',
        model: 'Archer AX55',
        serialNumber: 'RT-OWN-1',
        macAddress: '24:5A:4C:00:00:02',
        firmware: '1.3.2',
      },
    ],
    serviceAddress: { street: '12 County Road 5', city: 'Wahoo', state: 'NE', postalCode: '68066', country: 'US' },
    networkInfo: { signalStrength: -70, lastOnline: new Date(now - 5 * 60_000), ipAddress: '100.64.9.9' },
    ...extra,
  });
}

describe('GET /api/customer-portal/service', () => {
  it('anonymous → 401', async () => {
    const res = await t.client('svc-blue').get('/api/customer-portal/service');
    expect(res.status).toBe(401);
  });

  it('a session of another tenant is no session here → 401, and the other tenant never sees this data', async () => {
    const customer = await customerWithHistory(blue);
    const agent = await signInAsCustomer(t, t.client('svc-blue'), blue, customer);
    const res = await agent.get('/api/customer-portal/service').set('X-Forwarded-Host', 'svc-green.localhost');
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain('SN-OWN-1');
  });

  it('staff get 404 (this is the customer’s own view)', async () => {
    const agent = await signInAsStaff(t, t.client('svc-blue'), blue);
    expect((await agent.get('/api/customer-portal/service')).status).toBe(404);
  });

  it('a customer sees their own plan, status, address, equipment with signal band and visits', async () => {
    const customer = await customerWithHistory(blue);
    const agent = await signInAsCustomer(t, t.client('svc-blue'), blue, customer);
    const res = await agent.get('/api/customer-portal/service');
    expect(res.status).toBe(200);
    const body = ZServiceInfo.parse(res.body);
    expect(body.customerId).toBe(customer.customerId);
    expect(body.plan).toEqual({ planName: 'Plus', downloadMbps: 50, uploadMbps: 10, monthlyFee: 69.99 });
    expect(body.serviceStatus).toBe('active');
    expect(body.nextStep).toEqual({ kind: 'none' });
    expect(body.serviceAddress?.city).toBe('Wahoo');
    expect(body.equipment.map((e) => [e.type, e.serialNumber, e.signalQuality])).toEqual([
      ['cpe', 'SN-OWN-1', 'fair'],
      ['router', 'RT-OWN-1', null],
    ]);
    expect(body.connection.lastOnline).toBe(new Date(now - 5 * 60_000).toISOString());
    expect(body.installations.map((i) => [i.type, i.technicianFirstName, i.customerNotes])).toEqual([
      ['repair', 'Marisol', 'Re-aimed the radio.'],
      ['installation', 'Dale', 'Radio on the south gable.'],
    ]);
  });

  it('the next bill date is a calendar date: 2027-01-01 comes back as "2027-01-01" on the service page and in /me, also for a row stored as a midnight-UTC instant', async () => {
    const fresh = await customerWithHistory(blue, { nextBillingDate: '2027-01-01' });
    const legacy = await customerWithHistory(blue);
    await CustomerModel.collection.updateOne(
      { _id: legacy._id },
      { $set: { nextBillingDate: new Date(Date.UTC(2027, 0, 1)) } },
    );
    for (const customer of [fresh, legacy]) {
      const agent = await signInAsCustomer(t, t.client('svc-blue'), blue, customer);
      const service = await agent.get('/api/customer-portal/service');
      expect(ZServiceInfo.parse(service.body).nextBillingDate).toBe('2027-01-01');
      const me = await agent.get('/api/customer-portal/auth/me');
      expect(me.body.customer.nextBillingDate).toBe('2027-01-01');
    }
    const stored = await CustomerModel.collection.findOne({ _id: fresh._id });
    expect(stored?.nextBillingDate).toBe('2027-01-01');
  });

  it('never contains internal installation notes, the IP address or portal account data (whole body scanned)', async () => {
    const customer = await customerWithHistory(blue, {
      portalAccess: { enabled: true, accessCode: 'hashed-code-xyz', firebaseUid: 'uid-secret-1' },
    });
    const agent = await signInAsCustomer(t, t.client('svc-blue'), blue, customer);
    const raw = (await agent.get('/api/customer-portal/service')).text;
    expect(raw).not.toContain('INTERNAL-ONLY');
    expect(raw).not.toContain('internalNotes');
    expect(raw).not.toContain('100.64.9.9');
    expect(raw).not.toContain('hashed-code-xyz');
    expect(raw).not.toContain('uid-secret-1');
    expect(raw).not.toContain('portalAccess');
  });

  it("never contains another customer's data", async () => {
    const mine = await customerWithHistory(blue);
    const other = await createCustomer(blue, {
      equipment: [{ type: 'cpe', serialNumber: 'SN-NEIGHBOUR-9' }],
      servicePlan: { planName: 'Neighbour Max', downloadMbps: 100, uploadMbps: 20, monthlyFee: 89 },
    });
    const agent = await signInAsCustomer(t, t.client('svc-blue'), blue, mine);
    const raw = (await agent.get('/api/customer-portal/service')).text;
    expect(raw).toContain(mine.customerId);
    expect(raw).not.toContain(other.customerId);
    expect(raw).not.toContain('SN-NEIGHBOUR-9');
    expect(raw).not.toContain('Neighbour Max');
  });

  it('a suspended customer is told to contact billing, with the tenant’s email and phone (keys, not sentences)', async () => {
    const customer = await customerWithHistory(blue, { serviceStatus: 'suspended' });
    const agent = await signInAsCustomer(t, t.client('svc-blue'), blue, customer);
    const body = ZServiceInfo.parse((await agent.get('/api/customer-portal/service')).body);
    expect(body.statusExplanation).toBe('suspended');
    expect(body.nextStep).toEqual({
      kind: 'contact-billing',
      email: 'support@prairiesky.example',
      phone: '+1 402 555 0100',
    });
  });
});

describe('signal quality bands', () => {
  it('good ≥ -65 dBm, fair -65…-75, poor < -75, unknown → null', () => {
    expect([-50, -65, -65.5, -75, -75.1, -90].map(signalQualityOf)).toEqual([
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      'poor',
    ]);
    expect(signalQualityOf(undefined)).toBeNull();
  });
});

describe('GET /api/customer-portal/service/status', () => {
  it('anonymous → 401', async () => {
    expect((await t.client('svc-blue').get('/api/customer-portal/service/status')).status).toBe(401);
  });

  it('another tenant’s session → 401 there', async () => {
    const customer = await createCustomer(green);
    const agent = await signInAsCustomer(t, t.client('svc-green'), green, customer);
    expect(
      (await agent.get('/api/customer-portal/service/status').set('X-Forwarded-Host', 'svc-blue.localhost')).status,
    ).toBe(401);
  });

  it('names the active incident at the customer’s site, not other sites’ or other tenants’, and when the radio was last seen', async () => {
    const lastOnline = new Date(now - 3 * 3600_000);
    const customer = await createCustomer(blue, {
      siteId: 'SVC-SITE-1',
      networkInfo: { signalStrength: -80, lastOnline },
    });
    const here = await IncidentModel.create({
      tenantId: blue._id,
      title: 'Tower 1 down',
      status: 'identified',
      affectedSiteIds: ['SVC-SITE-1'],
      updates: [{ at: new Date(), status: 'identified', message: 'Power failure at the tower' }],
      startedAt: new Date(),
    });
    await IncidentModel.create({
      tenantId: blue._id,
      title: 'Tower 2 down',
      status: 'investigating',
      affectedSiteIds: ['SVC-SITE-2'],
      startedAt: new Date(),
    });
    await IncidentModel.create({
      tenantId: blue._id,
      title: 'Old outage',
      status: 'resolved',
      affectedSiteIds: ['SVC-SITE-1'],
      resolvedAt: new Date(),
    });
    await IncidentModel.create({
      tenantId: green._id,
      title: 'Green tower down',
      status: 'investigating',
      affectedSiteIds: ['SVC-SITE-1'],
      startedAt: new Date(),
    });
    const agent = await signInAsCustomer(t, t.client('svc-blue'), blue, customer);
    const body = ZCustomerServiceStatus.parse((await agent.get('/api/customer-portal/service/status')).body);
    expect(body.siteAffected).toBe(true);
    expect(body.activeIncidents.map((i) => i.id)).toEqual([String(here._id)]);
    expect(body.activeIncidents[0]!.lastUpdate?.message).toBe('Power failure at the tower');
    expect(body.cpeLastSeen).toBe(lastOnline.toISOString());
  });

  it('a customer at an unaffected site sees no incident', async () => {
    const customer = await createCustomer(blue, { siteId: 'SVC-SITE-QUIET' });
    const agent = await signInAsCustomer(t, t.client('svc-blue'), blue, customer);
    const body = ZCustomerServiceStatus.parse((await agent.get('/api/customer-portal/service/status')).body);
    expect(body).toMatchObject({ serviceStatus: 'active', siteAffected: false, activeIncidents: [] });
  });
});
