import { beforeAll, describe, expect, it } from 'vitest';
import { ZStatusPage } from '@wisp/shared';
import type { TestApp } from '../../../test/harness.ts';
import { useTestApp } from '../../../test/kit.ts';
import { createTenant } from '../../../test/factories.ts';
import { incidentFor as incident, NOW as now } from '../../../test/incident-factory.ts';
import { TenantModel, type TTenantDoc } from '../../tenants/tenant.model.ts';

let t: TestApp;
let green: TTenantDoc;
const DAY = 86_400_000;

useTestApp((app) => (t = app));
beforeAll(async () => {
  green = await createTenant({ slug: 'page-green', like: 'summitridge' });
});

describe('GET /api/customer-portal/support/status', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const tenant = await createTenant({ slug: 'inc-page' });
    ids = {
      current: await incident(tenant, {
        title: 'North tower down',
        status: 'identified',
        eta: new Date(now + 2 * 3600_000),
      }),
      recent: await incident(tenant, {
        title: 'Fiber cut last week',
        status: 'resolved',
        startedAt: new Date(now - 7 * DAY),
        resolvedAt: new Date(now - 6 * DAY),
      }),
      old: await incident(tenant, {
        title: 'Ancient outage',
        status: 'resolved',
        startedAt: new Date(now - 30 * DAY),
        resolvedAt: new Date(now - 29 * DAY),
      }),
      planned: await incident(tenant, {
        kind: 'maintenance',
        title: 'Radio firmware upgrade',
        status: 'investigating',
        scheduledStart: new Date(now + 7 * DAY),
        scheduledEnd: new Date(now + 7 * DAY + 2 * 3600_000),
        startedAt: new Date(now + 7 * DAY),
      }),
      inWindow: await incident(tenant, {
        kind: 'maintenance',
        title: 'Tower repaint',
        status: 'identified',
        scheduledStart: new Date(now - 3600_000),
        scheduledEnd: new Date(now + 3600_000),
      }),
    };
    await incident(green, { title: 'GREEN-ONLY outage' });
  });

  it('is public within the tenant; an unknown tenant → 404', async () => {
    expect((await t.client('inc-page').get('/api/customer-portal/support/status')).status).toBe(200);
    expect((await t.client('no-such-tenant-x').get('/api/customer-portal/support/status')).status).toBe(404);
  });

  it('shows current incidents with timeline, planned maintenance, and resolved ones of the last 14 days only', async () => {
    const res = await t.client('inc-page').get('/api/customer-portal/support/status');
    const page = ZStatusPage.parse(res.body);
    expect(page.current.map((i) => i.id).sort()).toEqual([ids.current, ids.inWindow].sort());
    expect(page.plannedMaintenance.map((i) => i.id)).toEqual([ids.planned]);
    expect(page.recentlyResolved.map((i) => i.id)).toEqual([ids.recent]);
    const current = page.current.find((i) => i.id === ids.current)!;
    expect(current).toMatchObject({ title: 'North tower down', status: 'identified', affectedAreas: ['North Tower'] });
    expect(current.updates[0]!.message).toBe('We are looking into it.');
    expect(res.text).not.toContain('Ancient outage');
    expect(res.text).not.toContain('INC-SITE-A'); // site ids are internal; areas are what the page shows
  });

  it('never shows another tenant’s incidents', async () => {
    const res = await t.client('inc-page').get('/api/customer-portal/support/status');
    expect(res.text).not.toContain('GREEN-ONLY');
  });

  it('answers 404 when the tenant switched the status page off', async () => {
    const off = await createTenant({ slug: 'inc-off' });
    await TenantModel.updateOne({ _id: off._id }, { $set: { 'branding.features.enableServiceStatus': false } });
    expect((await t.client('inc-off').get('/api/customer-portal/support/status')).status).toBe(404);
  });
});
