import { describe, expect, it } from 'vitest';
import { ZBrandingDraftResponse, ZPublicBrandingResponse } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer, signInAsStaff, TEST_CSRF } from '../../test/sessions.ts';
import { CSRF_COOKIE } from '../platform/auth/session-cookie.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';
import { BrandingDraftModel } from './branding.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('brd', (w) => ({ t, blue, green } = w));

const path = (tenant: TTenantDoc, rest = '') => `/api/tenant/${String(tenant._id)}/branding${rest}`;
const admin = async (tenant: TTenantDoc) => signInAsStaff(t, t.client(tenant.slug), tenant, 'admin');
const freshTenant = async () => {
  const tenant = await createTenant();
  return { tenant, agent: await admin(tenant) };
};

describe('PUT /api/tenant/:tenantId/branding', () => {
  it('anonymous → 401', async () => {
    const res = await t
      .client('brd-blue')
      .put(path(blue))
      .set('Cookie', `${CSRF_COOKIE}=${TEST_CSRF}`)
      .set('X-CSRF-Token', TEST_CSRF)
      .send({ colors: { primary: '#123456' } });
    expect(res.status).toBe(401);
  });

  it("another tenant's admin → 404, on their own host and with the other tenant's id", async () => {
    const agent = await admin(green);
    const res = await agent.put(path(blue)).send({ colors: { primary: '#123456' } });
    expect(res.status).toBe(404);
    expect(await BrandingDraftModel.findById(blue._id)).toBeNull();
  });

  it('staff (not admin) and customers → 404', async () => {
    const staff = await signInAsStaff(t, t.client('brd-blue'), blue, 'staff');
    expect((await staff.put(path(blue)).send({ colors: { primary: '#123456' } })).status).toBe(404);
    const customer = await signInAsCustomer(t, t.client('brd-blue'), blue, await createCustomer(blue));
    expect((await customer.put(path(blue)).send({ colors: { primary: '#123456' } })).status).toBe(404);
  });

  it('saves a partial change as a draft: the other fields and the feature toggles stay, the portal does not change yet', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.put(path(tenant)).send({ features: { enableLiveChat: true, enableFAQ: false } });
    const res = await agent.put(path(tenant)).send({ colors: { primary: '#0f766e' } });
    expect(res.status).toBe(200);
    const body = ZBrandingDraftResponse.parse(res.body);
    expect(body.draft.colors.primary).toBe('#0f766e');
    expect(body.draft.colors.text).toBe(tenant.branding.colors.text);
    expect(body.draft.features).toMatchObject({ enableLiveChat: true, enableFAQ: false });
    expect(body.unpublished).toBe(true);
    const live = ZPublicBrandingResponse.parse((await t.client(tenant.slug).get(path(tenant))).body);
    expect(live.branding.colors.primary).toBe(tenant.branding.colors.primary);
    const current = await t.client(tenant.slug).get('/api/tenant/current');
    expect(current.body.tenant.branding.colors.primary).toBe(tenant.branding.colors.primary);
  });

  it('null clears an optional field; a required one cannot be cleared', async () => {
    const { tenant, agent } = await freshTenant();
    const cleared = await agent.put(path(tenant)).send({ company: { supportPhone: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.draft.company.supportPhone).toBeUndefined();
    const refused = await agent.put(path(tenant)).send({ company: { displayName: null } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields['company.displayName']).toBeTruthy();
  });

  it.each([
    ['colors.primary', { colors: { primary: 'red;}body{display:none}' } }],
    ['colors.background', { colors: { background: 'rgb(0,0,0)' } }],
    ['typography.fontFamily', { typography: { fontFamily: 'Arial; } body { display:none' } }],
    ['typography.headingFont', { typography: { headingFont: '"Comic Neue", sans-serif' } }],
    ['logo.url', { logo: { url: 'javascript:alert(1)' } }],
    ['company.website', { company: { website: 'ftp://example.com' } }],
    ['company.supportEmail', { company: { supportEmail: 'not an email' } }],
    ['colors', { colors: { primray: '#123456' } }],
    ['portal', { portal: { enableCustomDomain: true } }],
  ])('a hostile or mistyped value → 400 naming %s, nothing saved', async (field, patch) => {
    const { tenant, agent } = await freshTenant();
    const res = await agent.put(path(tenant)).send({ company: { displayName: 'Changed too' }, ...patch });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(await BrandingDraftModel.findById(tenant._id)).toBeNull();
  });

  it.each([
    ['</style><script>', 'p { color: red } </style><script>alert(1)</script>', /could not be read/],
    ['@import', "@import url('https://evil.example/x.css'); h1 { color: #123456 }", /@import/],
    ['url(https://…)', 'p { background: url(https://evil.example/t.gif); color: red }', /loads a file/],
    ['expression()', 'p { width: expression(alert(1)) }', /run code/],
    ['a script in a string', 'p { font-family: "</style><script>alert(1)</script>" }', /style element/],
  ])('custom CSS with %s → 400 on portal.customCSS saying why, nothing saved', async (_name, css, why) => {
    const { tenant, agent } = await freshTenant();
    const res = await agent.put(path(tenant)).send({ colors: { primary: '#0f766e' }, portal: { customCSS: css } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields['portal.customCSS']).toMatch(why);
    expect(await BrandingDraftModel.findById(tenant._id)).toBeNull();
  });

  it('custom CSS with merely unsupported rules is saved, and the answer lists each dropped rule and why', async () => {
    const { tenant, agent } = await freshTenant();
    const css =
      'h1 { color: #123456; position: fixed }\n@keyframes spin { from { color: red } }\np { color: red !important }';
    const res = await agent.put(path(tenant)).send({ portal: { customCSS: css } });
    expect(res.status).toBe(200);
    const { customCss } = ZBrandingDraftResponse.parse(res.body);
    expect(customCss.css).toContain('.portal-root h1 { color: #123456 }');
    expect(customCss.rejected.map((r) => [r.line, r.rule])).toEqual([
      [1, 'position: fixed'],
      [2, '@keyframes spin'],
      [3, 'color: red !important'],
    ]);
    expect(customCss.rejected[0]!.reason).toMatch(/not a property custom CSS may set/);
    expect(customCss.rejected.every((r) => !r.hostile)).toBe(true);
  });

  it('a failing palette may be saved as a draft; the answer carries the contrast report with a suggestion', async () => {
    // Sky blue: near-black button text reads on it, but as a link on the light background it does not.
    const { tenant, agent } = await freshTenant();
    const res = await agent.put(path(tenant)).send({ colors: { primary: '#7dd3fc' } });
    expect(res.status).toBe(200);
    const { contrast } = ZBrandingDraftResponse.parse(res.body);
    expect(contrast.pass).toBe(false);
    const primary = contrast.light.failing.find((f) => f.field === 'primary')!;
    expect(primary.checks).toEqual(['links']);
    expect(primary.suggestion).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('records who changed which fields in the audit log', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.put(path(tenant)).send({ colors: { accent: '#b45309' }, company: { supportHours: 'Mon–Fri 9–5' } });
    const rows = await AuditEntryModel.find({ tenantId: tenant._id, action: 'branding.draft' }).lean();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor!.email).toBe(`admin@${tenant.slug}.example`);
    expect(rows[0]!.summary).toBe('Draft: colors.accent, company.supportHours');
  });
});

describe('GET /api/tenant/:tenantId/branding/draft', () => {
  it('anonymous → 401; customers → 404; another tenant → 404', async () => {
    expect((await t.client('brd-blue').get(path(blue, '/draft'))).status).toBe(401);
    const customer = await signInAsCustomer(t, t.client('brd-blue'), blue, await createCustomer(blue));
    expect((await customer.get(path(blue, '/draft'))).status).toBe(404);
    expect((await (await admin(green)).get(path(blue, '/draft'))).status).toBe(404);
  });

  it('staff of the tenant may read the draft (for the preview), never cached', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.put(path(tenant)).send({ colors: { primary: '#0f766e' } });
    const staff = await signInAsStaff(t, t.client(tenant.slug), tenant, 'staff');
    const res = await staff.get(path(tenant, '/draft'));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.draft.colors.primary).toBe('#0f766e');
  });
});

describe('GET /api/tenant/:tenantId/branding', () => {
  it('answers the public subset to anyone: no raw custom CSS, only the built stylesheet', async () => {
    const { tenant, agent } = await freshTenant();
    await agent.put(path(tenant)).send({ portal: { customCSS: 'h1 { color: #123456; position: fixed }' } });
    await agent.post(path(tenant, '/publish')).send({});
    const res = await t.client(tenant.slug).get(path(tenant));
    expect(res.status).toBe(200);
    expect(res.body.branding.portal.customCSS).toBeUndefined();
    expect(res.body.customCss).toBe('.portal-root h1 { color: #123456 }');
    expect(res.body.version).toBe(2);
  });

  it("another tenant's id on this host → 404", async () => {
    expect((await t.client('brd-blue').get(path(green))).status).toBe(404);
  });
});
