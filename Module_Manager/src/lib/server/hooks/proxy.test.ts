import type { RequestEvent } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeEvent, recordFetch } from '../testing/fake-event.ts';
import { proxy } from './proxy.ts';

let restore = () => {};
afterEach(() => restore());

describe('the /api proxy', () => {
  it("passes the browser's Origin, CSRF token and cookies on, so the backend's cross-site check runs", async () => {
    const rec = recordFetch(() => new Response(null, { status: 204 }));
    restore = rec.restore;
    const { event } = fakeEvent('http://prairiesky.localhost:4173/api/customer-portal/auth/logout', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'x-csrf-token': 't'.repeat(32), 'content-type': 'application/json' },
      cookies: { wisp_csrf: 't'.repeat(32) },
      body: '{}',
    });
    const res = await proxy({ event, resolve: () => new Response('page') });
    expect(res.status).toBe(204);
    const sent = rec.calls[0]!;
    expect(sent.url).toMatch(/\/api\/customer-portal\/auth\/logout$/);
    expect(sent.headers.get('origin')).toBe('http://evil.example');
    expect(sent.headers.get('x-csrf-token')).toBe('t'.repeat(32));
    expect(sent.headers.get('x-forwarded-host')).toBe('prairiesky.localhost:4173');
    expect(sent.headers.get('cookie')).toContain('wisp_csrf=');
  });

  it('passes an Idempotency-Key on, so a retried create is answered from the first one', async () => {
    const rec = recordFetch(() => new Response('{}', { status: 201 }));
    restore = rec.restore;
    const { event } = fakeEvent('http://prairiesky.localhost:4173/api/work-orders/customer/PSW-1001', {
      method: 'POST',
      headers: { 'idempotency-key': 'retry-key-123456', 'content-type': 'application/json' },
      body: '{}',
    });
    await proxy({ event, resolve: () => new Response('page') });
    expect(rec.calls[0]!.headers.get('idempotency-key')).toBe('retry-key-123456');
  });

  it('leaves page requests to SvelteKit', async () => {
    const { event } = fakeEvent('http://prairiesky.localhost:4173/modules/customers/portal');
    const res = await proxy({ event: event as RequestEvent, resolve: () => new Response('page') });
    expect(await res.text()).toBe('page');
  });
});
