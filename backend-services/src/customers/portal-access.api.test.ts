import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import { browser, createPortalCustomer, PASSWORD } from '../../test/portal-accounts.ts';
import { ZPortalAccessResponse, ZServiceStatusResponse } from '@wisp/shared';
import { CustomerModel } from './customer.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
beforeAll(async () => {
  t = await startTestApp();
  blue = await createTenant({ slug: 'access-blue' });
  green = await createTenant({ slug: 'access-green', like: 'summitridge' });
});
afterAll(() => t.close());

async function signedInCustomer(overrides: Record<string, unknown> = {}) {
  const c = await createPortalCustomer(t, blue, overrides);
  const agent = browser(t, 'access-blue');
  await agent.post('/api/customer-portal/auth/login').send({ identifier: c.email, password: PASSWORD }).expect(200);
  return { c, agent };
}
const staff = () => signInAsStaff(t, t.client('access-blue'), blue);

describe('POST /api/customers/:customerId/portal-access', () => {
  it('anonymous → 401', async () => {
    const c = await createCustomer(blue);
    expect(
      (await browser(t, 'access-blue').post(`/api/customers/${c.customerId}/portal-access`).send({ enabled: false }))
        .status,
    ).toBe(401);
  });

  it('staff of another tenant → 404; a customer session → 404', async () => {
    const { c, agent } = await signedInCustomer();
    expect(
      (
        await (
          await signInAsStaff(t, t.client('access-green'), green)
        )
          .post(`/api/customers/${c.customerId}/portal-access`)
          .send({ enabled: false })
      ).status,
    ).toBe(404);
    expect((await agent.post(`/api/customers/${c.customerId}/portal-access`).send({ enabled: false })).status).toBe(
      404,
    );
    expect((await CustomerModel.findById(c._id).lean())?.portalAccess?.enabled).toBe(true);
  });

  it("disabling portal access ends the customer's sessions at once, and they cannot sign in again", async () => {
    const { c, agent } = await signedInCustomer();
    const res = await (await staff()).post(`/api/customers/${c.customerId}/portal-access`).send({ enabled: false });
    expect(res.status).toBe(200);
    expect(res.body.sessionsEnded).toBe(1);
    expect((await agent.get('/api/customer-portal/auth/me')).status).toBe(401);
    expect(
      (
        await browser(t, 'access-blue')
          .post('/api/customer-portal/auth/login')
          .send({ identifier: c.email, password: PASSWORD })
      ).status,
    ).toBe(401);
    await (await staff()).post(`/api/customers/${c.customerId}/portal-access`).send({ enabled: true }).expect(200);
    expect(
      (
        await browser(t, 'access-blue')
          .post('/api/customer-portal/auth/login')
          .send({ identifier: c.email, password: PASSWORD })
      ).status,
    ).toBe(200);
  });

  it.each(['locked', 'suspended'] as const)(
    'setting the portal account %s ends the sessions too',
    async (accountStatus) => {
      const { c, agent } = await signedInCustomer();
      await (await staff()).post(`/api/customers/${c.customerId}/portal-access`).send({ accountStatus }).expect(200);
      expect((await agent.get('/api/customer-portal/auth/me')).status).toBe(401);
    },
  );

  it('an empty change → 400', async () => {
    const c = await createCustomer(blue);
    const res = await (await staff()).post(`/api/customers/${c.customerId}/portal-access`).send({});
    expect(res.status).toBe(400);
  });
});

describe('PATCH /api/customers/:customerId/service-status', () => {
  it("anonymous → 401; a customer → 404; another tenant's staff → 404", async () => {
    const c = await createCustomer(blue);
    const cust = await signInAsCustomer(t, t.client('access-blue'), blue, c);
    expect(
      (
        await browser(t, 'access-blue')
          .patch(`/api/customers/${c.customerId}/service-status`)
          .send({ serviceStatus: 'suspended' })
      ).status,
    ).toBe(401);
    expect(
      (await cust.patch(`/api/customers/${c.customerId}/service-status`).send({ serviceStatus: 'suspended' })).status,
    ).toBe(404);
    expect(
      (
        await (
          await signInAsStaff(t, t.client('access-green'), green)
        )
          .patch(`/api/customers/${c.customerId}/service-status`)
          .send({ serviceStatus: 'suspended' })
      ).status,
    ).toBe(404);
  });

  it('suspending the service keeps the customer signed in, and /me shows the suspension', async () => {
    const { c, agent } = await signedInCustomer();
    await (
      await staff()
    )
      .patch(`/api/customers/${c.customerId}/service-status`)
      .send({ serviceStatus: 'suspended' })
      .expect(200);
    const me = await agent.get('/api/customer-portal/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.customer.serviceStatus).toBe('suspended');
  });

  it('an unknown status → 400 naming serviceStatus', async () => {
    const c = await createCustomer(blue);
    const res = await (
      await staff()
    )
      .patch(`/api/customers/${c.customerId}/service-status`)
      .send({ serviceStatus: 'paused' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('serviceStatus');
  });
});

describe('staff customer response contract', () => {
  it('portal access and service status answers match the shared staff schemas exactly', async () => {
    const c = await createCustomer(blue);
    const agent = await staff();
    const access = await agent.post(`/api/customers/${c.customerId}/portal-access`).send({ enabled: true }).expect(200);
    expect(() => ZPortalAccessResponse.strict().parse(access.body)).not.toThrow();
    const status = await agent
      .patch(`/api/customers/${c.customerId}/service-status`)
      .send({ serviceStatus: 'active' })
      .expect(200);
    expect(() => ZServiceStatusResponse.strict().parse(status.body)).not.toThrow();
  });
});
