import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer, TEST_CSRF } from '../../test/sessions.ts';
import { SessionModel } from '../platform/auth/session.model.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('sess', (w) => ({ t, blue, green } = w), { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' });

describe('GET /api/session', () => {
  it('anonymous → no actor', async () => {
    const res = await t.client('sess-blue').get('/api/session');
    expect(res.body).toEqual({ actor: null, expired: false, staffHost: true });
  });

  it('a customer session is recognised on its own tenant', async () => {
    const customer = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('sess-blue'), blue, customer);
    const res = await agent.get('/api/session');
    expect(res.body.actor).toEqual({ kind: 'customer', customerId: customer.customerId });
  });

  it('the same cookie presented to another tenant is not a session there', async () => {
    const customer = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('sess-blue'), blue, customer);
    const res = await agent.get('/api/session').set('X-Forwarded-Host', 'sess-green.localhost');
    expect(res.body.actor).toBeNull();
    void green;
  });

  it('a session idle longer than the idle timeout has expired, is deleted, and says so', async () => {
    const customer = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('sess-blue'), blue, customer);
    const before = await SessionModel.countDocuments({ customerId: customer.customerId });
    await SessionModel.updateMany(
      { customerId: customer.customerId },
      { $set: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } },
    );
    const res = await agent.get('/api/session');
    expect(res.body).toEqual({ actor: null, expired: true, staffHost: true });
    expect(before).toBe(1);
    expect(await SessionModel.countDocuments({ customerId: customer.customerId })).toBe(0);
  });

  it('a session past its absolute lifetime has expired even when active', async () => {
    const customer = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('sess-blue'), blue, customer);
    await SessionModel.updateMany(
      { customerId: customer.customerId },
      { $set: { absoluteExpiresAt: new Date(Date.now() - 1000) } },
    );
    expect((await agent.get('/api/session')).body.expired).toBe(true);
  });
});

describe('CSRF protection on state-changing requests', () => {
  it('refuses a POST without the token', async () => {
    const res = await t.client('sess-blue').post('/api/session/csrf').send({});
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_FAILED');
  });

  it('refuses a POST whose Origin is another site even with a token', async () => {
    const customer = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('sess-blue'), blue, customer);
    const res = await agent.post('/api/session/nothing').set('Origin', 'https://evil.example').send({});
    expect(res.status).toBe(403);
  });

  it('lets a POST with the matching token through to routing (404 for an unknown route)', async () => {
    const customer = await createCustomer(blue);
    const agent = await signInAsCustomer(t, t.client('sess-blue'), blue, customer);
    const res = await agent
      .post('/api/session/nothing')
      .set('Origin', 'http://sess-blue.localhost')
      .set('X-CSRF-Token', TEST_CSRF)
      .send({});
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('issues a token cookie from GET /api/session/csrf', async () => {
    const res = await t.client('sess-blue').get('/api/session/csrf');
    expect(res.body.csrfToken).toMatch(/^[\w-]{32,}$/);
    expect(String(res.headers['set-cookie'])).toContain(`wisp_csrf=${res.body.csrfToken}`);
  });
});
