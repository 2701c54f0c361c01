import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createTenant } from '../../test/factories.ts';
import { TenantModel } from './tenant.model.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GET /api/tenant/current', () => {
  it('a bad colour stored in the database → 200 with the default for that colour; the other colours stay', async () => {
    const tenant = await createTenant({ slug: 'bad-colour' });
    // Written around the API, as an old import script or a hand edit would.
    await TenantModel.collection.updateOne(
      { _id: tenant._id },
      { $set: { 'branding.colors.primary': 'red;}body{display:none}', 'branding.typography.fontFamily': 'x;}' } },
    );
    const res = await t.client('bad-colour').get('/api/tenant/current');
    expect(res.status).toBe(200);
    expect(res.body.tenant.branding.colors.primary).toBe('#1d4ed8');
    expect(res.body.tenant.branding.colors.accent).toBe(tenant.branding.colors.accent);
    expect(res.body.tenant.branding.typography.fontFamily).toBeUndefined();
    expect(res.body.tenant.branding.company.displayName).toBe(tenant.branding.company.displayName);
  });

  it('sends the built custom stylesheet, never the raw custom CSS', async () => {
    const tenant = await createTenant({ slug: 'custom-css' });
    await TenantModel.collection.updateOne(
      { _id: tenant._id },
      {
        $set: {
          'branding.portal.customCSS':
            '@import url(//evil.example/x.css); h1 { color: #123456 } body{display:none;background:url(x)}',
        },
      },
    );
    const res = await t.client('custom-css').get('/api/tenant/current');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('evil.example');
    expect(res.body.tenant.branding.portal.customCSS).toBeUndefined();
    expect(res.body.tenant.customCss).toContain('.portal-root h1');
    expect(res.body.tenant.customCss).not.toMatch(/@import|url\(/);
  });
});
