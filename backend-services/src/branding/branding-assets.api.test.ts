import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createTenant } from '../../test/factories.ts';
import { signInAsStaff } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { AuditEntryModel } from '../audit/audit.model.ts';
import { BrandingAssetModel, BrandingDraftModel } from './branding.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('bra', (w) => ({ t, blue, green } = w));

const path = (tenant: TTenantDoc, rest = '') => `/api/tenant/${String(tenant._id)}/branding${rest}`;
const admin = (tenant: TTenantDoc) => signInAsStaff(t, t.client(tenant.slug), tenant, 'admin');
const freshTenant = async () => {
  const tenant = await createTenant();
  return { tenant, agent: await admin(tenant) };
};
const image = (format: 'png' | 'jpeg' | 'webp', width = 1200, height = 300) => {
  const canvas = sharp({ create: { width, height, channels: 4, background: { r: 20, g: 80, b: 200, alpha: 1 } } });
  return canvas.toFormat(format).toBuffer();
};
/** Fetches an asset URL through the app, as the portal's <img> would, and reads its size. */
const fetchAsset = async (tenant: TTenantDoc, url: string) => {
  const res = await t
    .client(tenant.slug)
    .get(url)
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const meta = res.status === 200 ? await sharp(res.body as Buffer).metadata() : null;
  return { res, meta };
};

const CLEAN_SVG =
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" viewBox="0 0 200 50"><defs><linearGradient id="g"><stop offset="0" stop-color="#0f766e"/></linearGradient></defs><rect width="200" height="50" fill="url(#g)"/></svg>';

describe('POST /api/tenant/:tenantId/branding/logo', () => {
  it("staff and another tenant's admin → 404", async () => {
    const staff = await signInAsStaff(t, t.client('bra-blue'), blue, 'staff');
    const png = await image('png');
    expect((await staff.post(path(blue, '/logo')).attach('file', png, 'logo.png')).status).toBe(404);
    expect((await (await admin(green)).post(path(blue, '/logo')).attach('file', png, 'logo.png')).status).toBe(404);
    expect(await BrandingAssetModel.countDocuments({ tenantId: blue._id })).toBe(0);
  });

  it.each(['png', 'jpeg', 'webp'] as const)(
    'a %s logo becomes a header image and an email PNG in the draft, served immutable by content hash',
    async (format) => {
      const { tenant, agent } = await freshTenant();
      const res = await agent.post(path(tenant, '/logo')).attach('file', await image(format), `logo.${format}`);
      expect(res.status).toBe(201);
      const { header, email } = res.body.uploaded as { header: string; email: string };
      expect(header).toMatch(new RegExp(`^/api/tenant/${String(tenant._id)}/branding/assets/[a-f0-9]{32}\\.png$`));
      expect(res.body.draft.logo).toMatchObject({ url: header, emailUrl: email });
      const served = await fetchAsset(tenant, header);
      expect(served.res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(served.res.headers['content-type']).toBe('image/png');
      expect(served.meta).toMatchObject({ format: 'png', width: 384, height: 96 });
      expect((await fetchAsset(tenant, email)).meta).toMatchObject({ format: 'png', width: 300, height: 75 });
    },
  );

  it('the uploaded logo is only in the draft until published', async () => {
    const { tenant, agent } = await freshTenant();
    const res = await agent.post(path(tenant, '/logo')).attach('file', await image('png'), 'logo.png');
    const live = await t.client(tenant.slug).get('/api/tenant/current');
    expect(live.body.tenant.branding.logo.url).not.toBe(res.body.uploaded.header);
    await agent.post(path(tenant, '/publish')).send({});
    const after = await t.client(tenant.slug).get('/api/tenant/current');
    expect(after.body.tenant.branding.logo.url).toBe(res.body.uploaded.header);
    const audit = await AuditEntryModel.find({ tenantId: tenant._id, action: 'branding.logo' }).lean();
    expect(audit).toHaveLength(1);
  });

  it('a clean SVG is rasterised: every variant is a PNG, the SVG itself is never served', async () => {
    const { tenant, agent } = await freshTenant();
    const res = await agent.post(path(tenant, '/logo')).attach('file', Buffer.from(CLEAN_SVG), 'logo.svg');
    expect(res.status).toBe(201);
    const served = await fetchAsset(tenant, res.body.uploaded.header);
    expect(served.meta?.format).toBe('png');
    expect(served.res.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it.each([
    ['an SVG with a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', /script/],
    ['an SVG with an event handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', /event handlers/],
    [
      'an SVG loading an external image',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://evil.example/t.png"/></svg>',
      /other files or addresses/,
    ],
    [
      'an SVG with an entity',
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
      /entities/,
    ],
    [
      'an HTML file named .png',
      '<!doctype html><html><body><script>alert(1)</script></body></html>',
      /HTML, not an image/,
    ],
    ['plain text named .png', 'just some words', /not a PNG, JPEG, WebP or SVG/],
  ])('%s → 400 naming the file, nothing stored', async (_name, content, why) => {
    const { tenant, agent } = await freshTenant();
    const res = await agent.post(path(tenant, '/logo')).attach('file', Buffer.from(content), 'logo.png');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.file).toMatch(why);
    expect(await BrandingAssetModel.countDocuments({ tenantId: tenant._id })).toBe(0);
    expect(await BrandingDraftModel.findById(tenant._id)).toBeNull();
  });

  it('a GIF → 400: only PNG, JPEG, WebP and SVG are logos', async () => {
    const { tenant, agent } = await freshTenant();
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    const res = await agent.post(path(tenant, '/logo')).attach('file', gif, 'logo.png');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.file).toMatch(/image\/gif/);
  });

  it('a 30 MB image → 413 in the error envelope naming the file, nothing stored', async () => {
    const { tenant, agent } = await freshTenant();
    const big = Buffer.concat([await image('png', 64, 64), Buffer.alloc(30 * 1024 * 1024)]);
    const res = await agent.post(path(tenant, '/logo')).attach('file', big, 'huge.png');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      fields: { file: expect.stringMatching(/5 MB/) },
    });
    expect(await BrandingAssetModel.countDocuments({ tenantId: tenant._id })).toBe(0);
  });

  it('no file → 400 on file', async () => {
    const { tenant, agent } = await freshTenant();
    const res = await agent.post(path(tenant, '/logo')).field('note', 'x');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.file).toBeTruthy();
  });
});

describe('POST /api/tenant/:tenantId/branding/favicon', () => {
  it('makes 32, 180 and 512 px square icons, and the web manifest lists them once published', async () => {
    const { tenant, agent } = await freshTenant();
    const res = await agent.post(path(tenant, '/favicon')).attach('file', await image('png', 400, 200), 'icon.png');
    expect(res.status).toBe(201);
    const { icon32, icon180, icon512 } = res.body.uploaded as { icon32: string; icon180: string; icon512: string };
    for (const [url, px] of [
      [icon32, 32],
      [icon180, 180],
      [icon512, 512],
    ] as const)
      expect((await fetchAsset(tenant, url)).meta).toMatchObject({ width: px, height: px, hasAlpha: true });
    expect(res.body.draft.logo).toMatchObject({ favicon: icon32, touchIcon: icon180, icon512 });
    await agent.post(path(tenant, '/publish')).send({});
    const manifest = await t.client(tenant.slug).get(path(tenant, '/manifest.webmanifest'));
    expect(manifest.headers['content-type']).toMatch(/application\/manifest\+json/);
    const body = JSON.parse(manifest.text);
    expect(body).toMatchObject({
      name: tenant.branding.company.displayName,
      theme_color: tenant.branding.colors.primary,
    });
    expect(body.icons.map((i: { src: string }) => i.src)).toEqual([icon180, icon512, icon32]);
  });
});

describe('GET /api/tenant/:tenantId/branding/assets/:file', () => {
  it("another tenant's host cannot fetch this tenant's image; an unknown or malformed name → 404", async () => {
    const { tenant, agent } = await freshTenant();
    const res = await agent.post(path(tenant, '/logo')).attach('file', await image('png'), 'logo.png');
    const url = res.body.uploaded.header as string;
    expect((await t.client('bra-green').get(url)).status).toBe(404);
    const otherId = url.replace(String(tenant._id), String(green._id));
    expect((await t.client('bra-green').get(otherId)).status).toBe(404);
    expect((await t.client(tenant.slug).get(path(tenant, `/assets/${'0'.repeat(32)}.png`))).status).toBe(404);
    expect((await t.client(tenant.slug).get(path(tenant, '/assets/..%2f..%2fetc.png'))).status).toBe(404);
  });
});
