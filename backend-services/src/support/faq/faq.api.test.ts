import { beforeAll, describe, expect, it } from 'vitest';
import { ZFaqArticle, ZFaqList, ZStaffFaqArticleResponse, ZStaffFaqList } from '@wisp/shared';
import type { TestApp } from '../../../test/harness.ts';
import { twoTenantWorld } from '../../../test/kit.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../../test/sessions.ts';
import { TenantModel, type TTenantDoc } from '../../tenants/tenant.model.ts';
import { FaqArticleModel } from './faq-article.model.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;

async function article(tenant: TTenantDoc, slug: string, fields: Record<string, unknown> = {}) {
  await FaqArticleModel.create({
    tenantId: tenant._id,
    kind: 'faq',
    category: 'Connection',
    title: slug,
    slug,
    bodyMarkdown: 'Body',
    published: true,
    ...fields,
  });
}

async function tenantWithFeatures(slug: string, features: Record<string, boolean>) {
  const tenant = await createTenant({ slug });
  const set = Object.fromEntries(Object.entries(features).map(([k, v]) => [`branding.features.${k}`, v]));
  await TenantModel.updateOne({ _id: tenant._id }, { $set: set });
  return tenant;
}

twoTenantWorld('faq', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  await article(blue, 'reboot-radio', {
    title: 'How do I reboot my radio?',
    bodyMarkdown: 'Unplug the **PoE injector** for 30 seconds.',
    order: 1,
  });
  await article(blue, 'slow-evenings', {
    title: 'Why is my internet slow in the evening?',
    bodyMarkdown: 'Evening peak. Try to reboot the router too.',
    order: 2,
  });
  await article(blue, 'trees', {
    category: 'Installation',
    title: 'Do trees block the signal?',
    bodyMarkdown: 'Yes: leaves absorb 5 GHz. Line of sight matters.',
  });
  await article(blue, 'pay-bill', {
    category: 'Billing',
    title: 'How do I pay my bill?',
    bodyMarkdown: 'Pay online or by phone.',
  });
  await article(blue, 'kb-aiming', {
    kind: 'article',
    category: 'Guides',
    title: 'Aiming guide',
    bodyMarkdown: '## Aiming\n\nUse the **alignment tool**. <script>alert(1)</script>[tool](https://example.com/tool)',
  });
  await article(blue, 'draft-price-rise', {
    category: 'Billing',
    title: 'Upcoming price rise (draft)',
    bodyMarkdown: 'SECRET-DRAFT prices go up',
    published: false,
  });
  await article(green, 'green-only', {
    title: 'Snow on the dish reboot',
    bodyMarkdown: 'GREEN-TENANT content about reboot',
  });
});

const list = (slug: string, query = '') => t.client(slug).get(`/api/customer-portal/support/faq${query}`);

describe('GET /api/customer-portal/support/faq', () => {
  it('is public within the tenant: anonymous visitors get the published list (people locked out need it)', async () => {
    const res = await list('faq-blue');
    expect(res.status).toBe(200);
    const body = ZFaqList.parse(res.body);
    expect(body.total).toBe(5);
  });

  it('an unknown tenant → 404', async () => {
    expect((await list('no-such-tenant-here')).status).toBe(404);
  });

  it('groups by category and never lists unpublished entries or another tenant’s', async () => {
    const res = await list('faq-blue');
    const body = ZFaqList.parse(res.body);
    expect(body.categories.map((c) => c.category)).toEqual(['Billing', 'Connection', 'Guides', 'Installation']);
    expect(body.categories.find((c) => c.category === 'Connection')!.entries.map((e) => e.slug)).toEqual([
      'reboot-radio',
      'slow-evenings',
    ]);
    expect(res.text).not.toContain('draft-price-rise');
    expect(res.text).not.toContain('SECRET-DRAFT');
    expect(res.text).not.toContain('green-only');
  });

  it('a signed-in customer gets the same list', async () => {
    const agent = await signInAsCustomer(t, t.client('faq-blue'), blue, await createCustomer(blue));
    expect(ZFaqList.parse((await agent.get('/api/customer-portal/support/faq')).body).total).toBe(5);
  });

  it('search matches title and body and ranks title matches first', async () => {
    const body = ZFaqList.parse((await list('faq-blue', '?q=reboot')).body);
    const slugs = body.categories.flatMap((c) => c.entries.map((e) => e.slug));
    expect(slugs).toEqual(['reboot-radio', 'slow-evenings']);
  });

  it('search never finds unpublished entries, even by their exact words', async () => {
    const res = await list('faq-blue', '?q=SECRET-DRAFT');
    expect(ZFaqList.parse(res.body).total).toBe(0);
    expect((await list('faq-blue', '?q=price rise')).body.total).toBe(0);
  });

  it('search stays within the tenant', async () => {
    const body = ZFaqList.parse((await list('faq-blue', '?q=GREEN-TENANT')).body);
    expect(body.total).toBe(0);
  });

  it('filters by category', async () => {
    const body = ZFaqList.parse((await list('faq-blue', '?category=Billing')).body);
    expect(body.categories.flatMap((c) => c.entries.map((e) => e.slug))).toEqual(['pay-bill']);
  });

  // Expected slugs: a metacharacter is matched as itself ("?" is in question titles, "*" in **bold**).
  it.each([
    ['.*', []],
    ['(a+)+$', []],
    ['[', ['kb-aiming']],
    ['\\', []],
    ['*', ['reboot-radio', 'kb-aiming']],
    ['?', ['pay-bill', 'trees', 'reboot-radio', 'slow-evenings']],
    ['${', []],
    ['(?i)', []],
    ['^$|', []],
    ['\u0000', []],
  ])('the hostile search %j is matched literally: 200, never 500', async (q, expected) => {
    const res = await list('faq-blue', `?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const slugs = ZFaqList.parse(res.body).categories.flatMap((c) => c.entries.map((e) => e.slug));
    expect(slugs.sort()).toEqual([...expected].sort());
  });

  it('a 10 kB search answers 400 with a field error, fast', async () => {
    const started = Date.now();
    const res = await list('faq-blue', `?q=${'a'.repeat(10_000)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.q).toBeTruthy();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a 10 kB pathological pattern answers 400 fast, never 500', async () => {
    const started = Date.now();
    // Sent unencoded (10.2 kB), so it reaches the app rather than Node's header-size limit.
    const res = await list('faq-blue', `?q=${'(a+)+$'.repeat(1700)}`);
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a repeated q (an array) is a 400, not a crash', async () => {
    const res = await list('faq-blue', '?q=a&q=b');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.q).toBeTruthy();
  });
});

describe('GET /api/customer-portal/support/faq/:slug', () => {
  it('anonymous visitors may read a published entry', async () => {
    const res = await t.client('faq-blue').get('/api/customer-portal/support/faq/reboot-radio');
    expect(res.status).toBe(200);
    expect(ZFaqArticle.parse(res.body).html).toContain('<strong>PoE injector</strong>');
  });

  it('an unpublished entry → 404', async () => {
    const res = await t.client('faq-blue').get('/api/customer-portal/support/faq/draft-price-rise');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('SECRET-DRAFT');
  });

  it('another tenant’s entry → 404', async () => {
    expect((await t.client('faq-blue').get('/api/customer-portal/support/faq/green-only')).status).toBe(404);
  });

  it('a malformed slug → 404', async () => {
    expect(
      (await t.client('faq-blue').get(`/api/customer-portal/support/faq/${encodeURIComponent('../x$')}`)).status,
    ).toBe(404);
  });

  it('renders the Markdown body to sanitised HTML: no script, links with rel="noopener noreferrer nofollow"', async () => {
    const body = ZFaqArticle.parse((await t.client('faq-blue').get('/api/customer-portal/support/faq/kb-aiming')).body);
    expect(body.kind).toBe('article');
    expect(body.html).toContain('<h2>Aiming</h2>');
    expect(body.html).not.toContain('<script');
    expect(body.html).toContain('<a href="https://example.com/tool" rel="noopener noreferrer nofollow">tool</a>');
  });
});

describe('feature toggles', () => {
  it('with FAQ and knowledge base both off, the list and the entries answer 404', async () => {
    const off = await tenantWithFeatures('faq-off', { enableFAQ: false, enableKnowledgeBase: false });
    await article(off, 'hidden-faq');
    expect((await list('faq-off')).status).toBe(404);
    expect((await t.client('faq-off').get('/api/customer-portal/support/faq/hidden-faq')).status).toBe(404);
  });

  it.each([
    {
      off: 'knowledge base',
      slug: 'faq-nokb',
      features: { enableKnowledgeBase: false } as Record<string, boolean>,
      gone: { slug: 'kb-gone', kind: 'article' },
      stays: { slug: 'still-here', kind: 'faq' },
    },
    {
      off: 'FAQ',
      slug: 'faq-nofaq',
      features: { enableFAQ: false } as Record<string, boolean>,
      gone: { slug: 'faq-gone', kind: 'faq' },
      stays: { slug: 'kb-stays', kind: 'article' },
    },
  ])('with the $off off, its entries vanish from the list and answer 404; the other kind remains', async (c) => {
    const tenant = await tenantWithFeatures(c.slug, c.features);
    await article(tenant, c.stays.slug, { kind: c.stays.kind });
    await article(tenant, c.gone.slug, { kind: c.gone.kind });
    const body = ZFaqList.parse((await list(c.slug)).body);
    expect(body.categories.flatMap((cat) => cat.entries.map((e) => e.slug))).toEqual([c.stays.slug]);
    expect((await t.client(c.slug).get(`/api/customer-portal/support/faq/${c.gone.slug}`)).status).toBe(404);
  });
});

describe('POST/PUT /api/support/faq (staff)', () => {
  const input = {
    kind: 'faq',
    category: 'Connection',
    title: 'What does the blinking LED mean?',
    slug: 'blinking-led',
    bodyMarkdown: 'It is searching for the tower.',
    published: false,
  };

  it('anonymous → 401', async () => {
    const res = await t
      .client('faq-blue')
      .post('/api/support/faq')
      .set('X-CSRF-Token', 'x')
      .set('Cookie', 'wisp_csrf=x')
      .send(input);
    expect(res.status).toBe(401);
    expect((await t.client('faq-blue').get('/api/support/faq')).status).toBe(401);
  });

  it('a customer → 404', async () => {
    const agent = await signInAsCustomer(t, t.client('faq-blue'), blue, await createCustomer(blue));
    expect((await agent.post('/api/support/faq').send(input)).status).toBe(404);
  });

  it('staff of another tenant cannot edit this tenant’s entry (404)', async () => {
    const agent = await signInAsStaff(t, t.client('faq-green'), green);
    expect((await agent.put('/api/support/faq/reboot-radio').send({ ...input, slug: 'reboot-radio' })).status).toBe(
      404,
    );
  });

  it('staff create a draft (hidden from customers), publish it, and a duplicate slug is a field error', async () => {
    const agent = await signInAsStaff(t, t.client('faq-blue'), blue);
    expect((await agent.post('/api/support/faq').send(input)).status).toBe(201);
    expect((await t.client('faq-blue').get('/api/customer-portal/support/faq/blinking-led')).status).toBe(404);
    expect((await agent.put('/api/support/faq/blinking-led').send({ ...input, published: true })).status).toBe(200);
    expect((await t.client('faq-blue').get('/api/customer-portal/support/faq/blinking-led')).status).toBe(200);
    const staffList = (await agent.get('/api/support/faq')).body.articles as { slug: string; published: boolean }[];
    expect(staffList.find((a) => a.slug === 'draft-price-rise')?.published).toBe(false);
    expect(JSON.stringify(staffList)).not.toContain('green-only');
    const dup = await agent.post('/api/support/faq').send(input);
    expect(dup.status).toBe(400);
    expect(dup.body.error.fields.slug).toBeTruthy();
  });
});

describe('staff FAQ response contract', () => {
  it('list, create and update match the shared staff schemas exactly', async () => {
    const input = { category: 'Wi-Fi', title: 'Contract entry', bodyMarkdown: 'Body.' };
    const agent = await signInAsStaff(t, t.client('faq-blue'), blue);
    const created = await agent
      .post('/api/support/faq')
      .send({ ...input, slug: 'contract-entry' })
      .expect(201);
    const updated = await agent
      .put('/api/support/faq/contract-entry')
      .send({ ...input, slug: 'contract-entry' })
      .expect(200);
    for (const res of [created, updated]) expect(() => ZStaffFaqArticleResponse.strict().parse(res.body)).not.toThrow();
    const list = await agent.get('/api/support/faq');
    expect(() => ZStaffFaqList.strict().parse(list.body)).not.toThrow();
  });
});
