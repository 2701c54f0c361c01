import { beforeAll, describe, expect, it } from 'vitest';
import { ZFaqList, ZIntakeResponse, ZStatusPage } from '@wisp/shared';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { FaqArticleModel } from '../support/faq/faq-article.model.ts';
import { IncidentModel } from '../support/incidents/incident.model.ts';
import { DEMO_TENANTS } from './demo-tenants.ts';
import { seedDemoSupport } from './demo-support.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
const [prairie, summit] = DEMO_TENANTS as [(typeof DEMO_TENANTS)[number], (typeof DEMO_TENANTS)[number]];

twoTenantWorld('seedsup', (w) => ({ t, blue, green } = w));
beforeAll(async () => {
  for (let run = 0; run < 2; run++) {
    await seedDemoSupport(prairie, String(blue._id));
    await seedDemoSupport(summit, String(green._id));
  }
});

describe('demo support seed', () => {
  it('is idempotent: a second run leaves the same number of entries and incidents', async () => {
    expect(await FaqArticleModel.countDocuments({ tenantId: blue._id })).toBe(11);
    expect(await IncidentModel.countDocuments({ tenantId: blue._id })).toBe(3);
    expect(await IncidentModel.countDocuments({ tenantId: green._id })).toBe(3);
  });

  it('publishes FAQ entries and guides in several categories, hides the draft, and differs per tenant', async () => {
    const b = ZFaqList.parse((await t.client('seedsup-blue').get('/api/customer-portal/support/faq')).body);
    const g = ZFaqList.parse((await t.client('seedsup-green').get('/api/customer-portal/support/faq')).body);
    expect(b.total).toBe(10);
    expect(b.categories.length).toBeGreaterThanOrEqual(3);
    expect(b.categories.flatMap((c) => c.entries).filter((e) => e.kind === 'article')).toHaveLength(2);
    const slugsB = b.categories.flatMap((c) => c.entries.map((e) => e.slug));
    const slugsG = g.categories.flatMap((c) => c.entries.map((e) => e.slug));
    expect(slugsB.filter((s) => slugsG.includes(s))).toEqual([]);
  });

  it('has one current outage, one planned maintenance and one recently resolved incident', async () => {
    const page = ZStatusPage.parse((await t.client('seedsup-blue').get('/api/customer-portal/support/status')).body);
    expect([page.current.length, page.plannedMaintenance.length, page.recentlyResolved.length]).toEqual([1, 1, 1]);
    expect(page.current[0]!.affectedAreas).toEqual([prairie.sites[0]!.name]);
  });

  it('a customer on the first site (demo customers 1 and 2) sees the outage at ticket intake', async () => {
    const customer = await createCustomer(blue, { siteId: prairie.sites[0]!.siteId });
    const agent = await signInAsCustomer(t, t.client('seedsup-blue'), blue, customer);
    const body = ZIntakeResponse.parse(
      (await agent.get('/api/customer-portal/service/intake?category=no-connection')).body,
    );
    expect(body.incident?.status).toBe('identified');
    expect(body.incident?.eta).toBeTruthy();
  });
});
