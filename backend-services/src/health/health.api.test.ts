import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { useTestApp } from '../../test/kit.ts';
import { createTenant } from '../../test/factories.ts';

let t: TestApp;
useTestApp((app) => (t = app));

describe('GET /api/health', () => {
  it('reports the database and the auth service reachable, with the version', async () => {
    const res = await t.client(null).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: 'ok', auth: 'ok' } });
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('GET /api/health/live and /api/health/ready', () => {
  it('live answers 200 whenever the process runs; ready checks the database (no Redis configured here)', async () => {
    const live = await t.client(null).get('/api/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok' });
    const ready = await t.client(null).get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
    expect(ready.body.checks).not.toHaveProperty('redis');
  });
});

describe('tenant resolution', () => {
  it('binds a request to the tenant named by its subdomain', async () => {
    await createTenant({ slug: 'bluesky', like: 'prairiesky' });
    await createTenant({ slug: 'greenpeak', like: 'summitridge' });
    const blue = await t.client('bluesky').get('/api/tenant/current');
    const green = await t.client('greenpeak').get('/api/tenant/current');
    expect(blue.body.tenant.slug).toBe('bluesky');
    expect(blue.body.tenant.branding.colors.primary).toBe('#1d4ed8');
    expect(green.body.tenant.branding.colors.primary).toBe('#166534');
  });

  it('when the host names no tenant, answers 404 in the error envelope, never a default tenant', async () => {
    const res = await t.client('nosuchwisp').get('/api/tenant/current');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'TENANT_NOT_FOUND', message: expect.any(String) } });
  });

  it('on bare localhost, requires an explicit ?tenant= slug', async () => {
    expect((await t.client(null).get('/api/tenant/current')).status).toBe(404);
    const res = await t.client(null).get('/api/tenant/current?tenant=bluesky');
    expect(res.body.tenant.slug).toBe('bluesky');
  });

  it('serves a custom domain only when the tenant enabled it', async () => {
    const { TenantModel } = await import('../tenants/tenant.model.ts');
    const enabled = await createTenant({ slug: 'withdomain' });
    const disabled = await createTenant({ slug: 'domainoff' });
    await TenantModel.updateOne(
      { _id: enabled._id },
      { $set: { domains: ['support.withdomain.example'], 'branding.portal.enableCustomDomain': true } },
    );
    await TenantModel.updateOne({ _id: disabled._id }, { $set: { domains: ['support.domainoff.example'] } });
    const on = await t.client(null).get('/api/tenant/current').set('X-Forwarded-Host', 'support.withdomain.example');
    expect(on.status).toBe(200);
    expect(on.body.tenant.slug).toBe('withdomain');
    const off = await t.client(null).get('/api/tenant/current').set('X-Forwarded-Host', 'support.domainoff.example');
    expect(off.status).toBe(404);
  });

  it('shows only allowlisted tenant fields: the public view is an allowlist', async () => {
    const res = await t.client('bluesky').get('/api/tenant/current');
    expect(Object.keys(res.body.tenant).sort()).toEqual([
      'branding',
      'customCss',
      'defaultCountry',
      'defaultLocale',
      'id',
      'name',
      'slug',
      'timezone',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/_id|weeklySupportHours|domains/);
  });
});

// Last in the file: draining is one-way, as it is for a process.
describe('readiness while draining', () => {
  it('while the process drains (SIGTERM), ready → 503 "draining" so the load balancer sends nothing new; live stays 200', async () => {
    t.lifecycle.startDraining();
    const ready = await t.client(null).get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', checks: { database: 'ok', process: 'draining' } });
    expect(ready.headers.connection).toBe('close');
    expect((await t.client(null).get('/api/health/live')).status).toBe(200);
  });
});
