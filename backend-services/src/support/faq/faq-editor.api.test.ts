import { describe, expect, it } from 'vitest';
import { ZFaqPreviewResponse, ZStaffFaqArticleDetail } from '@wisp/shared';
import type { TestApp } from '../../../test/harness.ts';
import { twoTenantWorld } from '../../../test/kit.ts';
import { signInAsStaff } from '../../../test/sessions.ts';
import { anonymousClient } from '../../tickets/ticket-test-kit.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { AuditEntryModel } from '../../audit/audit.model.ts';
import { FaqArticleModel } from './faq-article.model.ts';
import { renderArticleHtml } from './markdown.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('faqed', (w) => ({ t, blue, green } = w));

const draft = (slug: string) => ({
  kind: 'faq',
  category: 'Wi-Fi',
  title: 'Move the router up high',
  slug,
  bodyMarkdown: '## Placement\n\nPut it **high**, away from the microwave.',
  published: false,
  order: 3,
});

describe('POST /api/support/faq/preview', () => {
  it('anonymous → 401', async () => {
    const res = await anonymousClient(t, 'faqed-blue').post('/api/support/faq/preview').send({ bodyMarkdown: 'x' });
    expect(res.status).toBe(401);
  });

  it('renders with the very sanitiser the portal uses (script, handlers and javascript: links gone)', async () => {
    const staff = await signInAsStaff(t, t.client('faqed-blue'), blue);
    const markdown =
      '## Hi\n\nSome **bold** text.\n\n<script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(2))';
    const res = await staff.post('/api/support/faq/preview').send({ bodyMarkdown: markdown }).expect(200);
    const { html } = ZFaqPreviewResponse.parse(res.body);
    expect(html).toBe(renderArticleHtml(markdown));
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toMatch(/<script|<img|onerror=|href="javascript:/i);
  });
});

describe('GET /api/support/faq/:slug', () => {
  it('anonymous → 401', async () => {
    expect((await t.client('faqed-blue').get('/api/support/faq/anything')).status).toBe(401);
  });

  it('another tenant → 404', async () => {
    const staff = await signInAsStaff(t, t.client('faqed-blue'), blue);
    await staff.post('/api/support/faq').send(draft('blue-only')).expect(201);
    const other = await signInAsStaff(t, t.client('faqed-green'), green);
    expect((await other.get('/api/support/faq/blue-only')).status).toBe(404);
  });

  it('staff open a draft with its Markdown, order and published flag', async () => {
    const staff = await signInAsStaff(t, t.client('faqed-blue'), blue);
    await staff.post('/api/support/faq').send(draft('router-high')).expect(201);
    const { article } = ZStaffFaqArticleDetail.parse(
      (await staff.get('/api/support/faq/router-high').expect(200)).body,
    );
    expect(article).toMatchObject({ slug: 'router-high', published: false, order: 3, category: 'Wi-Fi' });
    expect(article.bodyMarkdown).toContain('Put it **high**');
    expect(article.html).toContain('<strong>high</strong>');
  });
});

describe('DELETE /api/support/faq/:slug', () => {
  it('anonymous → 401', async () => {
    expect((await anonymousClient(t, 'faqed-blue').delete('/api/support/faq/x')).status).toBe(401);
  });

  it('another tenant’s staff cannot delete it: the article stays', async () => {
    const staff = await signInAsStaff(t, t.client('faqed-blue'), blue);
    await staff.post('/api/support/faq').send(draft('stays-put')).expect(201);
    const other = await signInAsStaff(t, t.client('faqed-green'), green);
    await other.delete('/api/support/faq/stays-put').expect(200);
    expect(await FaqArticleModel.countDocuments({ tenantId: blue._id, slug: 'stays-put' })).toBe(1);
  });

  it('deletes the article (audited); the portal no longer finds it; deleting again answers the same', async () => {
    const staff = await signInAsStaff(t, t.client('faqed-blue'), blue);
    await staff
      .post('/api/support/faq')
      .send({ ...draft('gone-soon'), published: true })
      .expect(201);
    expect((await t.client('faqed-blue').get('/api/customer-portal/support/faq/gone-soon')).status).toBe(200);
    expect((await staff.delete('/api/support/faq/gone-soon').expect(200)).body).toEqual({ deleted: true });
    expect((await t.client('faqed-blue').get('/api/customer-portal/support/faq/gone-soon')).status).toBe(404);
    expect((await staff.delete('/api/support/faq/gone-soon').expect(200)).body).toEqual({ deleted: true });
    const actions = (await AuditEntryModel.find({ tenantId: blue._id, 'target.id': 'gone-soon' }).lean()).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(['faq.create', 'faq.delete']);
  });
});
