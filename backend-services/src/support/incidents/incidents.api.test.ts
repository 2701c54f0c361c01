import { beforeAll, describe, expect, it } from 'vitest';
import {
  ZIncidentUpdateResponse,
  ZIntakeResponse,
  ZStaffIncident,
  ZStaffIncidentList,
  ZStaffIncidentResponse,
} from '@wisp/shared';
import { localFileStorage } from '../../storage/file-storage.ts';
import type { TestApp } from '../../../test/harness.ts';
import { twoTenantWorld } from '../../../test/kit.ts';
import { recipientsOf } from '../../../test/mail-catcher.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../../test/sessions.ts';
import { TenantModel, type TTenantDoc } from '../../tenants/tenant.model.ts';
import { CustomerModel } from '../../customers/customer.model.ts';
import { OutboxMessageModel } from '../../notifications/outbox.model.ts';
import { IncidentModel } from './incident.model.ts';
import { incidentFor as incident, NOW as now } from '../../../test/incident-factory.ts';
import { IncidentSubscriptionModel } from './incident-subscription.model.ts';
import { addIncidentUpdate } from './incidents.service.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;

twoTenantWorld('inc', (w) => ({ t, blue, green } = w));

describe('GET /api/customer-portal/service/intake', () => {
  it('anonymous → 401', async () => {
    expect((await t.client('inc-blue').get('/api/customer-portal/service/intake?category=no-connection')).status).toBe(
      401,
    );
  });

  it('another tenant’s session → 401, and never shows that tenant’s incident', async () => {
    const customer = await createCustomer(green, { siteId: 'INC-SITE-A' });
    const agent = await signInAsCustomer(t, t.client('inc-green'), green, customer);
    const res = await agent
      .get('/api/customer-portal/service/intake?category=no-connection')
      .set('X-Forwarded-Host', 'inc-blue.localhost');
    expect(res.status).toBe(401);
  });

  it('a missing category → 400 with a field error', async () => {
    const agent = await signInAsCustomer(t, t.client('inc-blue'), blue, await createCustomer(blue));
    const res = await agent.get('/api/customer-portal/service/intake');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.category).toBeTruthy();
  });

  it('shows the active incident at the customer’s site for no-connection, intermittent and slow-speed only', async () => {
    const tenant = await createTenant({ slug: 'inc-intake' });
    const id = await incident(tenant, {
      siteId: undefined,
      affectedSiteIds: ['INTAKE-SITE'],
      eta: new Date(now + 3600_000),
    });
    const customer = await createCustomer(tenant, { siteId: 'INTAKE-SITE' });
    const agent = await signInAsCustomer(t, t.client('inc-intake'), tenant, customer);
    for (const category of ['no-connection', 'intermittent', 'slow-speed']) {
      const body = ZIntakeResponse.parse(
        (await agent.get(`/api/customer-portal/service/intake?category=${category}`)).body,
      );
      expect(body.incident).toMatchObject({
        id,
        status: 'investigating',
        subscribed: false,
        eta: new Date(now + 3600_000).toISOString(),
      });
      expect(body.incident!.lastUpdate?.message).toBe('We are looking into it.');
    }
    for (const category of ['billing', 'equipment', 'other']) {
      expect((await agent.get(`/api/customer-portal/service/intake?category=${category}`)).body).toEqual({
        incident: null,
      });
    }
  });

  it('a customer at another site, or at a site whose incident is resolved, sees none', async () => {
    const tenant = await createTenant({ slug: 'inc-intake2' });
    await incident(tenant, { affectedSiteIds: ['OTHER-SITE'] });
    await incident(tenant, { affectedSiteIds: ['MY-SITE'], status: 'resolved', resolvedAt: new Date() });
    await incident(green, { affectedSiteIds: ['MY-SITE'] });
    const agent = await signInAsCustomer(
      t,
      t.client('inc-intake2'),
      tenant,
      await createCustomer(tenant, { siteId: 'MY-SITE' }),
    );
    expect((await agent.get('/api/customer-portal/service/intake?category=no-connection')).body).toEqual({
      incident: null,
    });
  });
});

describe('POST /api/customer-portal/support/incidents/:id/subscribe', () => {
  let tenant: TTenantDoc;
  let activeId: string;
  beforeAll(async () => {
    tenant = await createTenant({ slug: 'inc-sub' });
    activeId = await incident(tenant, { affectedSiteIds: ['SUB-SITE'] });
  });
  const subscribe = (agent: ReturnType<TestApp['client']>, id: string) =>
    agent.post(`/api/customer-portal/support/incidents/${id}/subscribe`).send({});

  it('anonymous → 401', async () => {
    const res = await t
      .client('inc-sub')
      .post(`/api/customer-portal/support/incidents/${activeId}/subscribe`)
      .set('X-CSRF-Token', 'x')
      .set('Cookie', 'wisp_csrf=x')
      .send({});
    expect(res.status).toBe(401);
  });

  it('another tenant’s incident → 404', async () => {
    const greenId = await incident(green, { affectedSiteIds: ['SUB-SITE'] });
    const agent = await signInAsCustomer(
      t,
      t.client('inc-sub'),
      tenant,
      await createCustomer(tenant, { siteId: 'SUB-SITE' }),
    );
    expect((await subscribe(agent, greenId)).status).toBe(404);
  });

  it('an incident that does not affect the customer’s site, a resolved one, or a malformed id → 404', async () => {
    const elsewhere = await incident(tenant, { affectedSiteIds: ['ELSEWHERE'] });
    const resolved = await incident(tenant, {
      affectedSiteIds: ['SUB-SITE'],
      status: 'resolved',
      resolvedAt: new Date(),
    });
    const agent = await signInAsCustomer(
      t,
      t.client('inc-sub'),
      tenant,
      await createCustomer(tenant, { siteId: 'SUB-SITE' }),
    );
    expect((await subscribe(agent, elsewhere)).status).toBe(404);
    expect((await subscribe(agent, resolved)).status).toBe(404);
    expect((await subscribe(agent, 'not-an-id')).status).toBe(404);
  });

  it('is idempotent: twice → one subscription, and intake then says subscribed', async () => {
    const customer = await createCustomer(tenant, { siteId: 'SUB-SITE' });
    const agent = await signInAsCustomer(t, t.client('inc-sub'), tenant, customer);
    const [a, b] = await Promise.all([subscribe(agent, activeId), subscribe(agent, activeId)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await subscribe(agent, activeId)).body).toEqual({ subscribed: true });
    expect(
      await IncidentSubscriptionModel.countDocuments({
        tenantId: tenant._id,
        incidentId: activeId,
        customerId: customer.customerId,
      }),
    ).toBe(1);
    const intake = ZIntakeResponse.parse(
      (await agent.get('/api/customer-portal/service/intake?category=no-connection')).body,
    );
    expect(intake.incident?.subscribed).toBe(true);
  });
});

describe('with the status page switched off', () => {
  it('subscribing answers 404, the intake shows no incident and the service status lists none', async () => {
    const tenant = await createTenant({ slug: 'inc-toggle' });
    await TenantModel.updateOne({ _id: tenant._id }, { $set: { 'branding.features.enableServiceStatus': false } });
    const id = await incident(tenant, { affectedSiteIds: ['TOGGLE-SITE'] });
    const agent = await signInAsCustomer(
      t,
      t.client('inc-toggle'),
      tenant,
      await createCustomer(tenant, { siteId: 'TOGGLE-SITE' }),
    );
    expect((await agent.post(`/api/customer-portal/support/incidents/${id}/subscribe`).send({})).status).toBe(404);
    expect((await agent.get('/api/customer-portal/service/intake?category=no-connection')).body).toEqual({
      incident: null,
    });
    expect((await agent.get('/api/customer-portal/service/status')).body).toMatchObject({
      siteAffected: false,
      activeIncidents: [],
    });
  });
});

describe('staff incident API', () => {
  it('anonymous → 401; a customer → 404; staff of another tenant cannot update this tenant’s incident (404)', async () => {
    const id = await incident(blue);
    expect((await t.client('inc-blue').get('/api/support/incidents')).status).toBe(401);
    const customerAgent = await signInAsCustomer(t, t.client('inc-blue'), blue, await createCustomer(blue));
    expect((await customerAgent.get('/api/support/incidents')).status).toBe(404);
    const greenStaff = await signInAsStaff(t, t.client('inc-green'), green);
    expect(
      (await greenStaff.post(`/api/support/incidents/${id}/updates`).send({ status: 'identified', message: 'x' }))
        .status,
    ).toBe(404);
    expect(JSON.stringify((await greenStaff.get('/api/support/incidents')).body)).not.toContain(id);
  });

  it('creating validates input with field errors', async () => {
    const staff = await signInAsStaff(t, t.client('inc-blue'), blue);
    const res = await staff.post('/api/support/incidents').send({ kind: 'maintenance', title: 'x' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['title', 'message']));
  });

  it('staff create an incident, see the subscriber count, and an update emails each subscriber exactly once, in their language', async () => {
    const tenant = await createTenant({ slug: 'inc-mail' });
    const staff = await signInAsStaff(t, t.client('inc-mail'), tenant);
    const created = await staff.post('/api/support/incidents').send({
      title: 'Willow Creek tower offline',
      message: 'The tower lost power.',
      affectedSiteIds: ['MAIL-SITE'],
      affectedAreas: ['Willow Creek'],
    });
    expect(created.status).toBe(201);
    const id = ZStaffIncident.parse(created.body.incident).id;

    const english = await createCustomer(tenant, { siteId: 'MAIL-SITE', email: 'affected.en@example.test' });
    const spanish = await createCustomer(tenant, { siteId: 'MAIL-SITE', email: 'affected.es@example.test' });
    await CustomerModel.collection.updateOne({ _id: spanish._id }, { $set: { preferredLocale: 'es' } });
    const bystander = await createCustomer(tenant, { siteId: 'MAIL-SITE', email: 'not.subscribed@example.test' });
    for (const c of [english, spanish]) {
      const agent = await signInAsCustomer(t, t.client('inc-mail'), tenant, c);
      expect((await agent.post(`/api/customer-portal/support/incidents/${id}/subscribe`).send({})).status).toBe(200);
    }

    const listed = (await staff.get('/api/support/incidents')).body.incidents.find((i: { id: string }) => i.id === id);
    expect(listed.subscriberCount).toBe(2);

    const update = await staff
      .post(`/api/support/incidents/${id}/updates`)
      .send({ status: 'identified', message: 'A generator is on its way.' });
    expect(update.status).toBe(201);
    expect(update.body.incident.status).toBe('identified');

    const en = await t.mail.waitForMail((m) => recipientsOf(m).includes('affected.en@example.test'));
    const es = await t.mail.waitForMail((m) => recipientsOf(m).includes('affected.es@example.test'));
    expect(en.subject).toContain('Willow Creek tower offline');
    expect(en.text).toContain('A generator is on its way.');
    expect(en.text).toContain('Cause identified');
    expect(es.subject).toContain('Actualización del servicio');
    expect(es.text).toContain('Causa identificada');
    expect(en.html).toContain(tenant.branding.colors.primary);

    await t.outbox.drain();
    const sentTo = t.mail.messages.flatMap(recipientsOf);
    expect(sentTo.filter((r) => r === 'affected.en@example.test')).toHaveLength(1);
    expect(sentTo.filter((r) => r === 'affected.es@example.test')).toHaveLength(1);
    expect(sentTo).not.toContain(bystander.email);
    expect(
      await OutboxMessageModel.countDocuments({
        kind: 'incident-update',
        dedupeKey: `incident-update:${id}:1:${english.customerId}`,
      }),
    ).toBe(1);

    // The next update is a new email (index 2), and resolving sets resolvedAt.
    const resolved = await staff
      .post(`/api/support/incidents/${id}/updates`)
      .send({ status: 'resolved', message: 'Power is back.' });
    expect(resolved.body.incident.resolvedAt).toBeTruthy();
    await t.mail.waitForMail(
      (m) => recipientsOf(m).includes('affected.en@example.test') && (m.text ?? '').includes('Power is back.'),
    );
    await t.outbox.drain();
    expect(t.mail.messages.flatMap(recipientsOf).filter((r) => r === 'affected.en@example.test')).toHaveLength(2);
  });

  it('two staff posting updates at once both land in the timeline, each with its own email to the subscriber', async () => {
    const tenant = await createTenant({ slug: 'inc-race' });
    const staff = await signInAsStaff(t, t.client('inc-race'), tenant);
    const id = await incident(tenant, { affectedSiteIds: ['RACE-SITE'] });
    const customer = await createCustomer(tenant, { siteId: 'RACE-SITE', email: 'race.subscriber@example.test' });
    const agent = await signInAsCustomer(t, t.client('inc-race'), tenant, customer);
    expect((await agent.post(`/api/customer-portal/support/incidents/${id}/subscribe`).send({})).status).toBe(200);
    void staff;
    // Called on the service directly so the three reads of the incident really overlap.
    const staffActor = {
      kind: 'staff',
      tenantId: String(tenant._id),
      role: 'staff',
      uid: 's',
      email: 's@x.example',
      sessionId: 'x',
    } as const;
    await Promise.all(
      ['Crew on site.', 'Parts ordered.', 'Power restored to the shelter.'].map((message) =>
        addIncidentUpdate(
          {
            tenant,
            actor: staffActor,
            storage: localFileStorage(t.config.UPLOAD_DIR),
            portalUrlTemplate: t.config.PORTAL_URL_TEMPLATE,
          },
          id,
          { status: 'identified', message },
        ),
      ),
    );
    const stored = (await IncidentModel.findById(id).lean())!;
    expect(stored.updates.map((u) => u.message).sort()).toEqual([
      'Crew on site.',
      'Parts ordered.',
      'Power restored to the shelter.',
      'We are looking into it.',
    ]);
    const keys = (await OutboxMessageModel.find({ kind: 'incident-update', to: 'race.subscriber@example.test' }).lean())
      .map((m) => m.dedupeKey)
      .sort();
    expect(keys).toEqual([1, 2, 3].map((i) => `incident-update:${id}:${i}:${customer.customerId}`));
  });
});

describe('staff incident response contract', () => {
  it('list, create and update match the shared staff schemas exactly', async () => {
    const tenant = await createTenant({ slug: 'inc-contract' });
    const staff = await signInAsStaff(t, t.client('inc-contract'), tenant);
    const created = await staff
      .post('/api/support/incidents')
      .send({ title: 'Tower offline', message: 'Lost power.', affectedSiteIds: ['S1'] })
      .expect(201);
    expect(() => ZStaffIncidentResponse.strict().parse(created.body)).not.toThrow();
    const update = await staff
      .post(`/api/support/incidents/${created.body.incident.id}/updates`)
      .send({ status: 'identified', message: 'Generator on its way.' })
      .expect(201);
    expect(() => ZIncidentUpdateResponse.strict().parse(update.body)).not.toThrow();
    const list = await staff.get('/api/support/incidents');
    expect(() => ZStaffIncidentList.strict().parse(list.body)).not.toThrow();
  });
});
