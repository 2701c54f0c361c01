import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { useTestApp } from '../../../test/kit.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { browser } from '../../../test/portal-accounts.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import { OutboxMessageModel } from '../../notifications/outbox.model.ts';
import { openCustomerStream } from '../../tickets/ticket-test-kit.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
let t: TestApp;
let blue: TTenantDoc;
let alice: TCustomerDoc;
useTestApp((app) => (t = app), { METRICS_TOKEN: TOKEN });
beforeAll(async () => {
  blue = await createTenant({ slug: 'metrics-blue' });
  alice = await createCustomer(blue);
});

/** A request straight to the process, as a scraper beside it would send (supertest always adds a Host only). */
const scrape = (headers: Record<string, string> = {}) => t.client(null).get('/api/metrics').set(headers);

/** The value of one series in the exposition text, or undefined. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' ') || l.startsWith(series + '{'));
  return line ? Number(line.split(' ').pop()) : undefined;
}

describe('GET /api/metrics', () => {
  it('a direct peer on loopback gets the Prometheus text', async () => {
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('anything passed on by a proxy (X-Forwarded-For, Forwarded) → 404 like any unknown path, unless it carries the token', async () => {
    const proxied: Record<string, string>[] = [{ 'X-Forwarded-For': '203.0.113.7' }, { Forwarded: 'for=203.0.113.7' }];
    for (const headers of proxied) {
      const res = await scrape(headers);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
    expect(
      (await scrape({ 'X-Forwarded-For': '203.0.113.7', Authorization: 'Bearer wrong-token-0123456789ab' })).status,
    ).toBe(404);
    expect((await scrape({ 'X-Forwarded-For': '203.0.113.7', Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('request duration is labelled by route template and status, never by raw path', async () => {
    await t.client('metrics-blue').get('/api/tenant/current').expect(200);
    await t.client('metrics-blue').get(`/api/work-orders/customer/${alice.customerId}/abc`).expect(401);
    const text = (await scrape()).text;
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/tenant\/current",status="200"\} \d+/,
    );
    expect(text).not.toContain(alice.customerId);
  });

  it('counts open event streams, and outbox depth with the age of the oldest waiting email', async () => {
    await OutboxMessageModel.create({
      tenantId: blue._id,
      kind: 'test',
      dedupeKey: 'metrics-1',
      to: 'someone@example.test',
      subject: 's',
      html: '<p>h</p>',
      text: 't',
      status: 'pending',
      attempts: 0,
      // Not due for a day, so the worker leaves it waiting.
      nextAttemptAt: new Date(Date.now() + 86_400_000),
      createdAt: new Date(Date.now() - 90_000),
    });
    const stream = await openCustomerStream(t, blue, alice);
    try {
      const text = (await scrape()).text;
      expect(valueOf(text, 'event_streams_open')).toBe(1);
      expect(valueOf(text, 'outbox_pending_messages')).toBe(1);
      expect(valueOf(text, 'outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(89);
    } finally {
      stream.close();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(valueOf((await scrape()).text, 'event_streams_open')).toBe(0);
  });

  it('counts rate-limit refusals by rule', async () => {
    for (let i = 0; i < 4; i++)
      await browser(t, 'metrics-blue')
        .post('/api/customer-portal/auth/reset-password')
        .send({ identifier: 'someone@example.test' });
    expect(valueOf((await scrape()).text, 'rate_limit_refusals_total{rule="resetPerIdentifier"}')).toBe(1);
  });
});
