import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { browser, createPortalCustomer, nextIp, PASSWORD } from '../../../test/portal-accounts.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { RateLimitHitModel } from './rate-limit.model.ts';
import { enforceRateLimit, pruneRateLimitHits, recordAttempt, rule } from './rate-limit.service.ts';

let t: TestApp;
let blue: TTenantDoc;
beforeAll(async () => {
  t = await startTestApp();
  blue = await createTenant({ slug: 'limit-blue' });
});
afterAll(() => t.close());

const login = (identifier: string, password: string, ip = nextIp()) =>
  browser(t, 'limit-blue', ip).post('/api/customer-portal/auth/login').send({ identifier, password });

describe('failed logins', () => {
  it('after 5 failures for one identifier (from different IPs) → 429 RATE_LIMITED with Retry-After, even with the right password', async () => {
    const c = await createPortalCustomer(t, blue, { primaryPhone: '+14025556001' });
    // The same person typed three ways counts as one identifier.
    for (const id of ['402-555-6001', '(402) 555-6001', '+1 402 555 6001', '4025556001', '402 555 6001']) {
      expect((await login(id, 'Wrong-Password-1')).status).toBe(401);
    }
    const res = await login(c.email!.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200); // the email is a different identifier…
    const blocked = await login('402.555.6001', PASSWORD);
    expect(blocked.status).toBe(429); // …the phone is locked out, right password or not.
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('after 20 failures from one IP (any identifiers) → 429; a successful login does not reset the IP count', async () => {
    const c = await createPortalCustomer(t, blue);
    const ip = nextIp();
    for (let i = 0; i < 19; i++)
      expect((await login(`nobody${i}@example.test`, 'Wrong-Password-1', ip)).status).toBe(401);
    expect((await login(c.email!, PASSWORD, ip)).status).toBe(200);
    expect((await login('nobody-last@example.test', 'Wrong-Password-1', ip)).status).toBe(401);
    const blocked = await login(c.email!, PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(c.email!, PASSWORD)).status).toBe(200); // another IP is unaffected
  });

  it('stores no email or phone in the clear', async () => {
    await login('private.person@example.test', 'Wrong-Password-1');
    const keys = (await RateLimitHitModel.find().lean()).map((h) => h.key).join(' ');
    expect(keys).not.toContain('private.person');
    expect(keys).not.toContain('+1402');
  });
});

describe('sign-up, reset and link-account attempts', () => {
  it('sign-up: the 6th attempt for one customer within the hour → 429', async () => {
    const c = await createCustomer(blue);
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(
        (
          await browser(t, 'limit-blue')
            .post('/api/customer-portal/auth/signup')
            .send({ customerId: c.customerId, phone: '402-555-0000', password: PASSWORD })
        ).status,
      );
    }
    expect(results).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('reset-password: the 4th request for one identifier within the hour → 429 (still no hint whether it exists)', async () => {
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(
        (
          await browser(t, 'limit-blue')
            .post('/api/customer-portal/auth/reset-password')
            .send({ identifier: 'someone@example.test' })
        ).status,
      );
    expect(results).toEqual([202, 202, 202, 429]);
  });

  it('link-account: after 10 wrong codes from one IP → 429', async () => {
    const ip = nextIp();
    const results = [];
    for (let i = 0; i < 11; i++) {
      results.push(
        (
          await browser(t, 'limit-blue', ip)
            .post('/api/customer-portal/auth/link-account')
            .send({ accessCode: `guessed-code-${i}-abcdefghijkl`, password: PASSWORD })
        ).status,
      );
    }
    expect(results.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(results[10]).toBe(429);
  });
});

describe('the limiter itself', () => {
  it('holds across processes because it counts rows in the shared database, and the sweep deletes only old rows', async () => {
    const r = rule('loginPerIdentifier', 'tenant-x', 'someone');
    const old = new Date(Date.now() - 2 * 3_600_000);
    await recordAttempt([r, r, r, r, r], old);
    await expect(enforceRateLimit([r])).resolves.toBeUndefined(); // outside the window
    await recordAttempt([r, r, r, r, r]);
    await expect(enforceRateLimit([r])).rejects.toMatchObject({ status: 429 });
    expect(await pruneRateLimitHits()).toBeGreaterThanOrEqual(5);
    expect(await RateLimitHitModel.countDocuments({ key: r.key })).toBe(5);
  });
});
