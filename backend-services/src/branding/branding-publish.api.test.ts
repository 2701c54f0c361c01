import { describe, expect, it } from 'vitest';
import { ZBrandingVersionList } from '@wisp/shared';
import { contrastRatio, readableTextOn } from '@wisp/shared/branding/contrast';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../test/sessions.ts';
import { TenantModel, type TTenantDoc } from '../tenants/tenant.model.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';
import { BrandingVersionModel } from './branding.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('brp', (w) => ({ t, blue, green } = w));

const path = (tenant: TTenantDoc, rest = '') => `/api/tenant/${String(tenant._id)}/branding${rest}`;
const admin = (tenant: TTenantDoc) => signInAsStaff(t, t.client(tenant.slug), tenant, 'admin');
const freshTenant = async () => {
  const tenant = await createTenant();
  return { tenant, agent: await admin(tenant) };
};
const livePrimary = async (tenant: TTenantDoc) =>
  (await t.client(tenant.slug).get('/api/tenant/current')).body.tenant.branding.colors.primary as string;

describe('POST /api/tenant/:tenantId/branding/publish', () => {
  it("staff, customers and another tenant's admin → 404; nothing is published", async () => {
    const staff = await signInAsStaff(t, t.client('brp-blue'), blue, 'staff');
    expect((await staff.post(path(blue, '/publish')).send({})).status).toBe(404);
    const customer = await signInAsCustomer(t, t.client('brp-blue'), blue, await createCustomer(blue));
    expect((await customer.post(path(blue, '/publish')).send({})).status).toBe(404);
    expect((await (await admin(green)).post(path(blue, '/publish')).send({})).status).toBe(404);
    expect(await BrandingVersionModel.countDocuments({ tenantId: blue._id })).toBe(0);
  });

  it('makes the draft live as version 2 (version 1 keeps the look from before), shown on the next page load', async () => {
    const { tenant, agent } = await freshTenant();
    expect(await livePrimary(tenant)).toBe(tenant.branding.colors.primary);
    await agent.put(path(tenant)).send({ colors: { primary: '#0f766e' } });
    const res = await agent.post(path(tenant, '/publish')).send({});
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(2);
    expect(await livePrimary(tenant)).toBe('#0f766e');
    const versions = ZBrandingVersionList.parse((await agent.get(path(tenant, '/versions'))).body).versions;
    expect(versions.map((v) => [v.version, v.publishedBy?.email ?? null, v.live])).toEqual([
      [2, `admin@${tenant.slug}.example`, true],
      [1, null, false],
    ]);
    const v1 = await agent.get(path(tenant, '/versions/1'));
    expect(v1.body.branding.colors.primary).toBe(tenant.branding.colors.primary);
  });

  it("publishing changes only this tenant's portal", async () => {
    const { tenant, agent } = await freshTenant();
    const other = await createTenant({ like: 'summitridge' });
    await agent.put(path(tenant)).send({ colors: { primary: '#0f766e' } });
    await agent.post(path(tenant, '/publish')).send({});
    expect(await livePrimary(other)).toBe(other.branding.colors.primary);
  });

  it('an AA-failing palette → 400 naming the colour with the nearest passing shade; nothing goes live', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.put(path(tenant)).send({ colors: { primary: '#7dd3fc', textSecondary: '#cbd5e1' } });
    const res = await agent.post(path(tenant, '/publish')).send({});
    expect(res.status).toBe(400);
    const primary = res.body.error.fields['colors.primary'] as string;
    expect(primary).toMatch(/links on the background is 1\.\d+:1 \(needs 4\.5:1\)/i);
    const shade = /Nearest passing shade: (#[0-9a-f]{6})/.exec(primary)![1]!;
    expect(contrastRatio(shade, tenant.branding.colors.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(readableTextOn(shade), shade)).toBeGreaterThanOrEqual(4.5);
    expect(res.body.error.fields['colors.textSecondary']).toMatch(/Nearest passing shade: #[0-9a-f]{6}/);
    expect(await livePrimary(tenant)).toBe(tenant.branding.colors.primary);
    expect(await BrandingVersionModel.countDocuments({ tenantId: tenant._id })).toBe(0);
  });

  it('taking the suggested shade makes the palette publishable', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.put(path(tenant)).send({ colors: { primary: '#7dd3fc' } });
    const refused = await agent.post(path(tenant, '/publish')).send({});
    const shade = /Nearest passing shade: (#[0-9a-f]{6})/.exec(refused.body.error.fields['colors.primary'])![1]!;
    await agent.put(path(tenant)).send({ colors: { primary: shade } });
    expect((await agent.post(path(tenant, '/publish')).send({})).status).toBe(201);
    expect(await livePrimary(tenant)).toBe(shade);
  });

  it('a body → 400 (publish takes none)', async () => {
    const { tenant, agent } = await freshTenant();
    const res = await agent.post(path(tenant, '/publish')).send({ colors: { primary: '#000000' } });
    expect(res.status).toBe(400);
  });

  it('five publishes at once get five different version numbers, and the newest is live', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.put(path(tenant)).send({ colors: { primary: '#0f766e' } });
    const answers = await Promise.all(Array.from({ length: 5 }, () => agent.post(path(tenant, '/publish')).send({})));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    const numbers = answers.map((a) => a.body.version as number).sort((a, b) => a - b);
    expect(numbers).toEqual([2, 3, 4, 5, 6]);
    const docs = await BrandingVersionModel.find({ tenantId: tenant._id }).lean();
    expect(docs.map((d) => d.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await TenantModel.findById(tenant._id).lean())!.brandingVersion).toBe(6);
  });

  it('records the publish in the audit log', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.post(path(tenant, '/publish')).send({});
    const rows = await AuditEntryModel.find({ tenantId: tenant._id, action: 'branding.publish' }).lean();
    expect(rows.map((r) => r.summary)).toEqual(['Published version 2']);
  });
});

describe('POST /api/tenant/:tenantId/branding/versions/:n/restore', () => {
  it('publishes the earlier version again as a new version, and the draft becomes it', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.put(path(tenant)).send({ colors: { primary: '#0f766e' }, company: { displayName: 'Teal Net' } });
    await agent.post(path(tenant, '/publish')).send({});
    await agent.put(path(tenant)).send({ colors: { primary: '#7c3aed' } });
    await agent.post(path(tenant, '/publish')).send({});
    expect(await livePrimary(tenant)).toBe('#7c3aed');

    const res = await agent.post(path(tenant, '/versions/2/restore')).send({});
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(4);
    expect(await livePrimary(tenant)).toBe('#0f766e');
    const draft = await agent.get(path(tenant, '/draft'));
    expect(draft.body.draft.colors.primary).toBe('#0f766e');
    expect(draft.body.unpublished).toBe(false);
    const { versions } = ZBrandingVersionList.parse((await agent.get(path(tenant, '/versions'))).body);
    expect(versions[0]).toMatchObject({ version: 4, restoredFrom: 2, live: true });
    const audit = await AuditEntryModel.find({ tenantId: tenant._id, action: 'branding.restore' }).lean();
    expect(audit.map((a) => a.summary)).toEqual(['Restored version 2 as version 4']);
  });

  it('the look from before the studio (version 1) can be restored', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.put(path(tenant)).send({ colors: { primary: '#0f766e' } });
    await agent.post(path(tenant, '/publish')).send({});
    expect((await agent.post(path(tenant, '/versions/1/restore')).send({})).status).toBe(201);
    expect(await livePrimary(tenant)).toBe(tenant.branding.colors.primary);
  });

  it("a version that does not exist → 404; another tenant's version → 404; staff → 404", async () => {
    const { tenant, agent } = await freshTenant();
    expect((await agent.post(path(tenant, '/versions/7/restore')).send({})).status).toBe(404);
    const other = await freshTenant();
    await other.agent.post(path(other.tenant, '/publish')).send({});
    expect((await agent.post(path(other.tenant, '/versions/1/restore')).send({})).status).toBe(404);
    const staff = await signInAsStaff(t, t.client(other.tenant.slug), other.tenant, 'staff');
    expect((await staff.post(path(other.tenant, '/versions/1/restore')).send({})).status).toBe(404);
    expect((await agent.post(path(tenant, '/versions/abc/restore')).send({})).status).toBe(400);
  });
});

describe('GET /api/tenant/:tenantId/branding/versions', () => {
  it('anonymous → 401; staff → 404 (admins only)', async () => {
    expect((await t.client('brp-blue').get(path(blue, '/versions'))).status).toBe(401);
    const staff = await signInAsStaff(t, t.client('brp-blue'), blue, 'staff');
    expect((await staff.get(path(blue, '/versions'))).status).toBe(404);
  });
});
